import { QueryError } from './queryProtocol';

/** An ECS service: what UpdateService changes and DescribeServices shows. */
export interface StandInEcsService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  desiredCount: number;
}

type Params = Record<string, any>;

/**
 * Amazon ECS services of an account and region (JSON 1.1, `AmazonEC2ContainerServiceV20141113.*`):
 * `DescribeServices` and `UpdateService` with `desiredCount`, as the Amazon ECS API Reference
 * describes them. A service a stack created exists from its first mention (by its ARN, the
 * stack resource's physical id), running one task.
 */
export class EcsFake {
  readonly services = new Map<string, StandInEcsService>();

  constructor(readonly region: string, readonly account: string) {}

  /** The service of that ARN (or `cluster` + name), created running one task at first mention. */
  service(serviceArnOrName: string, cluster?: string): StandInEcsService {
    const arn = serviceArnOrName.startsWith('arn:')
      ? serviceArnOrName
      : `arn:aws:ecs:${this.region}:${this.account}:service/${(
          cluster ?? 'default'
        )
          .split('/')
          .pop()}/${serviceArnOrName}`;
    let service = this.services.get(arn);
    if (!service) {
      const [, clusterName, serviceName] = arn.split('/');
      service = {
        serviceArn: arn,
        serviceName,
        clusterArn: `arn:aws:ecs:${this.region}:${this.account}:cluster/${clusterName}`,
        desiredCount: 1,
      };
      this.services.set(arn, service);
    }
    return service;
  }

  handle(operation: string, params: Params): unknown {
    if (operation === 'DescribeServices') {
      return {
        services: (params.services as string[]).map(name =>
          this.#json(this.service(name, params.cluster)),
        ),
        failures: [],
      };
    }
    if (operation === 'UpdateService') {
      const service = this.service(params.service, params.cluster);
      if (params.desiredCount !== undefined) {
        if (!Number.isInteger(params.desiredCount) || params.desiredCount < 0) {
          throw new QueryError(
            'InvalidParameterException',
            'desiredCount must be a whole number >= 0',
          );
        }
        service.desiredCount = params.desiredCount;
      }
      return { service: this.#json(service) };
    }
    throw new QueryError(
      'UnknownOperationException',
      `Unknown operation ${operation}`,
    );
  }

  #json(service: StandInEcsService) {
    return {
      serviceArn: service.serviceArn,
      serviceName: service.serviceName,
      clusterArn: service.clusterArn,
      status: 'ACTIVE',
      desiredCount: service.desiredCount,
      runningCount: service.desiredCount,
      pendingCount: 0,
      launchType: 'FARGATE',
    };
  }
}

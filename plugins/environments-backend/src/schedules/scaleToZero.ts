import {
  CloudFormationClient,
  paginateListStackResources,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeServicesCommand,
  ECSClient,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  RDSClient,
  StartDBClusterCommand,
  StartDBInstanceCommand,
  StopDBClusterCommand,
  StopDBInstanceCommand,
} from '@aws-sdk/client-rds';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type {
  AwsAccess,
  EnvironmentTarget,
} from '@stageline/plugin-environments-node';

/** What a stop scaled down, so that a start scales it back (kept as JSON). */
export type ScaledResources = {
  /** ECS services set to 0 tasks, with the count they ran. */
  ecsServices: Array<{ serviceArn: string; desiredCount: number }>;
  /** RDS DB instances stopped. */
  dbInstances: string[];
  /** Aurora clusters stopped. */
  dbClusters: string[];
};

type Clients = {
  cloudFormation: CloudFormationClient;
  ecs: ECSClient;
  rds: RDSClient;
};

async function clientsFor(
  aws: AwsAccess,
  target: EnvironmentTarget,
): Promise<Clients> {
  const config = await aws.clientConfig({
    accountId: target.accountId,
    region: target.region,
  });
  return {
    cloudFormation: new CloudFormationClient(config),
    ecs: new ECSClient(config),
    rds: new RDSClient(config),
  };
}

/** The stack's ECS services, RDS DB instances and Aurora clusters (ListStackResources, all pages). */
async function scalableResources(
  client: CloudFormationClient,
  stackName: string,
) {
  const found = {
    ecsServices: [] as string[],
    dbInstances: [] as string[],
    dbClusters: [] as string[],
  };
  for await (const page of paginateListStackResources(
    { client },
    { StackName: stackName },
  )) {
    for (const resource of page.StackResourceSummaries ?? []) {
      const id = resource.PhysicalResourceId;
      if (!id) continue;
      if (resource.ResourceType === 'AWS::ECS::Service')
        found.ecsServices.push(id);
      if (resource.ResourceType === 'AWS::RDS::DBInstance')
        found.dbInstances.push(id);
      if (resource.ResourceType === 'AWS::RDS::DBCluster')
        found.dbClusters.push(id);
    }
  }
  return found;
}

/** `InvalidDBInstanceState` / `InvalidDBClusterStateFault`: already stopped (or started). */
const alreadyThere = (error: unknown) =>
  /^InvalidDB(Instance|Cluster)State/.test((error as Error).name ?? '');

/**
 * Stops what a direct-mode environment's stack bills by the hour without deleting anything: its
 * ECS services to 0 tasks and its RDS DB instances and Aurora clusters stopped. Nothing is
 * deleted, so every data store keeps its data (AWS starts a stopped database again after seven
 * days; the next shutdown stops it again).
 *
 * @returns what was scaled down, for {@link scaleBack}
 * @throws ConflictError when the stack has nothing to stop: Stageline does not destroy a stack
 *   to stop it (a destroy that keeps its data stores is not built)
 */
export async function scaleToZero(options: {
  aws: AwsAccess;
  target: EnvironmentTarget;
  logger: LoggerService;
}): Promise<ScaledResources> {
  const { target, logger } = options;
  const clients = await clientsFor(options.aws, target);
  const found = await scalableResources(
    clients.cloudFormation,
    target.stackName,
  );
  if (
    found.ecsServices.length +
      found.dbInstances.length +
      found.dbClusters.length ===
    0
  ) {
    throw new ConflictError(
      `${target.stackName} has no ECS service or RDS database to stop: Stageline stops a direct-mode environment by scaling those to zero and never destroys its stack for a schedule`,
    );
  }
  const scaled: ScaledResources = {
    ecsServices: [],
    dbInstances: [],
    dbClusters: [],
  };
  if (found.ecsServices.length) {
    const { services = [] } = await clients.ecs.send(
      new DescribeServicesCommand({
        services: found.ecsServices,
        cluster: clusterOf(found.ecsServices[0]),
      }),
    );
    for (const service of services) {
      if (!service.serviceArn || !service.desiredCount) continue;
      await clients.ecs.send(
        new UpdateServiceCommand({
          cluster: service.clusterArn,
          service: service.serviceArn,
          desiredCount: 0,
        }),
      );
      scaled.ecsServices.push({
        serviceArn: service.serviceArn,
        desiredCount: service.desiredCount,
      });
      logger.info(
        `Scaled ECS service ${service.serviceName} from ${service.desiredCount} tasks to 0`,
      );
    }
  }
  for (const id of found.dbInstances) {
    try {
      await clients.rds.send(
        new StopDBInstanceCommand({ DBInstanceIdentifier: id }),
      );
      scaled.dbInstances.push(id);
      logger.info(`Stopped RDS DB instance ${id}`);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
  for (const id of found.dbClusters) {
    try {
      await clients.rds.send(
        new StopDBClusterCommand({ DBClusterIdentifier: id }),
      );
      scaled.dbClusters.push(id);
      logger.info(`Stopped Aurora cluster ${id}`);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
  return scaled;
}

/** Starts again what {@link scaleToZero} stopped: databases first, then the services' tasks. */
export async function scaleBack(options: {
  aws: AwsAccess;
  target: EnvironmentTarget;
  scaled: ScaledResources;
  logger: LoggerService;
}): Promise<void> {
  const { scaled, logger } = options;
  const clients = await clientsFor(options.aws, options.target);
  for (const id of scaled.dbClusters) {
    try {
      await clients.rds.send(
        new StartDBClusterCommand({ DBClusterIdentifier: id }),
      );
      logger.info(`Started Aurora cluster ${id}`);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
  for (const id of scaled.dbInstances) {
    try {
      await clients.rds.send(
        new StartDBInstanceCommand({ DBInstanceIdentifier: id }),
      );
      logger.info(`Started RDS DB instance ${id}`);
    } catch (error) {
      if (!alreadyThere(error)) throw error;
    }
  }
  for (const { serviceArn, desiredCount } of scaled.ecsServices) {
    await clients.ecs.send(
      new UpdateServiceCommand({
        cluster: clusterOf(serviceArn),
        service: serviceArn,
        desiredCount,
      }),
    );
    logger.info(
      `Scaled ECS service ${serviceArn
        .split('/')
        .pop()} back to ${desiredCount} tasks`,
    );
  }
}

/** The cluster of a service ARN `arn:aws:ecs:…:service/<cluster>/<service>`. */
function clusterOf(serviceArn: string): string | undefined {
  const parts = serviceArn.split('/');
  return parts.length === 3 ? parts[1] : undefined;
}

import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { placeholderServerSource } from '../placeholder/healthResponder';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FargateComputeProfile } from '../profiles';
import { AlarmSpec } from './AlarmSpec';
import { ApiRuntime, ApiRuntimeProps } from './ApiRuntime';
import { grantParameterRead, runtimeEnvironment } from './EnvironmentContext';

/**
 * Props of {@link FargateApi}.
 *
 * @public
 */
export interface FargateApiProps extends ApiRuntimeProps {
  /** Service settings from the scale profile. */
  readonly compute: FargateComputeProfile;
  /** The VPC: the load balancer goes in its public subnets, tasks in its private ones. */
  readonly vpc: ec2.IVpc;
}

/**
 * The API at enterprise scale: an ECS Fargate service behind an internet-facing Application
 * Load Balancer, health-checked on the health route, scaling on CPU. The default image runs a
 * placeholder server (`node -e`) that answers the health route; the service sets its own image.
 *
 * @public
 */
export class FargateApi extends Construct implements ApiRuntime {
  /** The service, its task definition and load balancer. */
  readonly service: ecsPatterns.ApplicationLoadBalancedFargateService;
  /** Base URL of the API (HTTP, on the load balancer's DNS name). */
  readonly url: string;
  /** Alarms this part asks for: service CPU and target 5xx. */
  readonly alarmSpecs: AlarmSpec[];
  /** The task role. */
  readonly grantPrincipal: iam.IPrincipal;
  /** The service's security group. */
  readonly connections: ec2.Connections;

  constructor(scope: Construct, id: string, props: FargateApiProps) {
    super(scope, id);
    const { context, compute, monitoring } = props;
    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: monitoring.detailedMonitoring
        ? ecs.ContainerInsights.ENABLED
        : ecs.ContainerInsights.DISABLED,
    });
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: monitoring.logRetention,
      removalPolicy: context.removalPolicy,
    });
    this.service = new ecsPatterns.ApplicationLoadBalancedFargateService(
      this,
      'Service',
      {
        cluster,
        cpu: compute.cpu,
        memoryLimitMiB: compute.memoryMiB,
        desiredCount: compute.desiredCount,
        publicLoadBalancer: true,
        taskSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        circuitBreaker: { rollback: true },
        runtimePlatform: {
          cpuArchitecture:
            compute.architecture === 'arm64'
              ? ecs.CpuArchitecture.ARM64
              : ecs.CpuArchitecture.X86_64,
          operatingSystemFamily: ecs.OperatingSystemFamily.LINUX,
        },
        taskImageOptions: {
          image: ecs.ContainerImage.fromRegistry(compute.containerImage),
          containerPort: compute.containerPort,
          command: [
            'node',
            '-e',
            placeholderServerSource(
              context.healthCheckPath,
              compute.containerPort,
            ),
          ],
          environment: {
            ...runtimeEnvironment(context),
            PORT: String(compute.containerPort),
            ...props.environment,
          },
          logDriver: ecs.LogDrivers.awsLogs({ streamPrefix: 'api', logGroup }),
        },
      },
    );
    this.service.targetGroup.configureHealthCheck({
      path: context.healthCheckPath,
      healthyHttpCodes: '200',
      interval: Duration.seconds(30),
      timeout: Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    });
    this.service.service
      .autoScaleTaskCount({
        minCapacity: compute.autoScaling.minCapacity,
        maxCapacity: compute.autoScaling.maxCapacity,
      })
      .scaleOnCpuUtilization('Cpu', {
        targetUtilizationPercent: compute.autoScaling.targetCpuUtilization,
      });
    this.grantPrincipal = this.service.taskDefinition.taskRole;
    this.connections = this.service.service.connections;
    grantParameterRead(this, this.grantPrincipal, context);
    this.url = `http://${this.service.loadBalancer.loadBalancerDnsName}`;

    const period = Duration.minutes(5);
    this.alarmSpecs = [
      {
        id: 'ServiceCpu',
        description: 'The API service averaged more than 80% CPU',
        metric: this.service.service.metricCpuUtilization({ period }),
        threshold: 80,
        evaluationPeriods: 2,
      },
      {
        id: 'Target5xx',
        description: 'The API tasks answered 5xx',
        metric: this.service.loadBalancer.metrics.httpCodeTarget(
          elbv2.HttpCodeTarget.TARGET_5XX_COUNT,
          { period, statistic: cloudwatch.Stats.SUM },
        ),
        threshold: 10,
        evaluationPeriods: 1,
      },
    ];
  }
}

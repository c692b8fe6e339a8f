import { Duration } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { placeholderLambdaSource } from '../placeholder/healthResponder';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LambdaComputeProfile } from '../profiles';
import { AlarmSpec } from './AlarmSpec';
import { ApiRuntime, ApiRuntimeProps } from './ApiRuntime';
import { grantParameterRead, runtimeEnvironment } from './EnvironmentContext';

/**
 * Props of {@link ServerlessApi}.
 *
 * @public
 */
export interface ServerlessApiProps extends ApiRuntimeProps {
  /** Function settings from the scale profile. */
  readonly compute: LambdaComputeProfile;
  /**
   * VPC to run the function in (private subnets).
   * @defaultValue - no VPC
   */
  readonly vpc?: ec2.IVpc;
}

/**
 * The API at serverless scales: a Lambda function (Node.js 22, inline placeholder code that
 * answers the health route) behind an API Gateway HTTP API, with its own log group.
 *
 * @public
 */
export class ServerlessApi extends Construct implements ApiRuntime {
  /** The function; the service's deployment replaces its code. */
  readonly function: lambda.Function;
  /** The HTTP API. */
  readonly httpApi: apigwv2.HttpApi;
  /** Base URL of the API. */
  readonly url: string;
  /** Host name of the API, for use as a CloudFront origin. */
  readonly domainName: string;
  /** Alarms this part asks for: function errors and API 5xx. */
  readonly alarmSpecs: AlarmSpec[];
  /** The function's role. */
  readonly grantPrincipal: iam.IPrincipal;
  /** The function's security group, when it runs in a VPC. */
  readonly connections?: ec2.Connections;

  constructor(scope: Construct, id: string, props: ServerlessApiProps) {
    super(scope, id);
    const { context, compute, monitoring } = props;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: monitoring.logRetention,
      removalPolicy: context.removalPolicy,
    });
    this.function = new lambda.Function(this, 'Function', {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture:
        compute.architecture === 'arm64'
          ? lambda.Architecture.ARM_64
          : lambda.Architecture.X86_64,
      handler: 'index.handler',
      code: lambda.Code.fromInline(
        placeholderLambdaSource(context.healthCheckPath),
      ),
      memorySize: compute.memoryMiB,
      timeout: Duration.seconds(compute.timeoutSeconds),
      environment: { ...runtimeEnvironment(context), ...props.environment },
      logGroup,
      tracing: monitoring.detailedMonitoring
        ? lambda.Tracing.ACTIVE
        : lambda.Tracing.DISABLED,
      vpc: props.vpc,
      vpcSubnets: props.vpc
        ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }
        : undefined,
    });
    this.grantPrincipal = this.function.grantPrincipal;
    this.connections = props.vpc ? this.function.connections : undefined;
    grantParameterRead(this, this.function, context);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: `${context.appName} ${context.key} API`,
      defaultIntegration: new HttpLambdaIntegration('Function', this.function),
    });
    this.url = this.httpApi.apiEndpoint;
    this.domainName = `${this.httpApi.apiId}.execute-api.${this.httpApi.stack.region}.${this.httpApi.stack.urlSuffix}`;
    const period = Duration.minutes(5);
    this.alarmSpecs = [
      {
        id: 'FunctionErrors',
        description: 'The API function threw errors',
        metric: this.function.metricErrors({
          period,
          statistic: cloudwatch.Stats.SUM,
        }),
        threshold: 5,
        evaluationPeriods: 1,
      },
      {
        id: 'Api5xx',
        description: 'The HTTP API answered 5xx',
        metric: this.httpApi.metricServerError({
          period,
          statistic: cloudwatch.Stats.SUM,
        }),
        threshold: 10,
        evaluationPeriods: 1,
      },
    ];
  }
}

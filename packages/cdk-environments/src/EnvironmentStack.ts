/* eslint-disable no-new -- CDK constructs register themselves with their scope */
import {
  CfnOutput,
  Fn,
  IStackSynthesizer,
  RemovalPolicy,
  Stack,
  Tags,
  Token,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { CdnDistribution } from './constructs/CdnDistribution';
import { EnvironmentContext } from './constructs/EnvironmentContext';
import { EnvironmentMonitoring } from './constructs/EnvironmentMonitoring';
import { EnvironmentParameters } from './constructs/EnvironmentParameters';
import { EnvironmentSecrets } from './constructs/EnvironmentSecrets';
import { FargateApi } from './constructs/FargateApi';
import { Network } from './constructs/Network';
import { PostgresDatabase } from './constructs/PostgresDatabase';
import { RedisCache } from './constructs/RedisCache';
import { ServerlessApi } from './constructs/ServerlessApi';
import { WebFirewall } from './constructs/WebFirewall';
import {
  environmentKey,
  parameterPrefix,
  secretName,
  stackNameFor,
} from './naming';
import {
  ScaleProfile,
  ScaleProfileOverrides,
  resolveScaleProfile,
} from './profiles';
import { availabilityZoneCount, parseRegion } from './regions';
import { Scale, Stage, parseScale, parseStage } from './stages';
import { STACK_TAG_KEYS } from './stackTags';

/**
 * The AWS account and region of an environment.
 *
 * @public
 */
export interface EnvironmentTarget {
  /**
   * 12-digit AWS account id.
   * @defaultValue - account-agnostic: resolved at deployment
   */
  readonly account?: string;
  /** AWS region, e.g. `eu-west-2`. */
  readonly region: string;
}

/**
 * Props of {@link EnvironmentStack}.
 *
 * @public
 */
export interface EnvironmentStackProps {
  /** Kebab-case application name, e.g. `macro-ai`. */
  readonly appName: string;
  /** The stage. */
  readonly stage: Stage;
  /** The scale; selects the profile. */
  readonly scale: Scale;
  /** Where the stack deploys. */
  readonly env: EnvironmentTarget;
  /**
   * Pull request number of a preview; required when `stage` is `preview`, refused otherwise.
   * @defaultValue - none
   */
  readonly previewId?: string | number;
  /**
   * Changes to the scale's profile for this environment.
   * @defaultValue - the profile as built in
   */
  readonly overrides?: ScaleProfileOverrides;
  /**
   * The API's health route.
   * @defaultValue '/api/health'
   */
  readonly healthCheckPath?: string;
  /**
   * Address subscribed to the alarm topic, when the profile has alarms.
   * @defaultValue - no subscription
   */
  readonly alarmEmail?: string;
  /**
   * The CloudFormation stack name, when the environment's stack is not named by convention
   * (its Environment's `spec.deployment.stackName`).
   * @defaultValue - `{App}{Stage}Stack` (`stackNameFor`)
   */
  readonly stackName?: string;
  /**
   * How the stack is synthesized. `synthesizeEnvironment` passes an `InlineTemplateSynthesizer`
   * (no bootstrap version check, no assets), because its templates go straight to
   * CloudFormation.
   * @defaultValue - the app's default: `DefaultStackSynthesizer`, for `cdk deploy` after `cdk bootstrap`
   */
  readonly synthesizer?: IStackSynthesizer;
}

/**
 * Free VPC plumbing (one of each per subnet) that does not repeat the `stageline.dev/*` tags, to keep
 * the template within CloudFormation's inline size limit: they carry the CDK's `Name` tag and
 * CloudFormation's own `aws:cloudformation:stack-name`, and get the stack's tags when the
 * stack is deployed with them (`cdk deploy` does; see `SynthesizedEnvironment.tags`).
 */
const UNTAGGED_RESOURCE_TYPES = ['AWS::EC2::Subnet', 'AWS::EC2::RouteTable'];

function parseAccount(account: string | undefined): string | undefined {
  if (
    account !== undefined &&
    !Token.isUnresolved(account) &&
    !/^[0-9]{12}$/.test(account)
  ) {
    throw new Error(
      `Invalid env.account ${JSON.stringify(account)}: expected 12 digits`,
    );
  }
  return account;
}

function parseStackName(stackName: string): string {
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(stackName)) {
    throw new Error(
      `Invalid stackName ${JSON.stringify(
        stackName,
      )}: expected a CloudFormation stack name (a letter, then up to 127 letters, digits or hyphens)`,
    );
  }
  return stackName;
}

function parseHealthCheckPath(path: string): string {
  if (!/^\/[A-Za-z0-9/_.-]*$/.test(path)) {
    throw new Error(
      `Invalid healthCheckPath ${JSON.stringify(
        path,
      )}: expected a path starting with "/", e.g. "/api/health"`,
    );
  }
  return path;
}

/**
 * One environment of an application as a CloudFormation stack named `{App}{Stage}Stack`
 * (`MacroAiStagingStack`, `MacroAiPr42Stack`), built from the scale's profile: the API (Lambda
 * or Fargate), and where the profile asks for them a VPC, RDS, ElastiCache, CloudFront, WAF,
 * alarms, a dashboard and Secrets Manager secrets. The stack and every taggable resource but
 * subnets and route tables are tagged `stageline.dev/app`, `stageline.dev/stage` and
 * `stageline.dev/scale` (and `stageline.dev/preview`). Synthesis looks nothing up.
 *
 * @public
 */
export class EnvironmentStack extends Stack {
  /** The profile the stack was built from, overrides applied. */
  readonly profile: ScaleProfile;
  /** What the parts of the stack know about the environment. */
  readonly context: EnvironmentContext;
  /** The public base URL of the API (CloudFront when present). */
  readonly apiUrl: string;
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    const stage = parseStage(props.stage);
    const scale = parseScale(props.scale);
    const region = parseRegion(props.env?.region, 'env.region');
    const stackName =
      props.stackName === undefined
        ? stackNameFor(props.appName, stage, props.previewId)
        : parseStackName(props.stackName);
    super(scope, id, {
      stackName,
      env: { account: parseAccount(props.env.account), region },
      description: `Stageline environment ${props.appName} ${stage} at ${scale} scale`,
      synthesizer: props.synthesizer,
    });
    const zoneCount = availabilityZoneCount(region);
    this.zones = Array.from({ length: zoneCount }, (_, index) =>
      Fn.select(index, Fn.getAzs()),
    );
    this.profile = resolveScaleProfile(scale, props.overrides, zoneCount);
    const key = environmentKey(stage, props.previewId);
    this.context = {
      appName: props.appName,
      stage,
      scale,
      key,
      configKey: stage === 'preview' ? 'staging' : key,
      healthCheckPath: parseHealthCheckPath(
        props.healthCheckPath ?? '/api/health',
      ),
      removalPolicy:
        stage === 'production' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    };
    const tags: Record<string, string> = {
      [STACK_TAG_KEYS.app]: props.appName,
      [STACK_TAG_KEYS.stage]: stage,
      [STACK_TAG_KEYS.scale]: scale,
    };
    if (props.previewId !== undefined) tags[STACK_TAG_KEYS.preview] = key;
    for (const [tagKey, value] of Object.entries(tags)) {
      Tags.of(this).add(tagKey, value, {
        excludeResourceTypes: UNTAGGED_RESOURCE_TYPES,
      });
    }

    this.apiUrl = this.build(props.alarmEmail);
    new CfnOutput(this, 'ApiUrl', { value: this.apiUrl });
    new CfnOutput(this, 'HealthCheckUrl', {
      value: `${this.apiUrl}${this.context.healthCheckPath}`,
    });
    new CfnOutput(this, 'ParameterPrefix', {
      value: parameterPrefix(props.appName, key),
    });
  }

  /**
   * The region's zones as `Fn::Select` over `Fn::GetAZs`, as many as the fixed table says:
   * a stack with a region would otherwise look its zones up.
   */
  get availabilityZones(): string[] {
    return this.zones;
  }

  private build(alarmEmail: string | undefined): string {
    const { profile, context } = this;
    const vpc = profile.network.enabled
      ? new Network(this, 'Network', { profile: profile.network }).vpc
      : undefined;
    const environment: Record<string, string> = {};
    const published: Record<string, string> = {
      scale: context.scale,
      'stack-name': this.stackName,
    };

    const secrets =
      profile.secrets.store === 'secrets-manager'
        ? new EnvironmentSecrets(this, 'Secrets', { context })
        : undefined;
    if (secrets)
      environment.SECRETS_PREFIX = parameterPrefix(
        context.appName,
        context.key,
      );

    let database: PostgresDatabase | undefined;
    if (profile.database.provider === 'rds') {
      database = new PostgresDatabase(this, 'Database', {
        profile: profile.database,
        vpc: vpc!,
        credentialsSecretName: secretName(
          context.appName,
          context.key,
          'database-credentials',
        ),
        removalPolicy:
          context.stage === 'preview'
            ? RemovalPolicy.DESTROY
            : RemovalPolicy.SNAPSHOT,
        enhancedMonitoring: profile.monitoring.detailedMonitoring,
      });
      environment.DB_HOST = database.instance.dbInstanceEndpointAddress;
      environment.DB_PORT = database.instance.dbInstanceEndpointPort;
      environment.DB_SECRET_NAME = secretName(
        context.appName,
        context.key,
        'database-credentials',
      );
      published['database-endpoint'] =
        database.instance.dbInstanceEndpointAddress;
    } else {
      published['database-backup-retention-days'] = String(
        profile.database.backupRetentionDays,
      );
    }

    let cache: RedisCache | undefined;
    if (profile.cache.provider === 'elasticache') {
      cache = new RedisCache(this, 'Cache', {
        profile: profile.cache,
        vpc: vpc!,
        description: `${context.appName} ${context.key} cache`,
      });
      environment.REDIS_HOST =
        cache.replicationGroup.attrPrimaryEndPointAddress;
      environment.REDIS_PORT = String(cache.port);
      published['redis-endpoint'] =
        cache.replicationGroup.attrPrimaryEndPointAddress;
    }

    const api: FargateApi | ServerlessApi =
      profile.compute.kind === 'fargate'
        ? new FargateApi(this, 'Api', {
            context,
            compute: profile.compute,
            monitoring: profile.monitoring,
            vpc: vpc!,
            environment,
          })
        : new ServerlessApi(this, 'Api', {
            context,
            compute: profile.compute,
            monitoring: profile.monitoring,
            vpc,
            environment,
          });
    secrets?.grantRead(api);
    if (database) {
      database.instance.secret?.grantRead(api);
      database.instance.connections.allowDefaultPortFrom(api.connections!);
    }
    if (cache) cache.connections.allowDefaultPortFrom(api.connections!);

    let publicUrl = api.url;
    if (profile.edge.cloudFront) {
      const origin =
        api instanceof FargateApi
          ? CdnDistribution.loadBalancerOrigin(api.service.loadBalancer)
          : CdnDistribution.httpsOrigin(api.domainName);
      publicUrl = new CdnDistribution(this, 'Cdn', {
        origin,
        comment: `${context.appName} ${context.key}`,
      }).url;
    }
    if (profile.edge.waf && api instanceof FargateApi) {
      new WebFirewall(this, 'Firewall', {
        resourceArn: api.service.loadBalancer.loadBalancerArn,
        metricPrefix: this.stackName,
      });
    }

    if (profile.monitoring.alarms || profile.monitoring.dashboard) {
      new EnvironmentMonitoring(this, 'Monitoring', {
        specs: [...api.alarmSpecs, ...(database?.alarmSpecs ?? [])],
        alarms: profile.monitoring.alarms,
        dashboard: profile.monitoring.dashboard,
        dashboardName: this.stackName,
        alarmEmail,
      });
    }

    published['api-url'] = publicUrl;
    new EnvironmentParameters(this, 'Parameters', {
      context,
      values: published,
    });
    return publicUrl;
  }
}

import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EnvironmentStack, EnvironmentStackProps } from './EnvironmentStack';
import { SCALES, Scale, Stage } from './stages';
import {
  resourceTags,
  synthesizeForTest,
} from './__testUtils__/synthesizeForTest';

/** Free VPC plumbing left to the stack-level tags (see `SynthesizedEnvironment.tags`). */
const UNTAGGED = ['AWS::EC2::Subnet', 'AWS::EC2::RouteTable'];

/** The dashboard's body as one string (its `Fn::Join` parts, references as JSON). */
function dashboardBody(template: Template): string {
  const [dashboard] = Object.values(
    template.findResources('AWS::CloudWatch::Dashboard'),
  );
  const [, parts] = dashboard.Properties.DashboardBody['Fn::Join'];
  return parts
    .map((part: unknown) =>
      typeof part === 'string' ? part : JSON.stringify(part),
    )
    .join('');
}

const STAGE_OF: Record<Scale, Stage> = {
  hobby: 'staging',
  'enhanced-hobby': 'production',
  enterprise: 'production',
};

describe('EnvironmentStack', () => {
  describe('hobby (staging)', () => {
    const { stackName, template } = synthesizeForTest({
      stage: 'staging',
      scale: 'hobby',
    });

    it('is named {App}{Stage}Stack', () => {
      expect(stackName).toBe('MacroAiStagingStack');
    });

    it('is serverless: no VPC, NAT gateway, public IPv4, database, cache or load balancer', () => {
      for (const type of [
        'AWS::EC2::VPC',
        'AWS::EC2::NatGateway',
        'AWS::EC2::EIP',
        'AWS::RDS::DBInstance',
        'AWS::ElastiCache::ReplicationGroup',
        'AWS::ECS::Service',
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        'AWS::CloudFront::Distribution',
        'AWS::WAFv2::WebACL',
        'AWS::CloudWatch::Alarm',
        'AWS::SecretsManager::Secret',
      ]) {
        template.resourceCountIs(type, 0);
      }
    });

    it('runs a Node.js 22 arm64 function behind an HTTP API', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Handler: 'index.handler',
        Code: { ZipFile: Match.stringLikeRegexp('/api/health') },
        Environment: {
          Variables: Match.objectLike({
            APP_ENV: 'staging',
            STAGELINE_SCALE: 'hobby',
            PARAMETER_PREFIX: '/macro-ai/staging',
            DATABASE_URL_PARAMETER:
              '/macro-ai/staging/critical/neon-database-url',
            REDIS_URL_PARAMETER: '/macro-ai/staging/standard/upstash-redis-url',
          }),
        },
      });
      template.resourceCountIs('AWS::Lambda::Function', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
        ProtocolType: 'HTTP',
      });
    });

    it('keeps logs one week and deletes them with the stack', () => {
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { RetentionInDays: 7 },
        DeletionPolicy: 'Delete',
      });
    });

    it('lets the function read its Parameter Store hierarchy', () => {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Action: [
                'ssm:GetParameter',
                'ssm:GetParameters',
                'ssm:GetParametersByPath',
              ],
              Resource: {
                'Fn::Join': [
                  '',
                  [
                    'arn:',
                    { Ref: 'AWS::Partition' },
                    ':ssm:eu-west-2:123456789012:parameter/macro-ai/staging/*',
                  ],
                ],
              },
            }),
          ]),
        },
      });
    });

    it('publishes standard parameters under /{app}/{stage}/standard/', () => {
      for (const [name, value] of [
        ['scale', 'hobby'],
        ['stack-name', 'MacroAiStagingStack'],
        ['database-backup-retention-days', '7'],
      ]) {
        template.hasResourceProperties('AWS::SSM::Parameter', {
          Name: `/macro-ai/staging/standard/${name}`,
          Type: 'String',
          Tier: 'Standard',
          Value: value,
        });
      }
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: '/macro-ai/staging/standard/api-url',
      });
    });

    it('outputs the health check URL', () => {
      template.hasOutput('HealthCheckUrl', {
        Value: { 'Fn::Join': ['', Match.arrayWith(['/api/health'])] },
      });
    });
  });

  describe('enhanced-hobby (production)', () => {
    const { template } = synthesizeForTest({
      stage: 'production',
      scale: 'enhanced-hobby',
    });

    it('has a 2-AZ VPC with exactly one NAT gateway', () => {
      template.resourceCountIs('AWS::EC2::VPC', 1);
      template.resourceCountIs('AWS::EC2::NatGateway', 1);
      template.resourceCountIs('AWS::EC2::Subnet', 4);
      template.resourceCountIs('AWS::RDS::DBInstance', 0);
    });

    it('runs the function in the private subnets with tracing', () => {
      template.hasResourceProperties('AWS::Lambda::Function', {
        MemorySize: 1024,
        TracingConfig: { Mode: 'Active' },
        VpcConfig: { SubnetIds: Match.anyValue() },
      });
    });

    it('has basic alarms on function errors and API 5xx, sent to a topic', () => {
      template.resourceCountIs('AWS::CloudWatch::Alarm', 2);
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Errors',
        Namespace: 'AWS/Lambda',
        AlarmActions: [{ Ref: Match.anyValue() }],
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: '5xx',
        Namespace: 'AWS/ApiGateway',
      });
      template.resourceCountIs('AWS::SNS::Topic', 1);
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    });

    it('keeps logs three months, retained in production, and longer database history', () => {
      template.hasResource('AWS::Logs::LogGroup', {
        Properties: { RetentionInDays: 90 },
        DeletionPolicy: 'Retain',
      });
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: '/macro-ai/production/standard/database-backup-retention-days',
        Value: '14',
      });
    });
  });

  describe('enterprise (production)', () => {
    const { stackName, template } = synthesizeForTest({
      stage: 'production',
      scale: 'enterprise',
    });

    it('is named MacroAiProductionStack', () => {
      expect(stackName).toBe('MacroAiProductionStack');
    });

    it('has a 3-AZ VPC with public, private and isolated subnets and a NAT gateway per zone', () => {
      template.resourceCountIs('AWS::EC2::Subnet', 9);
      template.resourceCountIs('AWS::EC2::NatGateway', 3);
      template.hasResourceProperties('AWS::EC2::Subnet', {
        Tags: Match.arrayWith([
          { Key: 'aws-cdk:subnet-type', Value: 'Isolated' },
        ]),
      });
    });

    it('runs 3 Fargate tasks of 1 vCPU / 2 GiB behind an ALB, scaling 2–10 on 70% CPU', () => {
      template.hasResourceProperties('AWS::ECS::Service', {
        LaunchType: 'FARGATE',
        DesiredCount: 3,
      });
      template.hasResourceProperties('AWS::ECS::TaskDefinition', {
        Cpu: '1024',
        Memory: '2048',
        RuntimePlatform: {
          CpuArchitecture: 'X86_64',
          OperatingSystemFamily: 'LINUX',
        },
        ContainerDefinitions: [
          Match.objectLike({
            Image: 'public.ecr.aws/docker/library/node:22-alpine',
          }),
        ],
      });
      template.hasResourceProperties(
        'AWS::ElasticLoadBalancingV2::LoadBalancer',
        {
          Scheme: 'internet-facing',
          Type: 'application',
        },
      );
      template.hasResourceProperties(
        'AWS::ElasticLoadBalancingV2::TargetGroup',
        {
          HealthCheckPath: '/api/health',
        },
      );
      template.hasResourceProperties(
        'AWS::ApplicationAutoScaling::ScalableTarget',
        {
          MinCapacity: 2,
          MaxCapacity: 10,
        },
      );
      template.hasResourceProperties(
        'AWS::ApplicationAutoScaling::ScalingPolicy',
        {
          TargetTrackingScalingPolicyConfiguration: Match.objectLike({
            TargetValue: 70,
          }),
        },
      );
    });

    it('has a Multi-AZ PostgreSQL with backups, deletion protection and Performance Insights', () => {
      template.hasResource('AWS::RDS::DBInstance', {
        Properties: Match.objectLike({
          Engine: 'postgres',
          DBInstanceClass: 'db.r6g.large',
          MultiAZ: true,
          StorageType: 'gp3',
          AllocatedStorage: '100',
          BackupRetentionPeriod: 30,
          DeletionProtection: true,
          EnablePerformanceInsights: true,
          StorageEncrypted: true,
        }),
        DeletionPolicy: 'Snapshot',
      });
    });

    it('has a Multi-AZ Redis replication group of two nodes', () => {
      template.hasResourceProperties('AWS::ElastiCache::ReplicationGroup', {
        Engine: 'redis',
        CacheNodeType: 'cache.r6g.large',
        NumCacheClusters: 2,
        MultiAZEnabled: true,
        AutomaticFailoverEnabled: true,
      });
    });

    it('puts CloudFront in front and a regional WAF with 4 rules on the ALB', () => {
      template.resourceCountIs('AWS::CloudFront::Distribution', 1);
      template.hasResourceProperties('AWS::WAFv2::WebACL', {
        Scope: 'REGIONAL',
        Rules: Match.arrayWith([Match.objectLike({ Name: 'RateLimitPerIp' })]),
      });
      const [webAcl] = Object.values(
        template.findResources('AWS::WAFv2::WebACL'),
      );
      expect(webAcl.Properties.Rules).toHaveLength(4);
      template.resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    });

    it('alarms on CPU, database connections and 5xx, with a dashboard', () => {
      template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
      for (const metric of [
        'CPUUtilization',
        'DatabaseConnections',
        'HTTPCode_Target_5XX_Count',
      ]) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: metric,
        });
      }
      template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    });

    it('graphs each alarm once on the dashboard, with its threshold and state', () => {
      const body = dashboardBody(template);
      expect(body.match(/"annotations":\{"alarms":\[/g)).toHaveLength(3);
      expect(body).not.toContain('"type":"alarm"');
      expect(body).not.toContain('"metrics"');
    });

    it('draws the thresholds on plain graphs when the dashboard has no alarms', () => {
      const withoutAlarms = synthesizeForTest({
        stage: 'production',
        scale: 'enterprise',
        overrides: { monitoring: { alarms: false } },
      }).template;
      withoutAlarms.resourceCountIs('AWS::CloudWatch::Alarm', 0);
      const body = dashboardBody(withoutAlarms);
      expect(body.match(/"label":"alarm threshold"/g)).toHaveLength(3);
      expect(body).toContain('"CPUUtilization"');
    });

    it('names its Secrets Manager secrets as seed 004 does', () => {
      for (const kind of [
        'api-keys',
        'database-credentials',
        'external-services',
      ]) {
        template.hasResourceProperties('AWS::SecretsManager::Secret', {
          Name: `/macro-ai/production/${kind}`,
        });
      }
    });
  });

  describe('preview', () => {
    const { stackName, template, json } = synthesizeForTest({
      stage: 'preview',
      scale: 'hobby',
      previewId: 42,
    });

    it('is named after the pull request and reads staging inputs', () => {
      expect(stackName).toBe('MacroAiPr42Stack');
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: {
          Variables: Match.objectLike({
            APP_ENV: 'preview',
            STAGELINE_ENVIRONMENT_KEY: 'pr-42',
            PARAMETER_PREFIX: '/macro-ai/staging',
          }),
        },
      });
      template.hasResourceProperties('AWS::SSM::Parameter', {
        Name: '/macro-ai/pr-42/standard/stack-name',
        Value: 'MacroAiPr42Stack',
      });
    });

    it("may read its own hierarchy and staging's", () => {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Resource: [
                {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':ssm:eu-west-2:123456789012:parameter/macro-ai/pr-42/*',
                    ],
                  ],
                },
                {
                  'Fn::Join': [
                    '',
                    [
                      'arn:',
                      { Ref: 'AWS::Partition' },
                      ':ssm:eu-west-2:123456789012:parameter/macro-ai/staging/*',
                    ],
                  ],
                },
              ],
            }),
          ]),
        },
      });
    });

    it('is tagged with its preview key', () => {
      const [, tags] = resourceTags(json).find(
        ([type]) => type === 'AWS::Lambda::Function',
      )!;
      expect(tags['stageline.dev/preview']).toBe('pr-42');
    });
  });

  describe.each(SCALES)('%s', scale => {
    const { json } = synthesizeForTest({ stage: STAGE_OF[scale], scale });

    it('tags every taggable resource but subnets and route tables with app, stage and scale', () => {
      const tagged = resourceTags(json);
      const plumbing = tagged.filter(([type]) => UNTAGGED.includes(type));
      const others = tagged.filter(([type]) => !UNTAGGED.includes(type));
      expect(others.length).toBeGreaterThan(3);
      for (const [, tags] of others) {
        expect(tags).toMatchObject({
          'stageline.dev/app': 'macro-ai',
          'stageline.dev/stage': STAGE_OF[scale],
          'stageline.dev/scale': scale,
        });
      }
      for (const [, tags] of plumbing) {
        expect(tags.Name).toMatch(/^MacroAi\w+Stack\/Network\/Vpc\//);
        expect(Object.keys(tags).join()).not.toContain('stageline.dev/');
      }
    });

    it('matches its snapshot', () => {
      expect(json).toMatchSnapshot();
    });
  });

  describe('bad props', () => {
    const base: EnvironmentStackProps = {
      appName: 'macro-ai',
      stage: 'staging',
      scale: 'hobby',
      env: { region: 'eu-west-2' },
    };

    it.each<[Partial<EnvironmentStackProps>, string]>([
      [
        { scale: 'huge' as Scale },
        'Invalid scale "huge": expected one of hobby, enhanced-hobby, enterprise',
      ],
      [{ stage: 'qa' as Stage }, 'Invalid stage "qa"'],
      [{ appName: 'Macro AI' }, 'Invalid appName "Macro AI"'],
      [{ env: { region: 'mars-1' } }, 'Invalid env.region "mars-1"'],
      [
        { env: { region: 'eu-west-2', account: '1234' } },
        'Invalid env.account "1234": expected 12 digits',
      ],
      [{ stage: 'preview' }, 'Missing previewId'],
      [{ healthCheckPath: 'health' }, 'Invalid healthCheckPath "health"'],
      [
        { overrides: { compute: { memoryMiB: 64 } } },
        'compute.memoryMiB is 64',
      ],
    ])('%j throws naming the value', (change, message) => {
      expect(
        () => new EnvironmentStack(new App(), 'Test', { ...base, ...change }),
      ).toThrow(message);
    });
  });
});

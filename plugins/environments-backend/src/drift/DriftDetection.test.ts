import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ACCOUNT, AwsStandIn } from '@stageline/aws-stand-in';
import { AwsAccess } from '@stageline/plugin-environments-node';
import { setupServer } from 'msw/node';
import { awsConfig } from '../__testUtils__/startEnvironmentsBackend';
import {
  environmentEntity,
  productionEnvironment,
  stagingEnvironment,
  STAGING_TEMPLATE,
} from '../__testUtils__/fixtures';
import { StackReader } from '../aws/StackReader';
import { DriftDetection } from './DriftDetection';
import { DriftStore } from './DriftStore';
import { readDriftSettings } from './readDriftSettings';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_17', 'POSTGRES_15'],
});
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const HOUR = 3_600_000;

/**
 * Scheduled drift detection against CloudFormation at the HTTP edge (DetectStackDrift,
 * DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts as the API Reference says), its
 * results in the database.
 */
describe.each(databases.eachSupportedId())(
  'DriftDetection on %p',
  (databaseId: TestDatabaseId) => {
    let aws: AwsStandIn;
    let clock: number;
    let waits: number[];

    async function detection(config: object = {}) {
      const knex = await databases.init(databaseId);
      const access = AwsAccess.fromConfig(new ConfigReader(awsConfig), {
        env: {},
        homeDir: '/nonexistent',
      });
      return new DriftDetection({
        store: await DriftStore.create(mockServices.database({ knex })),
        stacks: new StackReader(access),
        aws: access,
        settings: readDriftSettings(
          new ConfigReader({
            environments: {
              drift: { pollInterval: { milliseconds: 1 }, ...config },
            },
          }),
        ),
        logger: mockServices.logger.mock(),
        now: () => clock,
        sleep: async ms => {
          waits.push(ms);
          clock += ms;
        },
      });
    }

    beforeEach(() => {
      aws = new AwsStandIn(server);
      clock = Date.now();
      waits = [];
      const fake = aws.cloudFormation();
      fake.seedStack('MacroAiStagingStack', STAGING_TEMPLATE);
      fake.seedStack('MacroAiProductionStack', STAGING_TEMPLATE);
      fake.driftResource('MacroAiStagingStack', 'ApiFunction', {
        status: 'MODIFIED',
        actual: {
          '/Properties/MemorySize': 2048,
          '/Properties/Environment/Variables/DB_PASSWORD': 'hunter2',
        },
      });
      fake.driftResource('MacroAiStagingStack', 'EgressNat', {
        status: 'DELETED',
      });
    });

    it('detects the drift of each stack once, with the drifted resources and their differences, secrets hidden', async () => {
      const drift = await detection();

      const run = await drift.runOnce([
        stagingEnvironment,
        productionEnvironment,
        // Another Environment describing the staging stack: detected once.
        environmentEntity('macro-ai-api-staging-copy', stagingEnvironment.spec),
      ]);

      expect(run).toEqual({
        detected: 2,
        skippedFresh: 0,
        skippedNotDeployed: 0,
        failed: 0,
      });
      expect(
        aws.requests
          .filter(r => r.action === 'DetectStackDrift')
          .map(r => r.params.StackName),
      ).toEqual([
        aws.cloudFormation().stack('MacroAiStagingStack')!.stackId,
        aws.cloudFormation().stack('MacroAiProductionStack')!.stackId,
      ]);
      expect(
        aws.requests.find(r => r.action === 'DescribeStackResourceDrifts')
          ?.params,
      ).toMatchObject({
        StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
        MaxResults: '100',
      });
      const staging = await drift.reportFor(stagingEnvironment);
      expect(staging).toEqual({
        status: 'DRIFTED',
        checkedAt: expect.any(String),
        message:
          '2 resources drifted: ApiFunction (modified), EgressNat (deleted)',
        driftedResources: [
          {
            logicalResourceId: 'ApiFunction',
            resourceType: 'AWS::Lambda::Function',
            physicalResourceId: expect.stringMatching(
              /^MacroAiStagingStack-ApiFunction-/,
            ),
            status: 'MODIFIED',
            differences: [
              {
                propertyPath: '/Properties/MemorySize',
                expectedValue: '{"Ref":"MemorySize"}',
                actualValue: '2048',
                differenceType: 'NOT_EQUAL',
              },
              {
                propertyPath: '/Properties/Environment/Variables/DB_PASSWORD',
                expectedValue: '(hidden)',
                actualValue: '(hidden)',
                differenceType: 'NOT_EQUAL',
              },
            ],
          },
          expect.objectContaining({
            logicalResourceId: 'EgressNat',
            status: 'DELETED',
            differences: [],
          }),
        ],
      });
      expect(JSON.stringify(staging)).not.toContain('hunter2');
      expect(await drift.reportFor(productionEnvironment)).toMatchObject({
        status: 'IN_SYNC',
        driftedResources: [],
        message: 'No drift: every resource checked matches its template',
      });
    });

    it('detects a stack at most once per interval, and spaces detections out', async () => {
      const drift = await detection({
        interval: { hours: 6 },
        detectionsPerMinute: 4,
      });
      const environments = [stagingEnvironment, productionEnvironment];

      await drift.runOnce(environments);
      expect(waits).toEqual([15_000]);
      clock += 5 * HOUR;
      const early = await drift.runOnce(environments);
      clock += 2 * HOUR;
      const due = await drift.runOnce(environments);

      expect(early).toMatchObject({ detected: 0, skippedFresh: 2 });
      expect(due).toMatchObject({ detected: 2, skippedFresh: 0 });
      expect(
        aws.requests.filter(r => r.action === 'DetectStackDrift'),
      ).toHaveLength(4);
    });

    it('leaves busy and missing stacks alone, and reports a refused detection as unknown', async () => {
      const drift = await detection();
      aws.cloudFormation().stack('MacroAiProductionStack')!.status =
        'UPDATE_IN_PROGRESS';
      aws.deny('cloudformation:DetectStackDrift');
      const preview = environmentEntity('macro-ai-api-pr-7', {
        type: 'preview',
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiPr7Stack',
          region: 'eu-west-2',
          accountId: ACCOUNT,
        },
      });

      const run = await drift.runOnce([
        stagingEnvironment,
        productionEnvironment,
        preview,
      ]);

      expect(run).toEqual({
        detected: 0,
        skippedFresh: 0,
        skippedNotDeployed: 2,
        failed: 1,
      });
      expect(await drift.reportFor(stagingEnvironment)).toMatchObject({
        status: 'UNKNOWN',
        message: expect.stringMatching(
          /^Drift detection failed: User: arn:aws:iam::123456789012:user\/stageline-deployer is not authorized to perform: cloudformation:DetectStackDrift/,
        ),
      });
      expect(await drift.reportFor(productionEnvironment)).toEqual({
        status: 'NOT_CHECKED',
        driftedResources: [],
        message:
          'Not checked since the last deployment: drift detection runs every 6 hours',
      });
    });
  },
);

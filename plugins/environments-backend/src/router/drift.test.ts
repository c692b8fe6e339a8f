import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import type { EnvironmentStatus } from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  awsConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import { STAGING_TEMPLATE } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const STAGING = '/api/environments/environments/default/macro-ai-api-staging';

/** The scheduled drift detection, run by hand, and what the deployment section then shows. */
describe('drift in the deployment section', () => {
  beforeEach(() => {
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    standIns.costExplorer
      .on(GetCostAndUsageCommand)
      .resolves({ ResultsByTime: [] });
    const fake = standIns.aws.cloudFormation();
    fake.seedStack('MacroAiStagingStack', STAGING_TEMPLATE);
    fake.driftResource('MacroAiStagingStack', 'ApiFunction', {
      status: 'MODIFIED',
      actual: { '/Properties/MemorySize': 2048 },
    });
  });

  async function backend(drift: object = {}) {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startEnvironmentsBackend({
      config: {
        ...awsConfig,
        environments: {
          drift: { pollInterval: { milliseconds: 1 }, ...drift },
        },
      },
      features: [scheduler.factory],
    });
    const status = async () => {
      const res = await request(server)
        .get(`${STAGING}/status`)
        .set('Authorization', mockCredentials.user.header());
      return res.body as EnvironmentStatus;
    };
    return { server, scheduler, status };
  }

  it('schedules the detection on one instance at a time, and shows the drifted resources once it ran', async () => {
    const { scheduler, status } = await backend({ interval: { hours: 2 } });
    const task = scheduler.scheduleTask.mock.calls
      .map(call => call[0])
      .find(t => t.id === 'environments-drift-detection')!;
    expect(task).toMatchObject({ frequency: { hours: 2 }, scope: 'global' });
    expect((await status()).deployment.drift).toEqual({
      status: 'NOT_CHECKED',
      driftedResources: [],
      message:
        'Not checked since the last deployment: drift detection runs every 2 hours',
    });

    await task.fn(new AbortController().signal);

    const after = await status();
    expect(after.deployment.drift).toMatchObject({
      status: 'DRIFTED',
      message: '1 resource drifted: ApiFunction (modified)',
      driftedResources: [
        {
          logicalResourceId: 'ApiFunction',
          status: 'MODIFIED',
          differences: [
            {
              propertyPath: '/Properties/MemorySize',
              actualValue: '2048',
              differenceType: 'NOT_EQUAL',
            },
          ],
        },
      ],
    });
  });

  it('forgets the result once the stack is deployed again', async () => {
    const { scheduler, server, status } = await backend();
    const task = scheduler.scheduleTask.mock.calls
      .map(call => call[0])
      .find(t => t.id === 'environments-drift-detection')!;
    await task.fn(new AbortController().signal);
    expect((await status()).deployment.drift?.status).toBe('DRIFTED');

    await request(server)
      .post(`${STAGING}/deployments`)
      .set('Authorization', mockCredentials.service.header())
      .send({
        action: 'deploy',
        mode: 'reference',
        actor: 'user:default/guest',
        result: 'succeeded',
        stackName: 'MacroAiStagingStack',
        message: 'Deployed',
      })
      .expect(201);

    expect((await status()).deployment.drift?.status).toBe('NOT_CHECKED');
  });

  it('is off when environments.drift.enabled is false, and says so', async () => {
    const { scheduler, status } = await backend({ enabled: false });

    expect(
      scheduler.scheduleTask.mock.calls.map(call => call[0].id),
    ).not.toContain('environments-drift-detection');
    expect((await status()).deployment.drift?.message).toBe(
      'Drift detection is off (environments.drift.enabled)',
    );
  });
});

import request from 'supertest';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import type {
  DeploymentSection,
  EnvironmentEntity,
  EnvironmentStatus,
} from '@stageline/plugin-environments-common';
import {
  EnvironmentDeploymentProvider,
  EnvironmentHealthCheck,
  environmentsProvidersExtensionPoint,
} from '@stageline/plugin-environments-node';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  githubConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import { REPO } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const auth = mockCredentials.user.header();
const STATUS =
  '/api/environments/environments/default/macro-ai-api-staging/status';

/** What a platform team's deployment provider (say, reading Kubernetes) reports. */
class TestDeploymentProvider implements EnvironmentDeploymentProvider {
  readonly id = 'cloudformation';
  readonly asked: string[] = [];

  constructor(
    private readonly answer: (
      environment: EnvironmentEntity,
    ) => Promise<DeploymentSection>,
  ) {}

  getDeployment(environment: EnvironmentEntity): Promise<DeploymentSection> {
    this.asked.push(environment.metadata.name);
    return this.answer(environment);
  }
}

const incidents: EnvironmentHealthCheck = {
  id: 'incidents',
  async check(environment) {
    return {
      status: 'ok',
      results: [
        {
          name: 'incidents',
          state: 'degraded',
          detail: `1 open incident on ${environment.metadata.name}`,
        },
      ],
    };
  },
};

/** A backend module registering providers the way a platform team's module would. */
function providersModule(deployment: EnvironmentDeploymentProvider) {
  return createBackendModule({
    pluginId: 'environments',
    moduleId: 'test-providers',
    register(reg) {
      reg.registerInit({
        deps: { providers: environmentsProvidersExtensionPoint },
        async init({ providers }) {
          providers.setDeploymentProvider(deployment);
          providers.addHealthCheck(incidents);
        },
      });
    },
  });
}

describe('environmentsProvidersExtensionPoint', () => {
  it('serves the deployment section, stack check and promotion gate from a replacement provider, and an added health check', async () => {
    const head = standIns.github.push(REPO, 'develop', 1);
    standIns.github.setChecks(REPO, head, [
      { kind: 'check-run', name: 'test', state: 'success' },
    ]);
    const provider = new TestDeploymentProvider(async environment => ({
      status: 'ok',
      provider: 'cloudformation',
      stackName: environment.spec.deployment?.stackName,
      stackStatus: 'UPDATE_IN_PROGRESS',
      version: '2.0.0-rc.1',
      message: 'Read by the test module',
    }));
    const { server } = await startEnvironmentsBackend({
      config: githubConfig,
      features: [providersModule(provider)],
    });

    const res = await request(server).get(STATUS).set('Authorization', auth);
    expect(res.status).toBe(200);
    const status = res.body as EnvironmentStatus;
    expect(status.deployment).toEqual({
      status: 'ok',
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
      stackStatus: 'UPDATE_IN_PROGRESS',
      version: '2.0.0-rc.1',
      message: 'Read by the test module',
    });
    expect(status.health.checks).toEqual(
      expect.arrayContaining([
        {
          name: 'incidents',
          state: 'degraded',
          detail: '1 open incident on macro-ai-api-staging',
        },
        {
          name: 'stack',
          state: 'degraded',
          detail: 'MacroAiStagingStack: UPDATE_IN_PROGRESS',
        },
      ]),
    );
    expect(status.health.state).toBe('degraded');
    // One read shared by the deployment section and the stack check; AWS never asked.
    expect(provider.asked).toEqual(['macro-ai-api-staging']);
    expect(standIns.aws.calls('cloudformation')).toEqual([]);

    const dryRun = await request(server)
      .post(
        '/api/environments/environments/default/macro-ai-api-staging/promote',
      )
      .set('Authorization', auth)
      .send({ dryRun: true });
    expect(dryRun.status).toBe(409);
    expect(dryRun.body.error.message).toMatch(
      /gate deployment-complete \(MacroAiStagingStack is UPDATE_IN_PROGRESS/,
    );
  });

  it('confines a throwing provider to its section and logs it without credentials', async () => {
    const logger = mockServices.logger.mock();
    const provider = new TestDeploymentProvider(async () => {
      throw new Error(
        'cluster refused the request; token=eyJhbGciOiJSUzI1NiJ9.secret-part',
      );
    });
    const { server } = await startEnvironmentsBackend({
      features: [providersModule(provider), logger.factory],
    });

    const res = await request(server).get(STATUS).set('Authorization', auth);
    expect(res.status).toBe(200);
    const status = res.body as EnvironmentStatus;
    expect(status.deployment).toMatchObject({
      status: 'error',
      message:
        'Deployment provider failed: cluster refused the request; token=[redacted]',
    });
    expect(status.health.status).toBe('ok');
    expect(status.cost.status).toBe('ok');
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toContain(
      'Deployment provider failed: cluster refused the request; token=[redacted]',
    );
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('secret-part');
  });
});

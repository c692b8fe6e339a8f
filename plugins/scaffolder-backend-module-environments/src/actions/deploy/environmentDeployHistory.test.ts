import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { templateHash } from '@stageline/plugin-environments-node';
import { actionContext } from '../../__testUtils__/actionContext';
import {
  referenceTemplate,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { startDeploymentHistory } from '../../__testUtils__/deploymentHistory';
import { exampleCatalog } from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { DeploymentHistoryClient } from '../../lib/history/DeploymentHistoryClient';
import { createEnvironmentDestroyAction } from '../destroy/environmentDestroy';
import { createEnvironmentDeployAction } from './environmentDeploy';

jest.setTimeout(120_000);

const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';

/** What environment:deploy and environment:destroy record in the environments backend's history. */
describe('the deployment history of environment:deploy and environment:destroy', () => {
  const standIn = useAwsStandIn(aws => {
    aws.cloudFormation().looksWhileCreating = 0;
    aws.cloudFormation().stepsPerLook = 20;
  });

  function options(history: DeploymentHistoryClient) {
    return {
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      history,
      pollIntervalMs: 1,
    };
  }

  it('records a deploy with its commit, template hash and snapshot, a failed one with its reason, and a destroy', async () => {
    const aws = standIn();
    const { history, deployments } = await startDeploymentHistory();
    const deploy = createEnvironmentDeployAction(options(history));
    await deploy.handler(
      actionContext(
        { environmentRef: STAGING, commit: 'abc1234' },
        { taskId: 'deploy-1' },
      ).ctx,
    );
    // A resource only the enterprise profile has: creating it fails.
    const hobby = referenceTemplate('hobby').Resources;
    const [added, { Type: addedType }] = Object.entries(
      referenceTemplate('enterprise').Resources,
    ).find(([id]) => !hobby[id])!;
    aws
      .cloudFormation()
      .failNext(STACK, { logicalId: added, reason: 'Rate exceeded' });
    await expect(
      deploy.handler(
        actionContext(
          { environmentRef: STAGING, scale: 'enterprise' },
          { taskId: 'deploy-2' },
        ).ctx,
      ),
    ).rejects.toThrow(/failed and was rolled back/);
    await createEnvironmentDestroyAction(options(history)).handler(
      actionContext({ environmentRef: STAGING }, { taskId: 'destroy-1' }).ctx,
    );

    const [destroyed, failed, deployed] = await deployments(
      'macro-ai-api-staging',
    );
    expect(deployed).toMatchObject({
      action: 'deploy',
      mode: 'reference',
      actor: 'user:default/guest',
      result: 'succeeded',
      stackName: STACK,
      stackStatus: 'CREATE_COMPLETE',
      commit: 'abc1234',
      templateHash: templateHash(referenceTemplate('hobby')),
      taskId: 'deploy-1',
      rollbackSnapshot: true,
      message: `Deployed ${STACK} (reference): CREATE_COMPLETE`,
    });
    expect(failed).toMatchObject({
      action: 'deploy',
      result: 'failed',
      taskId: 'deploy-2',
      rollbackSnapshot: false,
      message: expect.stringContaining(
        `first failure: ${added} (${addedType}) CREATE_FAILED: Rate exceeded`,
      ),
    });
    expect(destroyed).toMatchObject({
      action: 'destroy',
      result: 'succeeded',
      stackStatus: 'DELETE_COMPLETE',
      taskId: 'destroy-1',
    });
  });

  it('deploys all the same when the history cannot be written, and says so in the log', async () => {
    standIn();
    const unreachable = new DeploymentHistoryClient({
      discovery: {
        getBaseUrl: async () => 'http://localhost:1/api/environments',
        getExternalBaseUrl: async () => 'http://localhost:1/api/environments',
      },
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
    const { ctx, outputs, logs } = actionContext({ environmentRef: STAGING });

    await createEnvironmentDeployAction(options(unreachable)).handler(ctx);

    expect(outputs.status).toBe('CREATE_COMPLETE');
    expect(logs()).toContainEqual(
      expect.stringMatching(
        /^warn: The deployment history did not record this deploy of MacroAiStagingStack: Could not reach the environments backend at http:\/\/localhost:1\/api\/environments\/environments\/default\/macro-ai-api-staging\/deployments/,
      ),
    );
  });
});

import { CloudFormationClient, ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { actionContext } from '../../testing/actionContext';
import { stackUpdatesCleanly } from '../../testing/cloudFormationScenarios';
import { configuredAws } from '../../testing/cloudFormationStandIn';
import { exampleCatalog } from '../../testing/entities';
import { exampleInputs } from '../../testing/exampleInputs';
import { createEnvironmentDeployAction } from './environmentDeploy';
import { examples } from './environmentDeploy.examples';

const cfn = mockClient(CloudFormationClient);

describe('environment:deploy examples', () => {
  beforeEach(() => cfn.reset());

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentDeployAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      pollIntervalMs: 0,
    });
    const { ctx, outputs } = actionContext(input);
    const stackName = input.environmentRef?.toString().endsWith('production')
      ? 'MacroAiProductionStack'
      : 'MacroAiStagingStack';
    stackUpdatesCleanly(cfn, stackName, 'stageline-deploy-a1b2c3d4-task');

    await action.handler(ctx);

    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(outputs).toMatchObject({ stackName, status: 'UPDATE_COMPLETE', outputs: { ApiUrl: expect.any(String) } });
  });
});

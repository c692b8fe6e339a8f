import {
  CloudFormationClient,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { actionContext } from '../../__testUtils__/actionContext';
import { stackUpdatesCleanly } from '../../__testUtils__/cloudFormationScenarios';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from './environmentDeploy';
import { examples } from './environmentDeploy.examples';

const cfn = mockClient(CloudFormationClient);

describe('environment:deploy examples', () => {
  beforeEach(() => cfn.reset());

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentDeployAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      pollIntervalMs: 0,
    });
    const { ctx, outputs } = actionContext(input);
    const stackName = input.environmentRef?.toString().endsWith('production')
      ? 'MacroAiProductionStack'
      : 'MacroAiStagingStack';
    stackUpdatesCleanly(cfn, stackName, 'stageline-deploy-a1b2c3d4-task');

    await action.handler(ctx);

    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(1);
    expect(outputs).toMatchObject({
      stackName,
      status: 'UPDATE_COMPLETE',
      outputs: { ApiUrl: expect.any(String) },
    });
  });
});

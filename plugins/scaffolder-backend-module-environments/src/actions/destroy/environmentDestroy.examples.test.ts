import {
  CloudFormationClient,
  DeleteStackCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { actionContext } from '../../__testUtils__/actionContext';
import { stackDeletesCleanly } from '../../__testUtils__/cloudFormationScenarios';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from './environmentDestroy';
import { examples } from './environmentDestroy.examples';

const cfn = mockClient(CloudFormationClient);

const STACKS: Record<string, string> = {
  'environment:default/macro-ai-api-pr-42': 'MacroAiPr42Stack',
  'environment:default/macro-ai-api-staging': 'MacroAiStagingStack',
  'environment:default/macro-ai-api-production': 'MacroAiProductionStack',
};

describe('environment:destroy examples', () => {
  beforeEach(() => cfn.reset());

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentDestroyAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      pollIntervalMs: 0,
    });
    const stackName = STACKS[input.environmentRef as string];
    stackDeletesCleanly(cfn, stackName);
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(1);
    expect(outputs).toEqual({
      stackName,
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
  });
});

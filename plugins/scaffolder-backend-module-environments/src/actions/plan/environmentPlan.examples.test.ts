import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { actionContext } from '../../__testUtils__/actionContext';
import { changeSetReady } from '../../__testUtils__/cloudFormationScenarios';
import {
  configuredAws,
  stack,
} from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { createEnvironmentPlanAction } from './environmentPlan';
import { examples } from './environmentPlan.examples';

const cfn = mockClient(CloudFormationClient);

describe('environment:plan examples', () => {
  beforeEach(() => {
    cfn.reset();
    cfn.on(DescribeStacksCommand).callsFake(({ StackName }) => ({
      Stacks: [stack(StackName, 'UPDATE_COMPLETE')],
    }));
    changeSetReady(
      cfn,
      'MacroAiStagingStack',
      'stageline-plan-hobby-a1b2c3d4-task',
    );
    cfn.on(DeleteChangeSetCommand).resolves({});
  });

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentPlanAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      pollIntervalMs: 0,
    });
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    expect(outputs).toMatchObject({
      stackName: expect.stringMatching(/^MacroAi\w+Stack$/),
      estimate: { total: expect.any(Number) },
      withinBudget: expect.any(Boolean),
      awsConfigured: true,
      changeSummary: { source: 'change-set' },
    });
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(1);
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1);
  });
});

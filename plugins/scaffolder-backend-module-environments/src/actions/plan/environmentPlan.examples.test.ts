import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { actionContext } from '../../__testUtils__/actionContext';
import { useAwsStandIn } from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { createEnvironmentPlanAction } from './environmentPlan';
import { examples } from './environmentPlan.examples';

/** Every stack the examples plan, deployed with one topic, so each plan reads a change set. */
const STACKS = [
  'MacroAiStagingStack',
  'MacroAiProductionStack',
  'MacroAiWebStagingStack',
];

const standIn = useAwsStandIn(aws => {
  for (const stackName of STACKS) {
    aws
      .cloudFormation()
      .seedStack(
        stackName,
        JSON.stringify({ Resources: { Old: { Type: 'AWS::SNS::Topic' } } }),
      );
  }
});

describe('environment:plan examples', () => {
  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const aws = standIn();
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
      changeSummary: { source: 'change-set', removed: 1 },
    });
    expect(aws.calls().filter(c => c.endsWith('CreateChangeSet'))).toHaveLength(
      1,
    );
    expect(aws.cloudFormation().changeSets).toEqual([]);
  });
});

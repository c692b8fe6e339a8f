import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mockClient } from 'aws-sdk-client-mock';
import { setupServer } from 'msw/node';
import { actionContext } from '../../__testUtils__/actionContext';
import { stack } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { GithubPromotionStandIn } from '../../__testUtils__/githubPromotionStandIn';
import { testPromotionEngine } from '../../__testUtils__/promotionEngine';
import { createEnvironmentPromoteAction } from './environmentPromote';
import { examples } from './environmentPromote.examples';

const server = setupServer();
registerMswTestHooks(server);
const cfn = mockClient(CloudFormationClient);

describe('environment:promote examples', () => {
  let github: GithubPromotionStandIn;

  beforeEach(() => {
    github = new GithubPromotionStandIn(server);
    cfn.reset();
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack('MacroAiStagingStack', 'UPDATE_COMPLETE')] });
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  });

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentPromoteAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      engine: testPromotionEngine(),
    });
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    expect(github.writes()).toHaveLength(1);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: input.strategy,
      target: 'environment:default/macro-ai-api-production',
    });
  });
});

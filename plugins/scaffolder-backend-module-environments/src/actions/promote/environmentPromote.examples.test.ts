import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import { setupServer } from 'msw/node';
import { actionContext } from '../../__testUtils__/actionContext';
import { stack } from '../../__testUtils__/cloudFormationStandIn';
import { startEnvironmentsBackend } from '../../__testUtils__/environmentsBackend';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { GithubPromotionStandIn } from '../../__testUtils__/githubPromotionStandIn';
import { registerNetworkEdge } from '../../__testUtils__/networkEdge';
import { createEnvironmentPromoteAction } from './environmentPromote';
import { examples } from './environmentPromote.examples';

jest.setTimeout(60_000);

const server = setupServer();
registerNetworkEdge(server);
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
    const { discovery, history } = await startEnvironmentsBackend();
    const action = createEnvironmentPromoteAction({
      discovery,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    });
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    expect(github.writes()).toHaveLength(1);
    expect(outputs).toMatchObject({
      result: 'succeeded',
      strategy: input.strategy,
      target: 'environment:default/macro-ai-api-production',
    });
    expect(await history('macro-ai-api-staging')).toHaveLength(1);
  });
});

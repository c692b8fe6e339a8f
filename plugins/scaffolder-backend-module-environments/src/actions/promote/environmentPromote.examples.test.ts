import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CloudFormationDeploymentProvider,
  GithubSourceControlProvider,
  PromotionEngine,
} from '@stageline/plugin-environments-node';
import { mockClient } from 'aws-sdk-client-mock';
import { setupServer } from 'msw/node';
import { actionContext } from '../../testing/actionContext';
import { configuredAws, stack } from '../../testing/cloudFormationStandIn';
import { exampleCatalog } from '../../testing/entities';
import { exampleInputs } from '../../testing/exampleInputs';
import { GithubPromotionStandIn } from '../../testing/githubPromotionStandIn';
import { githubConfig } from '../../testing/githubStandIn';
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
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [stack('MacroAiStagingStack', 'UPDATE_COMPLETE')] });
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
  });

  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const action = createEnvironmentPromoteAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      engine: new PromotionEngine({
        sourceControl: GithubSourceControlProvider.fromConfig(githubConfig()),
        deploymentProviders: [new CloudFormationDeploymentProvider(configuredAws())],
      }),
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

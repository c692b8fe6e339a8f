import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { setupServer } from 'msw/node';
import { stack } from '../__testUtils__/cloudFormationStandIn';
import { GithubPromotionStandIn } from '../__testUtils__/githubPromotionStandIn';
import { GITHUB_TOKEN } from '../__testUtils__/githubStandIn';
import { registerNetworkEdge } from '../__testUtils__/networkEdge';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';

jest.setTimeout(60_000);

// The scaffolder and the environments backend are called over HTTP here, so only GitHub is
// stood in for.
const server = setupServer();
registerNetworkEdge(server);
const cfn = mockClient(CloudFormationClient);

const VALUES = {
  environment: 'environment:default/macro-ai-api-staging',
  strategy: 'pull-request',
};

describe('templates/promote-environment', () => {
  it('runs in a dry run without a GitHub token, saying what to configure', async () => {
    const scaffolder = await startScaffolder();

    const result = await scaffolder.dryRun('promote-environment', VALUES);

    expect(result.status).toBe(200);
    expect(result.output.text?.[0]).toEqual({
      title: 'Promotion',
      content: expect.stringContaining(
        'Dry run: gates not evaluated: GitHub is not configured: add integrations.github',
      ),
    });
    // The environments backend answered 503 before naming a target or a link: no empty links.
    expect(result.output.links).toEqual([]);
  });

  it('evaluates the gates and reports them, changing nothing, in a dry run with GitHub configured', async () => {
    const github = new GithubPromotionStandIn(server);
    cfn
      .on(DescribeStacksCommand)
      .resolves({ Stacks: [stack('MacroAiStagingStack', 'UPDATE_COMPLETE')] });
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] });
    const scaffolder = await startScaffolder({
      config: {
        integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
      },
    });

    const result = await scaffolder.dryRun('promote-environment', VALUES);

    expect(result.status).toBe(200);
    expect(github.writes()).toEqual([]);
    const content = result.output.text?.[0].content ?? '';
    expect(content).toContain(
      'Gates passed; would open (or reuse) a pull request from develop into main (2 commits)',
    );
    expect(content).toContain('- **checks-green**: passed.');
    expect(content).toContain('- **freeze-window**: passed.');
    expect(content).not.toContain('Recorded in the promotion history');
    expect(content).toContain(
      'A dry run: nothing was promoted or recorded in the promotion history.',
    );
    expect(result.output.links).toEqual([
      {
        title: 'Changes to promote',
        url: 'https://github.com/acme/macro-ai/compare/main...develop',
      },
      {
        title: 'Target environment',
        icon: 'catalog',
        entityRef: 'environment:default/macro-ai-api-production',
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(GITHUB_TOKEN);
  });
});

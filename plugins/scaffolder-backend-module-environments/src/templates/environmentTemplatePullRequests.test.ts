import { validateEnvironmentEntity } from '@stageline/plugin-environments-common';
import { setupServer } from 'msw/node';
import yaml from 'yaml';
import {
  GITHUB_TOKEN,
  GithubStandIn,
  SETUP_SLUG,
} from '../__testUtils__/githubStandIn';
import { registerNetworkEdge } from '../__testUtils__/networkEdge';
import { startScaffolder } from '../__testUtils__/scaffolderDryRun';
import { templateDefaults } from '../__testUtils__/templateFiles';

jest.setTimeout(120_000);

const server = setupServer();
registerNetworkEdge(server);

/** What a new user picks for a development environment of a component; the rest is defaults. */
function developmentOf(component: string) {
  return {
    ...templateDefaults('environment'),
    component: `component:default/${component}`,
    stage: 'development',
  };
}

// macro-ai-api and macro-ai-web both live in acme/macro-ai (github.com/project-slug).
const API = developmentOf('macro-ai-api');
const WEB = developmentOf('macro-ai-web');

/**
 * A scaffolder with a GitHub token, and acme/macro-ai (a README on main) in the shared GitHub
 * stand-in: its Git database, pull requests and environments. Backstage's
 * publish:github:pull-request (octokit-plugin-create-pull-request) writes blobs, a tree and a
 * commit, creates the branch's ref, asks GraphQL for the branch's open pull request
 * (`Ref.associatedPullRequests`) and opens one.
 */
async function startWithGithub() {
  const github = new GithubStandIn(server, {
    files: { 'README.md': '# Macro AI\n' },
  });
  const scaffolder = await startScaffolder({
    config: {
      integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
    },
  });
  const messages = (branch: string) =>
    github.history(SETUP_SLUG, branch).map(commit => commit.message);
  return { github, scaffolder, messages };
}

describe('templates/environment: two components in one repository', () => {
  it('names the pull request branch after the environment in a dry run', async () => {
    const scaffolder = await startScaffolder();

    const branchOf = async (values: typeof API) => {
      const result = await scaffolder.dryRun('environment', values);
      expect(result.status).toBe(200);
      const line = scaffolder
        .messages(result)
        .find(m =>
          m.includes(
            'Running publish:github:pull-request in dry-run mode with inputs',
          ),
        )!;
      const input = JSON.parse(line.slice(line.indexOf('{')));
      return { branchName: input.branchName, title: input.title };
    };

    expect(await branchOf(API)).toEqual({
      branchName: 'stageline/environment-macro-ai-api-development',
      title: 'Add the macro-ai-api-development environment',
    });
    expect(await branchOf(WEB)).toEqual({
      branchName: 'stageline/environment-macro-ai-web-development',
      title: 'Add the macro-ai-web-development environment',
    });
  });

  it('opens one pull request per environment in real runs, neither overwriting the other', async () => {
    const { github, scaffolder, messages } = await startWithGithub();
    const apiBranch = 'stageline/environment-macro-ai-api-development';
    const webBranch = 'stageline/environment-macro-ai-web-development';

    const api = await scaffolder.run('environment', API);
    const apiHead = github.head(SETUP_SLUG, apiBranch);
    const web = await scaffolder.run('environment', WEB);

    expect([api.status, api.error, web.status, web.error]).toEqual([
      'completed',
      undefined,
      'completed',
      undefined,
    ]);
    expect(
      github.repo(SETUP_SLUG).pulls.map(({ number, head, base, title }) => ({
        number,
        head,
        base,
        title,
      })),
    ).toEqual([
      {
        number: 1,
        head: apiBranch,
        base: 'main',
        title: 'Add the macro-ai-api-development environment',
      },
      {
        number: 2,
        head: webBranch,
        base: 'main',
        title: 'Add the macro-ai-web-development environment',
      },
    ]);
    expect(api.output?.links?.[0]).toEqual({
      title: 'Pull request adding the environment',
      url: 'https://github.com/acme/macro-ai/pull/1',
    });
    expect(web.output?.links?.[0]).toEqual({
      title: 'Pull request adding the environment',
      url: 'https://github.com/acme/macro-ai/pull/2',
    });

    // Each branch holds its own environment only, on top of main; the second run moved no ref.
    expect(github.head(SETUP_SLUG, apiBranch)).toBe(apiHead);
    expect(github.writes().filter(w => w.method === 'PATCH')).toEqual([]);
    const apiFiles = github.files(SETUP_SLUG, apiBranch);
    const webFiles = github.files(SETUP_SLUG, webBranch);
    expect(Object.keys(apiFiles).sort()).toEqual([
      'README.md',
      'environments/macro-ai-api-development.yaml',
    ]);
    expect(Object.keys(webFiles).sort()).toEqual([
      'README.md',
      'environments/macro-ai-web-development.yaml',
    ]);
    expect(messages(apiBranch)).toEqual([
      'Add the macro-ai-api-development environment',
      'Initial commit',
    ]);
    const apiEntity = yaml.parse(
      apiFiles['environments/macro-ai-api-development.yaml'],
    );
    const webEntity = yaml.parse(
      webFiles['environments/macro-ai-web-development.yaml'],
    );
    expect(validateEnvironmentEntity(apiEntity)).toEqual([]);
    expect(validateEnvironmentEntity(webEntity)).toEqual([]);
    expect([apiEntity.metadata.name, apiEntity.spec.component]).toEqual([
      'macro-ai-api-development',
      'component:default/macro-ai-api',
    ]);
    expect([webEntity.metadata.name, webEntity.spec.component]).toEqual([
      'macro-ai-web-development',
      'component:default/macro-ai-web',
    ]);
    expect(github.variables.get('development')).toEqual(
      new Map([
        ['CDK_DEPLOY_ENV', 'development'],
        ['CDK_DEPLOY_SCALE', 'hobby'],
        ['AWS_REGION', 'eu-west-2'],
      ]),
    );
    // Each run writes onto a branch of its own: main itself does not move.
    expect(github.files(SETUP_SLUG, 'main')).toEqual({
      'README.md': '# Macro AI\n',
    });
    expect(messages(webBranch)).toEqual([
      'Add the macro-ai-web-development environment',
      'Initial commit',
    ]);
    expect(JSON.stringify([api, web])).not.toContain(GITHUB_TOKEN);
  });

  it('fails a second run for an environment whose pull request is open, leaving that pull request alone', async () => {
    const { github, scaffolder } = await startWithGithub();
    const branch = 'stageline/environment-macro-ai-api-development';
    await scaffolder.run('environment', API);
    const head = github.head(SETUP_SLUG, branch);
    const environmentWrites = () =>
      github.writes().filter(w => w.path.includes('/environments/'));
    const githubSetups = environmentWrites().length;

    const again = await scaffolder.run('environment', {
      ...API,
      scale: 'enhanced-hobby',
      budget: 100,
    });

    expect(again.status).toBe('failed');
    expect(again.error?.message).toContain(
      'Pull request already exists: https://github.com/acme/macro-ai/pull/1',
    );
    expect(github.head(SETUP_SLUG, branch)).toBe(head);
    expect(github.repo(SETUP_SLUG).pulls).toHaveLength(1);
    // The GitHub environment step after it did not run.
    expect(githubSetups).toBeGreaterThan(0);
    expect(environmentWrites()).toHaveLength(githubSetups);
  });
});

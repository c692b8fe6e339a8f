import { setupServer } from 'msw/node';
import { GithubStandIn } from '@stageline/github-stand-in';
import { validateEnvironmentEntity } from '@stageline/plugin-environments-common';
import {
  component,
  connectedProvider,
  SLUG,
  staging,
} from '../__testUtils__/previewFixtures';

// GitHub at its HTTP edge: the stand-in answers as GitHub's REST reference says (pull requests:
// https://docs.github.com/rest/pulls/pulls#list-pull-requests; activity:
// https://docs.github.com/rest/repos/repos#list-repository-activities).
const github = new GithubStandIn();
const server = setupServer(...github.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  github.reset();
  github.addRepo(SLUG, ['main', 'develop']);
});
afterAll(() => server.close());

const names = (emitted: Array<{ entity: { metadata: { name: string } } }>) =>
  emitted.map(e => e.entity.metadata.name);

describe('PreviewEnvironmentProvider', () => {
  it('makes an open pull request a preview Environment, and drops it when the pull request closes', async () => {
    github.clock = () => new Date('2026-03-02T09:00:00Z');
    github.push(SLUG, 'feature/streaming');
    github.clock = () => new Date('2026-03-02T10:00:00Z');
    const number = github.openPull(
      SLUG,
      'feature/streaming',
      'develop',
      'Stream responses',
      {
        author: 'alice',
      },
    );
    const { read } = await connectedProvider([component(), staging()]);

    const [preview] = await read();
    expect(preview.locationKey).toBe(
      'stageline-previews:component:default/macro-ai-api',
    );
    expect(preview.entity).toEqual({
      apiVersion: 'stageline.dev/v1alpha1',
      kind: 'Environment',
      metadata: {
        name: `macro-ai-api-pr-${number}`,
        namespace: 'default',
        title: `Macro AI API (preview, PR ${number})`,
        description: 'Stream responses',
        annotations: {
          'backstage.io/managed-by-location':
            'stageline-previews:component:default/macro-ai-api',
          'backstage.io/managed-by-origin-location':
            'stageline-previews:component:default/macro-ai-api',
          'github.com/project-slug': SLUG,
          'stageline.dev/pull-request': String(number),
          'stageline.dev/pull-request-url': `https://github.com/${SLUG}/pull/${number}`,
          'stageline.dev/pull-request-author': 'alice',
          'stageline.dev/pull-request-branch': 'feature/streaming',
          'stageline.dev/pull-request-opened': '2026-03-02T10:00:00Z',
          'stageline.dev/last-push': '2026-03-02T09:00:00Z',
          'stageline.dev/preview-ttl': '72h',
          'stageline.dev/preview-of':
            'environment:default/macro-ai-api-staging',
        },
        links: [
          {
            url: `https://github.com/${SLUG}/pull/${number}`,
            title: `Pull request #${number}`,
          },
        ],
      },
      spec: {
        type: 'preview',
        owner: 'group:default/platform',
        system: 'macro-ai',
        component: 'component:default/macro-ai-api',
        scale: 'hobby',
        branch: 'feature/streaming',
        deployment: {
          provider: 'cloudformation',
          stackName: `MacroAiPr${number}Stack`,
          region: 'eu-west-2',
          accountId: '123456789012',
          mode: 'pipeline',
          pipeline: { workflow: 'deploy.yml' },
        },
      },
    });
    expect(validateEnvironmentEntity(preview.entity)).toEqual([]);

    github.closePull(SLUG, number);
    expect(await read()).toEqual([]);
  });

  it('follows the last push to the branch', async () => {
    github.clock = () => new Date('2026-03-02T09:00:00Z');
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    const { read } = await connectedProvider([component(), staging()]);
    const lastPush = async () =>
      (await read())[0].entity.metadata.annotations!['stageline.dev/last-push'];
    expect(await lastPush()).toBe('2026-03-02T09:00:00Z');
    github.clock = () => new Date('2026-03-04T17:30:00Z');
    github.push(SLUG, 'feature/a');
    expect(await lastPush()).toBe('2026-03-04T17:30:00Z');
  });

  it('reads the repository once per run, conditionally: a run with nothing new costs no rate limit', async () => {
    for (const branch of ['feature/a', 'feature/b']) {
      github.push(SLUG, branch);
      github.openPull(SLUG, branch, 'develop');
    }
    const { read } = await connectedProvider([component(), staging()]);
    expect(names(await read())).toEqual([
      'macro-ai-api-pr-2',
      'macro-ai-api-pr-1',
    ]);
    expect(github.counts.byRoute).toEqual({
      'GET pulls': 1,
      'GET activity': 2,
    });
    github.resetCounts();
    expect(names(await read())).toHaveLength(2);
    expect(github.counts).toEqual({
      rateLimited: 0,
      notModified: 1,
      byRoute: {},
      graphqlQueries: 0,
      graphqlPoints: 0,
    });
  });

  it("takes the repository from the component, never from the Environment's label", async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    github.addRepo('mallory/elsewhere', ['main']);
    github.push('mallory/elsewhere', 'feature/x');
    github.openPull('mallory/elsewhere', 'feature/x', 'main');

    // The component lives in acme/macro-ai (its source location); the Environment names no repository.
    const bySourceLocation = await connectedProvider([
      component({
        'backstage.io/source-location': `url:https://github.com/${SLUG}/tree/main/`,
      }),
      staging({ annotations: {} }),
    ]);
    expect(names(await bySourceLocation.read())).toEqual(['macro-ai-api-pr-1']);

    // An Environment claiming another repository gets no previews, and that repository is not read.
    github.requests.length = 0;
    const claiming = await connectedProvider([
      component(),
      staging({
        annotations: { 'github.com/project-slug': 'mallory/elsewhere' },
      }),
    ]);
    expect(await claiming.read()).toEqual([]);
    expect(github.requests).toEqual([]);
    expect(claiming.logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('says its repository is mallory/elsewhere'),
    );
  });

  it('gives no previews to an Environment that may not speak for its component', async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    const { read, logger } = await connectedProvider([
      component(),
      staging({ owner: 'user:default/mallory' }),
    ]);
    expect(await read()).toEqual([]);
    expect(github.requests).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('is owned by user:default/mallory'),
    );
  });

  it("makes no previews from a repository another owner's Component claims", async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    // Mallory owns a component that says it lives in acme/macro-ai, and an Environment of it
    // declaring previews: its previews would dispatch acme/macro-ai's workflow.
    const mallorysComponent = {
      ...component(),
      metadata: {
        name: 'mallory-tool',
        annotations: { 'github.com/project-slug': SLUG },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'user:default/mallory',
      },
    };
    const mallorysStaging = staging({ owner: 'user:default/mallory' });
    mallorysStaging.metadata.name = 'mallory-tool-staging';
    (mallorysStaging.spec as { component: string }).component =
      'component:default/mallory-tool';
    const { read, logger } = await connectedProvider([
      component(),
      staging(),
      mallorysComponent,
      mallorysStaging,
    ]);

    expect(await read()).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'No previews for environment:default/mallory-tool-staging: acme/macro-ai is also claimed by component:default/macro-ai-api (owner group:default/platform): Stageline acts on a repository on its own only for an owner every Component living there has',
    );
  });

  it("reads no pull requests of a repository the catalog does not vouch for as the component's", async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop', 'Secret roadmap item');
    // The component and its Environment were registered from someone else's repository, and
    // name acme/macro-ai: its pull requests' titles and branches would become catalog entities.
    const elsewhere =
      'url:https://github.com/mallory/tools/blob/main/catalog-info.yaml';
    const { read, logger } = await connectedProvider([
      component({
        'backstage.io/managed-by-location': elsewhere,
        'github.com/project-slug': SLUG,
      }),
      staging(),
    ]);

    expect(await read()).toEqual([]);
    expect(github.requests).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `No previews for environment:default/macro-ai-api-staging: acme/macro-ai's pull requests are not read: acme/macro-ai is not read for component:default/macro-ai-api: it was registered from ${elsewhere}, which is not in acme/macro-ai nor a location the operator trusts`,
      ),
    );
  });

  it('gives no previews when previews are disabled', async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    const { read } = await connectedProvider([
      component(),
      staging({ previews: { enabled: false } }),
    ]);
    expect(await read()).toEqual([]);
  });

  it('leaves out forks unless asked, and filters drafts, branches and repositories', async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    github.push(SLUG, 'dependabot/npm/x');
    github.openPull(SLUG, 'dependabot/npm/x', 'develop');
    github.push(SLUG, 'feature/draft');
    github.openPull(SLUG, 'feature/draft', 'develop', 'WIP', { draft: true });
    github.openPull(SLUG, 'patch-1', 'develop', 'From a fork', {
      fromFork: 'mallory/macro-ai',
    });
    const entities = [component(), staging()];
    expect(names(await (await connectedProvider(entities)).read())).toEqual([
      'macro-ai-api-pr-3',
      'macro-ai-api-pr-2',
      'macro-ai-api-pr-1',
    ]);
    expect(
      names(
        await (
          await connectedProvider(entities, {
            includeDrafts: false,
            includeForks: true,
            branch: /^(?!dependabot\/)/,
          })
        ).read(),
      ),
    ).toEqual(['macro-ai-api-pr-4', 'macro-ai-api-pr-1']);
    expect(
      await (
        await connectedProvider(entities, { repository: /^other\// })
      ).read(),
    ).toEqual([]);
  });

  it('keeps the previews of the last good run while GitHub cannot be read', async () => {
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    const { read, logger } = await connectedProvider([component(), staging()]);
    expect(names(await read())).toEqual(['macro-ai-api-pr-1']);
    github.failWith = 403;
    expect(names(await read())).toEqual(['macro-ai-api-pr-1']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `Could not read the pull requests of ${SLUG} (GitHub refused listing the open pull requests of ${SLUG} (403`,
      ),
    );
  });

  it('leaves alone a preview of the same name registered by hand', async () => {
    for (const branch of ['feature/a', 'feature/b']) {
      github.push(SLUG, branch);
      github.openPull(SLUG, branch, 'develop');
    }
    const byHand = {
      ...staging(),
      metadata: {
        name: 'macro-ai-api-pr-1',
        annotations: {
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/macro-ai/blob/main/catalog-info.yaml',
        },
      },
      spec: { ...staging().spec, type: 'preview', previews: undefined },
    };
    const { read } = await connectedProvider([component(), staging(), byHand]);
    expect(names(await read())).toEqual(['macro-ai-api-pr-2']);
  });

  it("gives no preview to a pull request from a branch the component's Environments run (a promotion)", async () => {
    github.push(SLUG, 'develop');
    github.openPull(SLUG, 'develop', 'main', 'Promote staging to production');
    github.push(SLUG, 'feature/a');
    github.openPull(SLUG, 'feature/a', 'develop');
    const { read } = await connectedProvider([component(), staging()]);
    expect(names(await read())).toEqual(['macro-ai-api-pr-2']);
  });
});

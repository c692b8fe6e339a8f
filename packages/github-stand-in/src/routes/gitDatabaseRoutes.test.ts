import { setupServer } from 'msw/node';
import { testOctokit } from '../__testUtils__/octokit';
import { GithubStandIn } from '../GithubStandIn';

const SLUG = 'acme/macro-ai';
const repo = { owner: 'acme', repo: 'macro-ai' };
const server = setupServer();
let github: GithubStandIn;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  github = new GithubStandIn();
  github.addRepo(SLUG, ['main'], {
    files: { 'README.md': '# Macro AI\n', 'docs/old.md': 'old\n' },
  });
  server.resetHandlers(...github.handlers());
});
afterAll(() => server.close());

const octokit = testOctokit();

/** The status and message GitHub answers a failing request with. */
const failure = (request: Promise<unknown>) =>
  request.then(
    () => 'succeeded',
    e => [e.status, e.response.data.message, e.response.data.errors],
  );

/** A commit on main's head writing `files` through the Git database (no branch moves). */
async function commitOnMain(
  tree: Array<Record<string, unknown>>,
  message = 'Add an environment',
) {
  const { data: head } = await octokit.rest.repos.listCommits({
    ...repo,
    sha: 'main',
    per_page: 1,
  });
  const { data: created } = await octokit.rest.git.createTree({
    ...repo,
    base_tree: head[0].commit.tree.sha,
    tree: tree as any,
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...repo,
    message,
    tree: created.sha,
    parents: [head[0].sha],
  });
  return { tree: created, commit, parent: head[0].sha };
}

/** The Git database as https://docs.github.com/rest/git describes it, through the real Octokit. */
describe('Git database routes', () => {
  // https://docs.github.com/rest/git/blobs#create-a-blob
  it('stores blobs under their Git SHA, whether sent as utf-8 or base64', async () => {
    const utf8 = await octokit.rest.git.createBlob({
      ...repo,
      content: 'hello\n',
      encoding: 'utf-8',
    });
    const base64 = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from('hello\n').toString('base64'),
      encoding: 'base64',
    });
    expect(utf8.status).toBe(201);
    // `git hash-object` of "hello\n"
    expect(utf8.data.sha).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
    expect(base64.data.sha).toBe(utf8.data.sha);
    expect(
      await failure(
        octokit.rest.git.createBlob({ ...repo, content: 'x', encoding: 'hex' }),
      ),
    ).toEqual([422, 'encoding must be utf-8 or base64, not hex', undefined]);
  });

  // https://docs.github.com/rest/git/trees#create-a-tree, /git/commits, /git/refs
  it('commits a tree built on base_tree without moving a branch until a ref points at it', async () => {
    const mainHead = github.head(SLUG, 'main');
    const { data: blob } = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from('kind: Environment\n').toString('base64'),
      encoding: 'base64',
    });
    const { tree, commit, parent } = await commitOnMain([
      { path: 'environments/dev.yaml', mode: '100644', sha: blob.sha },
      { path: 'environments/notes.md', mode: '100644', content: 'notes\n' },
      { path: 'docs/old.md', mode: '100644', sha: null },
    ]);

    expect(parent).toBe(mainHead);
    expect(tree.tree.map(e => [e.path, e.type, e.mode])).toEqual([
      ['README.md', 'blob', '100644'],
      ['environments', 'tree', '040000'],
    ]);
    expect(commit.tree.sha).toBe(tree.sha);
    expect(commit.parents.map(p => p.sha)).toEqual([mainHead]);
    expect(github.head(SLUG, 'main')).toBe(mainHead);

    const { status, data: ref } = await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/stageline/dev',
      sha: commit.sha,
    });
    expect([status, ref.ref, ref.object.sha]).toEqual([
      201,
      'refs/heads/stageline/dev',
      commit.sha,
    ]);
    expect(github.files(SLUG, 'stageline/dev')).toEqual({
      'README.md': '# Macro AI\n',
      'environments/dev.yaml': 'kind: Environment\n',
      'environments/notes.md': 'notes\n',
    });
    expect(github.history(SLUG, 'stageline/dev').map(c => c.message)).toEqual([
      'Add an environment',
      'Initial commit',
    ]);
    const { data: compare } =
      await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: 'main...stageline/dev',
      });
    expect([compare.status, compare.ahead_by]).toEqual(['ahead', 1]);
    const { data: listed } = await octokit.rest.repos.listCommits({
      ...repo,
      sha: 'stageline/dev',
    });
    expect(listed.map(c => [c.sha, c.commit.tree.sha])).toEqual([
      [commit.sha, tree.sha],
      [mainHead, github.tree(SLUG, mainHead)],
    ]);
  });

  it('takes a directory back by its tree SHA, replaces a directory by a file, and makes the same tree of the same content', async () => {
    const { tree } = await commitOnMain([
      { path: 'environments/dev.yaml', mode: '100644', content: 'a\n' },
    ]);
    const dir = tree.tree.find(e => e.path === 'environments')!;
    const { data: again } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: tree.sha,
      tree: [{ path: 'copy', mode: '040000', type: 'tree', sha: dir.sha }],
    });
    const { data: same } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: tree.sha,
      tree: [{ path: 'environments/dev.yaml', mode: '100644', content: 'a\n' }],
    });
    expect(again.tree.map(e => e.path)).toEqual([
      'README.md',
      'copy',
      'docs',
      'environments',
    ]);
    expect(again.tree.find(e => e.path === 'copy')!.sha).toBe(dir.sha);
    expect(same.sha).toBe(tree.sha);
    // A file in place of a directory replaces the whole directory, as in Git.
    const { data: flat } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: tree.sha,
      tree: [{ path: 'environments', mode: '100644', content: 'file\n' }],
    });
    expect(flat.tree.map(e => [e.path, e.type])).toEqual([
      ['README.md', 'blob'],
      ['docs', 'tree'],
      ['environments', 'blob'],
    ]);
  });

  it('refuses what GitHub refuses: an unknown base tree, tree, parent or blob, deleting a missing file', async () => {
    const main = github.head(SLUG, 'main');
    const unknown = '0123456789abcdef0123456789abcdef01234567';
    const tree = (fields: object) =>
      octokit.request('POST /repos/{owner}/{repo}/git/trees', {
        ...repo,
        ...fields,
      } as any);
    const commit = (fields: object) =>
      octokit.rest.git.createCommit({
        ...repo,
        message: 'x',
        ...fields,
      } as any);
    const refusals: Array<[() => Promise<unknown>, number, string]> = [
      [
        () =>
          tree({
            base_tree: unknown,
            tree: [{ path: 'a', mode: '100644', content: 'a' }],
          }),
        422,
        'base_tree is not a valid tree oid',
      ],
      [
        () =>
          tree({ tree: [{ path: 'missing.md', mode: '100644', sha: null }] }),
        422,
        'GitRPC::BadObjectState',
      ],
      [
        () => tree({ tree: [{ path: 'a', mode: '100644', sha: unknown }] }),
        422,
        `tree.sha ${unknown} is not a valid blob`,
      ],
      [
        () => commit({ tree: unknown, parents: [main] }),
        422,
        'Tree SHA does not exist',
      ],
      [
        () => commit({ tree: github.tree(SLUG, main), parents: [unknown] }),
        422,
        'Parent SHA does not exist or is not a commit object',
      ],
      [
        () => octokit.rest.repos.listCommits({ ...repo, sha: unknown }),
        404,
        `No commit found for SHA: ${unknown}`,
      ],
    ];
    for (const [request, status, message] of refusals) {
      expect(await failure(request())).toEqual([status, message, undefined]);
    }
    expect(github.head(SLUG, 'main')).toBe(main);
  });

  // https://docs.github.com/rest/git/refs#create-a-reference, #update-a-reference
  it('creates a ref once and moves it by its URL-encoded name, forcing what is not a fast forward', async () => {
    const main = github.head(SLUG, 'main');
    const { commit } = await commitOnMain([
      { path: 'a.md', mode: '100644', content: 'a\n' },
    ]);
    const { commit: other } = await commitOnMain([
      { path: 'b.md', mode: '100644', content: 'b\n' },
    ]);
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/feature/x',
      sha: main,
    });
    expect(
      await failure(
        octokit.rest.git.createRef({
          ...repo,
          ref: 'refs/heads/feature/x',
          sha: main,
        }),
      ),
    ).toEqual([422, 'Reference already exists', undefined]);

    // Octokit sends the ref URL-encoded: /git/refs/heads%2Ffeature%2Fx
    const update = (sha: string, force?: boolean) =>
      octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
        ...repo,
        ref: 'heads/feature/x',
        sha,
        force,
      });
    const moved = await update(commit.sha);
    expect([moved.status, moved.data.object.sha]).toEqual([200, commit.sha]);
    expect(github.requests.at(-1)!.path).toBe(
      '/repos/acme/macro-ai/git/refs/heads%2Ffeature%2Fx',
    );
    expect(await failure(update(other.sha))).toEqual([
      422,
      'Update is not a fast forward',
      undefined,
    ]);
    await update(other.sha, true);
    expect(github.files(SLUG, 'feature/x')['b.md']).toBe('b\n');
    expect(
      await failure(
        octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...repo,
          ref: 'heads/missing',
          sha: main,
        }),
      ),
    ).toEqual([422, 'Reference does not exist', undefined]);
  });

  it('merges a pull request from a branch made through the Git database with its files', async () => {
    github.commitFiles(SLUG, 'main', { 'CHANGELOG.md': 'v1\n' }, 'Changelog');
    const { commit } = await commitOnMain([
      { path: 'environments/dev.yaml', mode: '100644', content: 'dev\n' },
      { path: 'README.md', mode: '100644', content: '# Changed\n' },
    ]);
    await octokit.rest.git.createRef({
      ...repo,
      ref: 'refs/heads/env',
      sha: commit.sha,
    });
    github.commitFiles(SLUG, 'main', { 'docs/old.md': null }, 'Drop docs');
    const { data: pull } = await octokit.rest.pulls.create({
      ...repo,
      head: 'acme:env',
      base: 'main',
      title: 'Add dev',
    });
    await octokit.rest.pulls.merge({
      ...repo,
      pull_number: pull.number,
      merge_method: 'squash',
    });
    // Three-way: the branch's changes on top of what main got meanwhile.
    expect(github.files(SLUG, 'main')).toEqual({
      'CHANGELOG.md': 'v1\n',
      'README.md': '# Changed\n',
      'environments/dev.yaml': 'dev\n',
    });
  });
});

// https://docs.github.com/rest/pulls/pulls#create-a-pull-request
describe('POST /pulls validation', () => {
  it('answers Validation Failed with GitHub errors for a missing or unknown branch and a second open pull request', async () => {
    github.push(SLUG, 'develop');
    const create = (head?: string, base?: string) =>
      failure(
        // A request without head or base, which Octokit's types would not let through.
        octokit.request('POST /repos/{owner}/{repo}/pulls', {
          ...repo,
          title: 'Promote',
          ...(head ? { head } : {}),
          ...(base ? { base } : {}),
        } as typeof repo & { head: string; base: string }),
      );
    expect(await create(undefined, 'main')).toEqual([
      422,
      'Validation Failed',
      [{ resource: 'PullRequest', field: 'head', code: 'missing_field' }],
    ]);
    expect(await create('develop', 'nope')).toEqual([
      422,
      'Validation Failed',
      [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
    ]);
    // a head in someone else's fork, which this repository does not have
    expect(await create('mallory:develop', 'main')).toEqual([
      422,
      'Validation Failed',
      [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
    ]);
    expect(await create('acme:develop', 'main')).toBe('succeeded');
    expect(await create('acme:develop', 'main')).toEqual([
      422,
      'Validation Failed',
      [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'A pull request already exists for acme:develop.',
        },
      ],
    ]);
    expect(github.repo(SLUG).pulls).toHaveLength(1);
  });
});

// https://docs.github.com/graphql/reference/objects#ref
describe('Ref.associatedPullRequests', () => {
  // The query octokit-plugin-create-pull-request sends, anonymous.
  const query = `
    query ($owner: String!, $repo: String!, $head: String!) {
      repository(name: $repo, owner: $owner) {
        ref(qualifiedName: $head) {
          associatedPullRequests(first: 1, states: OPEN) {
            edges { node { id number url } }
          }
        }
      }
    }`;
  const associated = async (head: string) =>
    (
      (await octokit.graphql(query, { ...repo, head })) as {
        repository: { ref: null | { associatedPullRequests: any } };
      }
    ).repository.ref;

  it('lists the open pull requests whose head is the ref, null for a ref that does not exist', async () => {
    github.push(SLUG, 'stageline/a');
    github.push(SLUG, 'stageline/b');
    const closed = github.openPull(SLUG, 'stageline/a', 'main');
    github.closePull(SLUG, closed);
    const open = github.openPull(SLUG, 'stageline/a', 'main');
    github.openPull(SLUG, 'stageline/b', 'main');

    expect(await associated('stageline/a')).toEqual({
      associatedPullRequests: {
        edges: [
          {
            node: {
              id: expect.any(String),
              number: open,
              url: `https://github.com/${SLUG}/pull/${open}`,
            },
          },
        ],
      },
    });
    expect(await associated('refs/heads/main')).toEqual({
      associatedPullRequests: { edges: [] },
    });
    expect(await associated('stageline/missing')).toBeNull();
  });
});

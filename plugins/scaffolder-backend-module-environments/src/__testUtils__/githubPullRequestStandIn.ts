import { createHash } from 'node:crypto';
import { graphql, http, HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { RecordedRequest } from './githubStandIn';
import { recordRequest } from './recordRequest';

const API = 'https://api.github.com';
const REPO = `${API}/repos/:owner/:repo`;

type Tree = Map<string, string>;
type Commit = { tree: string; parents: string[]; message: string };
type PullRequest = {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
};

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

const notFound = () =>
  HttpResponse.json(
    { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
    { status: 404 },
  );

const validationFailed = (message: string, documentation: string) =>
  HttpResponse.json(
    {
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message }],
      documentation_url: documentation,
    },
    { status: 422 },
  );

/**
 * A stateful stand-in for one repository's Git database and pull requests, the GitHub endpoints
 * Backstage's `publish:github:pull-request` (octokit-plugin-create-pull-request) uses, answering
 * as GitHub's REST reference says (https://docs.github.com/rest/git/blobs,
 * https://docs.github.com/rest/git/trees, https://docs.github.com/rest/git/commits,
 * https://docs.github.com/rest/git/refs, https://docs.github.com/rest/pulls/pulls) and the
 * GraphQL `Ref.associatedPullRequests` query (https://docs.github.com/graphql/reference/objects#ref):
 * blobs, trees and commits are content-addressed and change no branch; creating a ref that exists
 * answers 422 "Reference already exists"; a second open pull request for the same head and base
 * answers 422 "A pull request already exists for owner:branch.". Records every request.
 */
export class GithubPullRequestStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly branches = new Map<string, string>();
  readonly pullRequests: PullRequest[] = [];
  private readonly blobs = new Map<string, string>();
  private readonly trees = new Map<string, Tree>();
  private readonly commits = new Map<string, Commit>();
  private nextPullNumber = 101;

  constructor(
    server: SetupServer,
    readonly owner = 'acme',
    readonly repo = 'macro-ai',
  ) {
    const initialTree = this.storeTree(
      new Map([['README.md', this.storeBlob('# Macro AI\n')]]),
    );
    this.branches.set(
      'main',
      this.storeCommit({
        tree: initialTree,
        parents: [],
        message: 'Initial commit',
      }),
    );
    const slug = `${owner}/${repo}`;
    const ours = (params: Record<string, unknown>) =>
      `${params.owner}/${params.repo}` === slug;

    server.use(
      http.all(`${API}/*`, async ({ request }) => {
        this.requests.push(await recordRequest(request));
        return undefined;
      }),
      http.get(REPO, ({ params }) => {
        if (!ours(params)) return notFound();
        return HttpResponse.json(
          {
            id: 821093456,
            node_id: 'R_kgDOMPbX0A',
            name: repo,
            full_name: slug,
            private: true,
            owner: { login: owner, id: 1342004, type: 'Organization' },
            html_url: `https://github.com/${slug}`,
            url: `${API}/repos/${slug}`,
            default_branch: 'main',
            permissions: {
              admin: false,
              maintain: false,
              push: true,
              triage: true,
              pull: true,
            },
          },
          // A classic personal access token: GitHub names its scopes.
          { headers: { 'x-oauth-scopes': 'repo, workflow' } },
        );
      }),
      http.get(`${REPO}/commits`, ({ params, request }) => {
        if (!ours(params)) return notFound();
        const ref = new URL(request.url).searchParams.get('sha') ?? 'main';
        const sha = this.branches.get(ref) ?? ref;
        const commit = this.commits.get(sha);
        if (!commit) return notFound();
        return HttpResponse.json([this.commitBody(sha, commit, true)]);
      }),
      http.post(`${REPO}/git/blobs`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const body = (await request.clone().json()) as {
          content: string;
          encoding?: string;
        };
        const content =
          body.encoding === 'base64'
            ? Buffer.from(body.content, 'base64').toString('utf8')
            : body.content;
        const sha = this.storeBlob(content);
        return HttpResponse.json(
          { sha, url: `${API}/repos/${slug}/git/blobs/${sha}` },
          { status: 201 },
        );
      }),
      http.post(`${REPO}/git/trees`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const body = (await request.clone().json()) as {
          base_tree?: string;
          tree: Array<{
            path: string;
            mode: string;
            sha?: string | null;
            content?: string;
          }>;
        };
        const tree: Tree = new Map(
          body.base_tree ? this.trees.get(body.base_tree) : [],
        );
        for (const entry of body.tree) {
          if (entry.content !== undefined) {
            tree.set(entry.path, this.storeBlob(entry.content));
          } else if (entry.sha === null) {
            tree.delete(entry.path);
          } else if (entry.sha) {
            tree.set(entry.path, entry.sha);
          }
        }
        const sha = this.storeTree(tree);
        return HttpResponse.json(
          {
            sha,
            url: `${API}/repos/${slug}/git/trees/${sha}`,
            tree: [...tree].map(([path, blob]) => ({
              path,
              mode: '100644',
              type: 'blob',
              sha: blob,
              size: this.blobs.get(blob)?.length ?? 0,
              url: `${API}/repos/${slug}/git/blobs/${blob}`,
            })),
            truncated: false,
          },
          { status: 201 },
        );
      }),
      http.post(`${REPO}/git/commits`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const body = (await request.clone().json()) as Commit;
        const commit = {
          tree: body.tree,
          parents: body.parents,
          message: body.message,
        };
        const sha = this.storeCommit(commit);
        return HttpResponse.json(this.commitBody(sha, commit, false), {
          status: 201,
        });
      }),
      http.post(`${REPO}/git/refs`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const body = (await request.clone().json()) as {
          ref: string;
          sha: string;
        };
        const branch = body.ref.replace(/^refs\/heads\//, '');
        if (this.branches.has(branch)) {
          return HttpResponse.json(
            {
              message: 'Reference already exists',
              documentation_url:
                'https://docs.github.com/rest/git/refs#create-a-reference',
            },
            { status: 422 },
          );
        }
        this.branches.set(branch, body.sha);
        return HttpResponse.json(this.refBody(branch), { status: 201 });
      }),
      // Octokit sends the ref encoded: /git/refs/heads%2Fstageline%2F...
      http.patch(`${REPO}/git/refs/:ref`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const branch = decodeURIComponent(params.ref as string).replace(
          /^heads\//,
          '',
        );
        if (!this.branches.has(branch)) {
          return HttpResponse.json(
            {
              message: 'Reference does not exist',
              documentation_url:
                'https://docs.github.com/rest/git/refs#update-a-reference',
            },
            { status: 422 },
          );
        }
        const body = (await request.clone().json()) as { sha: string };
        this.branches.set(branch, body.sha);
        return HttpResponse.json(this.refBody(branch));
      }),
      http.post(`${REPO}/pulls`, async ({ params, request }) => {
        if (!ours(params)) return notFound();
        const body = (await request.clone().json()) as {
          head: string;
          base: string;
          title: string;
          body?: string;
        };
        const head = body.head.replace(`${owner}:`, '');
        if (!this.branches.has(head) || !this.branches.has(body.base)) {
          return validationFailed(
            `${this.branches.has(head) ? 'base' : 'head'} invalid`,
            'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          );
        }
        if (this.openPullRequest(head, body.base)) {
          return validationFailed(
            `A pull request already exists for ${owner}:${head}.`,
            'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
          );
        }
        const pull: PullRequest = {
          number: this.nextPullNumber++,
          head,
          base: body.base,
          title: body.title,
          body: body.body ?? '',
          state: 'open',
        };
        this.pullRequests.push(pull);
        return HttpResponse.json(this.pullBody(pull), { status: 201 });
      }),
      // The plugin's query is anonymous, so only an any-operation handler sees it.
      graphql.link(`${API}/graphql`).operation(({ query, variables }) => {
        if (!/associatedPullRequests/.test(query)) return undefined;
        if (`${variables.owner}/${variables.repo}` !== slug) return undefined;
        const head = variables.head as string;
        if (!this.branches.has(head)) {
          return HttpResponse.json({ data: { repository: { ref: null } } });
        }
        const open = this.pullRequests.filter(
          p => p.head === head && p.state === 'open',
        );
        return HttpResponse.json({
          data: {
            repository: {
              ref: {
                associatedPullRequests: {
                  edges: open.slice(0, 1).map(p => ({
                    node: {
                      id: `PR_kwDOMPbX0M5${p.number}`,
                      number: p.number,
                      url: `https://github.com/${slug}/pull/${p.number}`,
                    },
                  })),
                },
              },
            },
          },
        });
      }),
    );
  }

  /** The files on a branch, path → content. */
  files(branch: string): Record<string, string> {
    const sha = this.branches.get(branch);
    if (!sha) throw new Error(`No branch ${branch} in the stand-in`);
    const tree = this.trees.get(this.commits.get(sha)!.tree)!;
    return Object.fromEntries(
      [...tree].map(([path, blob]) => [path, this.blobs.get(blob)!]),
    );
  }

  /** The commit messages from a branch's head back to the first commit. */
  history(branch: string): string[] {
    const messages: string[] = [];
    let sha = this.branches.get(branch);
    while (sha) {
      const commit = this.commits.get(sha)!;
      messages.push(commit.message);
      sha = commit.parents[0];
    }
    return messages;
  }

  /** Requests that change something. */
  writes(): RecordedRequest[] {
    return this.requests.filter(r => !['GET', 'HEAD'].includes(r.method));
  }

  private openPullRequest(head: string, base: string) {
    return this.pullRequests.find(
      p => p.head === head && p.base === base && p.state === 'open',
    );
  }

  private storeBlob(content: string): string {
    const sha = sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
    this.blobs.set(sha, content);
    return sha;
  }

  private storeTree(tree: Tree): string {
    const sha = sha1(`tree ${JSON.stringify([...tree].sort())}`);
    this.trees.set(sha, tree);
    return sha;
  }

  private storeCommit(commit: Commit): string {
    const sha = sha1(`commit ${JSON.stringify(commit)}`);
    this.commits.set(sha, commit);
    return sha;
  }

  private commitBody(sha: string, commit: Commit, listed: boolean) {
    const slug = `${this.owner}/${this.repo}`;
    const person = {
      name: 'Stageline Bot',
      email: 'bot@acme.test',
      date: '2025-01-07T10:00:00Z',
    };
    const git = {
      sha,
      node_id: `C_kwDOMPbX0NoAKD${sha.slice(0, 8)}`,
      url: `${API}/repos/${slug}/git/commits/${sha}`,
      html_url: `https://github.com/${slug}/commit/${sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: {
        sha: commit.tree,
        url: `${API}/repos/${slug}/git/trees/${commit.tree}`,
      },
      parents: commit.parents.map(parent => ({
        sha: parent,
        url: `${API}/repos/${slug}/git/commits/${parent}`,
        html_url: `https://github.com/${slug}/commit/${parent}`,
      })),
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
      },
    };
    if (!listed) return git;
    // GET .../commits lists repository commits: the Git commit sits under `commit`.
    return {
      sha,
      node_id: git.node_id,
      url: `${API}/repos/${slug}/commits/${sha}`,
      html_url: git.html_url,
      commit: {
        author: person,
        committer: person,
        message: commit.message,
        tree: git.tree,
        url: git.url,
        comment_count: 0,
      },
      parents: git.parents,
    };
  }

  private refBody(branch: string) {
    const slug = `${this.owner}/${this.repo}`;
    const sha = this.branches.get(branch)!;
    return {
      ref: `refs/heads/${branch}`,
      node_id: 'REF_kwDOMPbX0LFyZWZzL2hlYWRz',
      url: `${API}/repos/${slug}/git/refs/heads/${branch}`,
      object: {
        type: 'commit',
        sha,
        url: `${API}/repos/${slug}/git/commits/${sha}`,
      },
    };
  }

  private pullBody(pull: PullRequest) {
    const slug = `${this.owner}/${this.repo}`;
    const side = (branch: string) => ({
      label: `${this.owner}:${branch}`,
      ref: branch,
      sha: this.branches.get(branch),
      repo: { full_name: slug },
    });
    return {
      id: 1900000000 + pull.number,
      node_id: `PR_kwDOMPbX0M5${pull.number}`,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      draft: false,
      html_url: `https://github.com/${slug}/pull/${pull.number}`,
      url: `${API}/repos/${slug}/pulls/${pull.number}`,
      head: side(pull.head),
      base: side(pull.base),
      user: { login: 'stageline-bot', id: 583232, type: 'User' },
    };
  }
}

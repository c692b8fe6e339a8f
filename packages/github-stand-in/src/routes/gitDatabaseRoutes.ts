import { http, RequestHandler } from 'msw';
import type { StandInFile, StandInTree } from '../CommitGraph';
import type { GithubStandIn } from '../GithubStandIn';
import { pageOf } from '../respond';
import type { StandInRepo } from '../state';
import { commitJson, refJson } from './gitRoutes';
import { API, REPO, WEB } from './paths';

const DOCS = 'https://docs.github.com/rest/git';
const MODES = new Set(['100644', '100755', '120000', '040000']);

interface TreeEntry {
  path?: string;
  mode?: string;
  type?: string;
  sha?: string | null;
  content?: string;
}

/**
 * The top level of a tree as GitHub lists it: files at the root as blobs, each directory as a
 * tree (stored, so that its SHA can be given back in another tree).
 */
function treeJson(repo: StandInRepo, sha: string) {
  const { graph, slug } = repo;
  const { files } = graph.treeOf(sha)!;
  const dirs = new Map<string, Map<string, StandInFile>>();
  const entries: Array<{ path: string } & Record<string, unknown>> = [];
  for (const [path, file] of files) {
    const [top, ...rest] = path.split('/');
    if (!rest.length) {
      entries.push({
        path,
        mode: file.mode,
        type: 'blob',
        sha: file.sha,
        size: graph.blob(file.sha)?.length ?? 0,
        url: `${API}/repos/${slug}/git/blobs/${file.sha}`,
      });
      continue;
    }
    if (!dirs.has(top)) dirs.set(top, new Map());
    dirs.get(top)!.set(rest.join('/'), file);
  }
  for (const [path, dirFiles] of dirs) {
    const dir = graph.storeTree({ changes: new Set(), files: dirFiles });
    entries.push({
      path,
      mode: '040000',
      type: 'tree',
      sha: dir,
      url: `${API}/repos/${slug}/git/trees/${dir}`,
    });
  }
  return {
    sha,
    url: `${API}/repos/${slug}/git/trees/${sha}`,
    // Git orders entries by their names' bytes.
    tree: entries.sort((a, b) => (a.path < b.path ? -1 : 1)),
    truncated: false,
  };
}

/** `files` with one entry of `POST /git/trees` applied, or the reason GitHub refuses it. */
function applyEntry(
  repo: StandInRepo,
  files: Map<string, StandInFile>,
  entry: TreeEntry,
): string | undefined {
  const { path, mode, sha, content } = entry;
  if (!path || !mode || !MODES.has(mode)) {
    return `Invalid tree entry: path and a mode of ${[...MODES].join(', ')}`;
  }
  if (content !== undefined && sha !== undefined) {
    return 'Only one of tree.sha and tree.content may be given';
  }
  const under = (p: string) => p === path || p.startsWith(`${path}/`);
  // What sits at the path goes: a file, a directory, or a file where a directory now starts.
  const clear = () => {
    for (const p of [...files.keys()]) {
      if (under(p) || path.startsWith(`${p}/`)) files.delete(p);
    }
  };
  if (sha === null) {
    // Deleting what the tree lacks is refused (octokit-plugin-create-pull-request checks first).
    if (![...files.keys()].some(under)) return 'GitRPC::BadObjectState';
    clear();
    return undefined;
  }
  if (content !== undefined) {
    clear();
    files.set(path, {
      mode,
      sha: repo.graph.storeBlob(Buffer.from(content)),
    });
    return undefined;
  }
  if (mode === '040000') {
    const dir = sha ? repo.graph.treeOf(sha) : undefined;
    if (!dir) return `tree.sha ${sha} is not a valid tree`;
    clear();
    for (const [p, file] of dir.files) files.set(`${path}/${p}`, file);
    return undefined;
  }
  if (!sha || !repo.graph.blob(sha))
    return `tree.sha ${sha} is not a valid blob`;
  clear();
  files.set(path, { mode, sha });
  return undefined;
}

/** A commit as the Git database gives it (`POST /git/commits`): the listed commit's `commit`. */
function gitCommitJson(standIn: GithubStandIn, slug: string, sha: string) {
  const { node_id, html_url, commit, parents } = commitJson(standIn, slug, sha);
  const { comment_count: _, ...git } = commit;
  return {
    sha,
    node_id,
    url: `${API}/repos/${slug}/git/commits/${sha}`,
    html_url,
    ...git,
    parents: parents.map(parent => ({
      sha: parent.sha,
      url: `${API}/repos/${slug}/git/commits/${parent.sha}`,
      html_url: `${WEB}/${slug}/commit/${parent.sha}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
    },
  };
}

/**
 * Git database writes, which change no branch until a ref is created or moved: blobs
 * (https://docs.github.com/rest/git/blobs#create-a-blob, utf-8 or base64, addressed by their Git
 * SHA), trees (https://docs.github.com/rest/git/trees#create-a-tree: on `base_tree` or empty,
 * entries with `content`, a blob or tree `sha`, or `sha: null` to delete; the answer lists the
 * top level), commits (https://docs.github.com/rest/git/commits#create-a-commit: a stored tree
 * on existing parents, addressed by content, into the repository's commit graph), refs
 * (https://docs.github.com/rest/git/refs#create-a-reference: 422 "Reference already exists";
 * https://docs.github.com/rest/git/refs#update-a-reference, the ref URL-encoded or not: 422
 * "Reference does not exist", "Update is not a fast forward" without `force`), and the
 * commits of a branch or SHA, newest first
 * (https://docs.github.com/rest/commits/commits#list-commits).
 */
export function gitDatabaseRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  /** A write to a repository's Git database: 404 for an unknown repository, 422 `refuse`d. */
  const write = <Body>(
    method: 'post' | 'patch',
    path: string,
    doc: string,
    handle: (
      repo: StandInRepo,
      body: Body,
      refuse: (message: string) => Response,
      request: Request,
    ) => Response,
  ) => {
    const route = `${method.toUpperCase()} ${path
      .split('/')
      .slice(1, 3)
      .join('/')}`;
    return http[method](`${REPO}${path}`, async ({ request, params }) => {
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const refuse = (message: string) =>
        respond.error(route, 422, message, `${DOCS}/${doc}`);
      const body = (await request.json()) as Body;
      return handle(repo, body, refuse, request);
    });
  };
  const created = (route: string, body: unknown) =>
    respond.json(`POST ${route}`, body, 201);
  return [
    write<{ content?: unknown; encoding?: string }>(
      'post',
      '/git/blobs',
      'blobs#create-a-blob',
      (repo, body, refuse) => {
        const encoding = body.encoding ?? 'utf-8';
        if (typeof body.content !== 'string') {
          return refuse(`Invalid request.\n\n"content" wasn't supplied.`);
        }
        if (!['utf-8', 'base64'].includes(encoding)) {
          return refuse(`encoding must be utf-8 or base64, not ${encoding}`);
        }
        const sha = repo.graph.storeBlob(
          Buffer.from(body.content, encoding === 'base64' ? 'base64' : 'utf8'),
        );
        return created('git/blobs', {
          sha,
          url: `${API}/repos/${repo.slug}/git/blobs/${sha}`,
        });
      },
    ),
    write<{ base_tree?: string; tree?: TreeEntry[] }>(
      'post',
      '/git/trees',
      'trees#create-a-tree',
      (repo, body, refuse) => {
        if (!Array.isArray(body.tree)) {
          return refuse(`Invalid request.\n\n"tree" wasn't supplied.`);
        }
        const base: StandInTree | undefined = body.base_tree
          ? repo.graph.treeOf(body.base_tree)
          : { changes: new Set(), files: new Map() };
        if (!base) return refuse('base_tree is not a valid tree oid');
        const files = new Map(base.files);
        for (const entry of body.tree) {
          const refused = applyEntry(repo, files, entry);
          if (refused) return refuse(refused);
        }
        const sha = repo.graph.storeTree({ changes: base.changes, files });
        return created('git/trees', treeJson(repo, sha));
      },
    ),
    write<{
      message?: string;
      tree?: string;
      parents?: string[];
      author?: { name?: string; date?: string };
    }>(
      'post',
      '/git/commits',
      'commits#create-a-commit',
      (repo, body, refuse, request) => {
        if (typeof body.message !== 'string' || !body.tree) {
          return refuse(
            `Invalid request.\n\n"message" and "tree" are required.`,
          );
        }
        if (!repo.graph.treeOf(body.tree)) {
          return refuse('Tree SHA does not exist');
        }
        const parents = body.parents ?? [];
        if (parents.some(parent => !repo.graph.has(parent))) {
          return refuse('Parent SHA does not exist or is not a commit object');
        }
        const sha = repo.graph.addWithTree({
          tree: body.tree,
          parents,
          message: body.message,
          author: body.author?.name ?? standIn.loginOf(request),
          date:
            body.author?.date ??
            standIn
              .clock()
              .toISOString()
              .replace(/\.\d+Z$/, 'Z'),
        });
        return created('git/commits', gitCommitJson(standIn, repo.slug, sha));
      },
    ),
    write<{ ref?: string; sha?: string }>(
      'post',
      '/git/refs',
      'refs#create-a-reference',
      (repo, body, refuse) => {
        // Branches only: tags and other refs are not modelled.
        const branch = body.ref?.match(/^refs\/heads\/(.+)$/)?.[1];
        if (!branch) return refuse('Validation Failed');
        if (repo.branches.has(branch)) {
          return refuse('Reference already exists');
        }
        if (!body.sha || !repo.graph.has(body.sha)) {
          return refuse('Object does not exist');
        }
        standIn.setBranch(repo.slug, branch, body.sha);
        return created('git/refs', refJson(repo, branch));
      },
    ),
    write<{ sha?: string; force?: boolean }>(
      'patch',
      '/git/refs/*',
      'refs#update-a-reference',
      (repo, body, refuse, request) => {
        const ref = decodeURIComponent(
          new URL(request.url).pathname.split('/git/refs/')[1],
        );
        const branch = ref.replace(/^(refs\/)?heads\//, '');
        const before = repo.branches.get(branch);
        if (!before) return refuse('Reference does not exist');
        if (!body.sha || !repo.graph.has(body.sha)) {
          return refuse('Object does not exist');
        }
        if (!body.force && !repo.graph.ancestors(body.sha).has(before)) {
          return refuse('Update is not a fast forward');
        }
        standIn.setBranch(repo.slug, branch, body.sha);
        return respond.json('PATCH git/refs', refJson(repo, branch));
      },
    ),
    http.get(`${REPO}/commits`, ({ request, params }) => {
      const route = 'GET commits';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const ref =
        new URL(request.url).searchParams.get('sha') ?? repo.defaultBranch;
      const sha = repo.branches.get(ref) ?? ref;
      if (!repo.graph.has(sha)) {
        return respond.error(route, 404, `No commit found for SHA: ${ref}`);
      }
      const newestFirst = [...repo.graph.ancestors(sha)].sort(
        (a, b) => repo.graph.get(b).seq - repo.graph.get(a).seq,
      );
      const { items, headers } = pageOf(request, newestFirst);
      return respond.get(
        route,
        request,
        items.map(item => commitJson(standIn, repo.slug, item)),
        headers,
      );
    }),
  ];
}

import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import { asksForPage, pageOf } from '../respond';
import type { StandInRepo } from '../state';
import { API, REPO, WEB } from './paths';

/** Most commits an unpaged comparison lists (the newest ones, oldest first). */
const UNPAGED_COMPARE_LIMIT = 250;

/** GitHub's `status` of a comparison. */
function compareStatus(ahead: number, behind: number): string {
  if (ahead && behind) return 'diverged';
  if (ahead) return 'ahead';
  if (behind) return 'behind';
  return 'identical';
}

/** A commit as the compare and commit endpoints give it. */
export function commitJson(standIn: GithubStandIn, slug: string, sha: string) {
  const repo = standIn.repo(slug);
  const commit = repo.graph.get(sha);
  const tree = repo.graph.tree(sha);
  const person = {
    name: commit.author,
    email: `${commit.author}@example.com`,
    date: commit.date,
  };
  return {
    sha,
    node_id: `C_${sha.slice(0, 10)}`,
    html_url: `${WEB}/${slug}/commit/${sha}`,
    url: `${API}/repos/${slug}/commits/${sha}`,
    commit: {
      message: commit.message,
      author: person,
      committer: person,
      tree: { sha: tree, url: `${API}/repos/${slug}/git/trees/${tree}` },
      comment_count: 0,
    },
    author: { login: commit.author, id: 1, type: 'User' },
    committer: { login: commit.author, id: 1, type: 'User' },
    parents: commit.parents.map(parent => ({
      sha: parent,
      url: `${API}/repos/${slug}/commits/${parent}`,
    })),
  };
}

/** A branch's ref as the refs endpoints give it. */
export function refJson(repo: StandInRepo, branch: string) {
  const sha = repo.branches.get(branch)!;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${branch}`,
    url: `${API}/repos/${repo.slug}/git/refs/heads/${branch}`,
    object: {
      sha,
      type: 'commit',
      url: `${API}/repos/${repo.slug}/git/commits/${sha}`,
    },
  };
}

/**
 * Branch refs and comparisons
 * (https://docs.github.com/rest/git/refs#get-a-reference,
 * https://docs.github.com/rest/commits/commits#compare-two-commits): without `per_page` or
 * `page` a comparison lists at most 250 commits, the last being the newest of the whole
 * comparison; with either it is paged, oldest first, at most 100 a page.
 */
export function gitRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  return [
    http.get(`${REPO}/git/ref/*`, ({ request, params }) => {
      const route = 'GET git/ref';
      const repo = standIn.repoOf(params);
      const ref = decodeURIComponent(
        new URL(request.url).pathname.split('/git/ref/')[1],
      );
      const branch = ref.replace(/^heads\//, '');
      const sha = repo?.branches.get(branch);
      if (!repo || !sha) return respond.notFound(route);
      return respond.get(route, request, refJson(repo, branch));
    }),
    http.get(`${REPO}/compare/:basehead`, ({ request, params }) => {
      const route = 'GET compare';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const [base, head] = decodeURIComponent(String(params.basehead)).split(
        '...',
      );
      const resolve = (ref: string) =>
        repo.branches.get(ref) ?? (repo.graph.has(ref) ? ref : undefined);
      const baseSha = resolve(base);
      const headSha = resolve(head);
      if (!baseSha || !headSha) return respond.notFound(route);
      const { ahead, behind, mergeBase } = repo.graph.compare(baseSha, headSha);
      const paged = asksForPage(request);
      const { items, headers } = paged
        ? pageOf(request, ahead)
        : { items: ahead.slice(-UNPAGED_COMPARE_LIMIT), headers: {} };
      const slug = repo.slug;
      return respond.get(
        route,
        request,
        {
          url: `${API}/repos/${slug}/compare/${base}...${head}`,
          html_url: `${WEB}/${slug}/compare/${base}...${head}`,
          base_commit: commitJson(standIn, slug, baseSha),
          merge_base_commit: mergeBase
            ? commitJson(standIn, slug, mergeBase)
            : null,
          status: compareStatus(ahead.length, behind.length),
          ahead_by: ahead.length,
          behind_by: behind.length,
          total_commits: ahead.length,
          commits: items.map(sha => commitJson(standIn, slug, sha)),
          files: [],
        },
        headers,
      );
    }),
  ];
}

import { http, RequestHandler } from 'msw';
import type { GithubStandIn } from '../GithubStandIn';
import {
  FORBIDDEN_METHOD_MESSAGES,
  mergePull,
  MergeMethod,
} from '../mergePull';
import { pageOf } from '../respond';
import type { StandInPull, StandInRepo } from '../state';
import { API, REPO, WEB } from './paths';

const CREATE_DOCS =
  'https://docs.github.com/rest/pulls/pulls#create-a-pull-request';
const MERGE_DOCS =
  'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request';

/** The head commit of a pull request: its branch's head (a fork's own head) while open, frozen once closed. */
export function headSha(repo: StandInRepo, pull: StandInPull): string {
  return (
    pull.closedHeadSha ?? pull.fork?.headSha ?? repo.branches.get(pull.head)!
  );
}

/** A pull request as `GET /pulls` lists it (no merge state: that is computed per pull request). */
function simplePull(repo: StandInRepo, pull: StandInPull) {
  const side = (ref: string, sha: string, fork?: string) => ({
    ref,
    sha,
    label: `${(fork ?? repo.slug).split('/')[0]}:${ref}`,
    repo: fork
      ? { full_name: fork, id: repo.id + 1, fork: true }
      : { full_name: repo.slug, id: repo.id, fork: false },
  });
  return {
    id: 1000 + pull.number,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body ?? null,
    html_url: `${WEB}/${repo.slug}/pull/${pull.number}`,
    url: `${API}/repos/${repo.slug}/pulls/${pull.number}`,
    draft: pull.draft,
    user: { login: pull.author, id: 1, type: 'User' },
    head: side(pull.head, headSha(repo, pull), pull.fork?.slug),
    base: side(pull.base, repo.branches.get(pull.base)!),
    merged_at: pull.mergedAt ?? null,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt ?? pull.mergedAt ?? null,
  };
}

/**
 * `mergeable` and `mergeable_state` as `GET /pulls/{n}` answers them: null and `unknown` while
 * GitHub computes them after the pull request was opened or one of its branches moved
 * (https://docs.github.com/rest/guides/using-the-rest-api-to-interact-with-your-git-database#checking-mergeability-of-pull-requests).
 */
export function mergeState(pull: StandInPull) {
  if (pull.state === 'open' && pull.mergeabilityPendingReads > 0) {
    pull.mergeabilityPendingReads--;
    return { mergeable: null, mergeable_state: 'unknown' };
  }
  if (pull.conflicts) return { mergeable: false, mergeable_state: 'dirty' };
  if (pull.draft) return { mergeable: true, mergeable_state: 'draft' };
  return { mergeable: true, mergeable_state: pull.mergeableState ?? 'clean' };
}

/**
 * Pull requests: list (filters `state`, `head` as `owner:branch`, `base`; sorted by `sort`
 * and `direction`; paged), create (422 "Validation Failed" with GitHub's `errors`: a missing or
 * unknown head or base, one open for the same branches, nothing to merge), get (mergeability
 * computed late), reviews (with `commit_id` and `author_association`) and merge (https://docs.github.com/rest/pulls/pulls#merge-a-pull-request:
 * 405 when it cannot be merged or the repository forbids the method, 409 when `sha` is not the
 * head).
 */
export function pullRoutes(standIn: GithubStandIn): RequestHandler[] {
  const { respond } = standIn;
  const pullOf = (params: Record<string, unknown>) => {
    const repo = standIn.repoOf(params);
    const pull = repo?.pulls.find(p => p.number === Number(params.number));
    return repo && pull ? { repo, pull } : undefined;
  };
  return [
    http.get(`${REPO}/pulls`, ({ request, params }) => {
      const route = 'GET pulls';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const query = new URL(request.url).searchParams;
      const state = query.get('state') ?? 'open';
      const head = query.get('head');
      const base = query.get('base');
      const sort = query.get('sort') ?? 'created';
      const direction =
        query.get('direction') ?? (sort === 'created' ? 'desc' : 'desc');
      const key = (p: StandInPull) =>
        sort === 'updated' ? p.updatedAt : String(p.number).padStart(9, '0');
      const pulls = repo.pulls
        .filter(
          p =>
            (state === 'all' || p.state === state) &&
            (!head || `${repo.slug.split('/')[0]}:${p.head}` === head) &&
            (!base || p.base === base),
        )
        .sort((a, b) =>
          direction === 'asc'
            ? key(a).localeCompare(key(b))
            : key(b).localeCompare(key(a)),
        )
        .map(p => simplePull(repo, p));
      const { items, headers } = pageOf(request, pulls);
      return respond.get(route, request, items, headers);
    }),
    http.post(`${REPO}/pulls`, async ({ request, params }) => {
      const route = 'POST pulls';
      const repo = standIn.repoOf(params);
      if (!repo) return respond.notFound(route);
      const body = (await request.json()) as {
        head?: string;
        base?: string;
        title: string;
        body?: string;
        draft?: boolean;
      };
      const invalid = (error: object) =>
        respond.json(
          route,
          {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', ...error }],
            documentation_url: CREATE_DOCS,
            status: '422',
          },
          422,
        );
      // `owner:branch` names a branch of owner's fork; only this repository's own are modelled
      const [headOwner, headBranch] = body.head?.includes(':')
        ? body.head.split(':', 2)
        : [undefined, body.head];
      if (
        headOwner !== undefined &&
        headOwner.toLowerCase() !== repo.slug.split('/')[0].toLowerCase()
      ) {
        return invalid({ field: 'head', code: 'invalid' });
      }
      const head = headBranch;
      for (const field of ['head', 'base'] as const) {
        const branch = field === 'head' ? head : body.base;
        if (!branch) return invalid({ field, code: 'missing_field' });
        if (!repo.branches.has(branch))
          return invalid({ field, code: 'invalid' });
      }
      const headAt = repo.branches.get(head!)!;
      const baseAt = repo.branches.get(body.base!)!;
      const custom = (message: string) => invalid({ code: 'custom', message });
      if (
        repo.pulls.some(
          p => p.state === 'open' && p.head === head && p.base === body.base,
        )
      ) {
        return custom(
          `A pull request already exists for ${
            repo.slug.split('/')[0]
          }:${head}.`,
        );
      }
      if (repo.graph.compare(baseAt, headAt).ahead.length === 0) {
        return custom(`No commits between ${body.base} and ${head}`);
      }
      const pull = standIn.addPull(repo, {
        head: head!,
        base: body.base!,
        title: body.title,
        body: body.body,
        draft: body.draft ?? false,
        author: standIn.loginOf(request),
      });
      return respond.json(route, simplePull(repo, pull), 201);
    }),
    http.get(`${REPO}/pulls/:number`, ({ request, params }) => {
      const route = 'GET pull';
      const found = pullOf(params);
      if (!found) return respond.notFound(route);
      const { repo, pull } = found;
      return respond.get(route, request, {
        ...simplePull(repo, pull),
        merged: pull.merged,
        ...mergeState(pull),
      });
    }),
    http.get(`${REPO}/pulls/:number/reviews`, ({ request, params }) => {
      const route = 'GET reviews';
      const found = pullOf(params);
      if (!found) return respond.notFound(route);
      const { repo, pull } = found;
      const reviews = pull.reviews.map((r, i) => ({
        id: 80000 + i,
        node_id: `PRR_${i}`,
        user: { login: r.login, id: 100 + i, type: 'User' },
        body: '',
        state: r.state,
        html_url: `${WEB}/${repo.slug}/pull/${pull.number}#pullrequestreview-${
          80000 + i
        }`,
        pull_request_url: `${API}/repos/${repo.slug}/pulls/${pull.number}`,
        author_association: r.association,
        submitted_at: '2026-01-05T11:00:00Z',
        commit_id: r.commitId,
      }));
      const { items, headers } = pageOf(request, reviews);
      return respond.get(route, request, items, headers);
    }),
    http.put(`${REPO}/pulls/:number/merge`, async ({ request, params }) => {
      const route = 'PUT merge';
      const found = pullOf(params);
      if (!found) return respond.notFound(route);
      const { repo, pull } = found;
      const body = ((await request.json().catch(() => ({}))) ?? {}) as {
        merge_method?: MergeMethod;
        sha?: string;
        commit_title?: string;
        commit_message?: string;
      };
      const method = body.merge_method ?? 'merge';
      if (!(method in FORBIDDEN_METHOD_MESSAGES)) {
        return respond.error(route, 422, 'Validation Failed', MERGE_DOCS);
      }
      if (pull.state !== 'open' || pull.conflicts || pull.draft) {
        return respond.error(
          route,
          405,
          'Pull Request is not mergeable',
          MERGE_DOCS,
        );
      }
      if (!repo.allow[method]) {
        return respond.error(
          route,
          405,
          FORBIDDEN_METHOD_MESSAGES[method],
          MERGE_DOCS,
        );
      }
      if (body.sha && body.sha !== headSha(repo, pull)) {
        return respond.error(
          route,
          409,
          'Head branch was modified. Review and try the merge again.',
          MERGE_DOCS,
        );
      }
      repo.merges.push({ number: pull.number, ...body });
      const sha = mergePull(repo, pull, {
        method,
        title: body.commit_title,
        message: body.commit_message,
        at: standIn
          .clock()
          .toISOString()
          .replace(/\.\d+Z$/, 'Z'),
      });
      return respond.json(route, {
        sha,
        merged: true,
        message: 'Pull Request successfully merged',
      });
    }),
  ];
}

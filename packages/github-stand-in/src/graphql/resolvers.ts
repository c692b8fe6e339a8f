import type { GithubStandIn } from '../GithubStandIn';
import { headSha, mergeState } from '../routes/pullRoutes';
import { WEB } from '../routes/paths';
import type { StandInPull, StandInRepo } from '../state';
import { connection, ConnectionArgs } from './connection';

/** An error GitHub reports in `errors` with a `type`, e.g. NOT_FOUND, leaving the field null. */
export class GraphqlTypedError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

const nodeId = (prefix: string, value: string) =>
  `${prefix}_${Buffer.from(value).toString('base64url').slice(0, 20)}`;

/** A commit as GraphQL's `Commit` (author, dates, headline, tree). */
function commitNode(repo: StandInRepo, sha: string) {
  const commit = repo.graph.get(sha);
  const tree = repo.graph.tree(sha);
  return {
    __typename: 'Commit',
    id: nodeId('C', sha),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message: commit.message,
    messageHeadline: commit.message.split('\n')[0],
    authoredDate: commit.date,
    committedDate: commit.date,
    url: `${WEB}/${repo.slug}/commit/${sha}`,
    author: {
      name: commit.author,
      email: `${commit.author}@example.com`,
      date: commit.date,
      user: { login: commit.author, url: `${WEB}/${commit.author}` },
    },
    tree: {
      __typename: 'Tree',
      id: nodeId('T', tree),
      oid: tree,
      abbreviatedOid: tree.slice(0, 7),
    },
  };
}

/** A branch name from `refs/heads/x` or `x` (fully qualified first, as `ref(qualifiedName:)` matches). */
function branchOf(repo: StandInRepo, name: string): string | undefined {
  const short = name.replace(/^refs\/heads\//, '');
  return repo.branches.has(short) ? short : undefined;
}

/**
 * `Ref.compare(headRef:)`: this ref as the base, `headRef` as the head; `commits` lists what
 * head has and base lacks, oldest first (as the compare page and the REST comparison do), so
 * `last: n` gives the newest n. Null when the head ref does not exist.
 */
function comparisonNode(repo: StandInRepo, baseSha: string, headRef: string) {
  const branch = branchOf(repo, headRef);
  let head: string | undefined = branch && repo.branches.get(branch);
  if (!head && repo.graph.has(headRef)) head = headRef;
  if (!head) return null;
  const { ahead, behind } = repo.graph.compare(baseSha, head);
  let status = 'IDENTICAL';
  if (ahead.length && behind.length) status = 'DIVERGED';
  else if (ahead.length) status = 'AHEAD';
  else if (behind.length) status = 'BEHIND';
  return {
    id: nodeId('CMP', `${baseSha}...${head}`),
    aheadBy: ahead.length,
    behindBy: behind.length,
    status,
    baseTarget: commitNode(repo, baseSha),
    headTarget: commitNode(repo, head),
    commits: (args: ConnectionArgs) => ({
      ...connection(
        ahead.map(sha => commitNode(repo, sha)),
        args,
      ),
      authorCount: new Set(ahead.map(sha => repo.graph.get(sha).author)).size,
    }),
  };
}

function refNode(
  standIn: GithubStandIn,
  repo: StandInRepo,
  qualifiedName: string,
) {
  const branch = branchOf(repo, qualifiedName);
  if (!branch) return null;
  const sha = repo.branches.get(branch)!;
  return {
    id: nodeId('REF', `${repo.slug}:${branch}`),
    name: branch,
    prefix: 'refs/heads/',
    target: commitNode(repo, sha),
    compare: ({ headRef }: { headRef: string }) =>
      comparisonNode(repo, sha, headRef),
    // This repository's pull requests whose head is this ref (not a fork's same-named branch).
    associatedPullRequests: (args: PullRequestsArgs) =>
      pullRequests(standIn, repo, args, p => p.head === branch && !p.fork),
  };
}

const MERGEABLE: Record<string, string> = {
  true: 'MERGEABLE',
  false: 'CONFLICTING',
  null: 'UNKNOWN',
};

function pullState(pull: StandInPull): string {
  if (pull.merged) return 'MERGED';
  return pull.state === 'open' ? 'OPEN' : 'CLOSED';
}

/**
 * A pull request as GraphQL's `PullRequest`. `mergeable` / `mergeStateStatus` come from the same
 * background computation as REST's `mergeable` / `mergeable_state` (UNKNOWN until it is done),
 * read once per pull request in a query however many of the two fields are asked for.
 */
function pullNode(
  standIn: GithubStandIn,
  repo: StandInRepo,
  pull: StandInPull,
) {
  let merge: ReturnType<typeof mergeState> | undefined;
  const mergeOnce = () => (merge ??= mergeState(pull));
  return {
    id: nodeId('PR', `${repo.slug}#${pull.number}`),
    number: pull.number,
    title: pull.title,
    url: `${WEB}/${repo.slug}/pull/${pull.number}`,
    isDraft: pull.draft,
    state: pullState(pull),
    headRefName: pull.head,
    baseRefName: pull.base,
    headRefOid: headSha(repo, pull),
    headRepository: () =>
      pull.fork
        ? forkNode(standIn, pull.fork.slug)
        : repositoryNode(standIn, repo),
    mergedAt: pull.mergedAt ?? null,
    updatedAt: pull.updatedAt,
    mergeable: () => MERGEABLE[String(mergeOnce().mergeable)],
    mergeStateStatus: () => mergeOnce().mergeable_state.toUpperCase(),
    reviews: (args: ConnectionArgs & { states?: string[] }) =>
      connection(
        pull.reviews
          .filter(r => !args.states || args.states.includes(r.state))
          .map((review, i) => ({
            id: nodeId('PRR', `${repo.slug}#${pull.number}:${i}`),
            state: review.state,
            authorAssociation: review.association,
            submittedAt: '2026-01-05T11:00:00Z',
            author: {
              __typename: 'User',
              login: review.login,
              url: `${WEB}/${review.login}`,
            },
            commit: repo.graph.has(review.commitId)
              ? commitNode(repo, review.commitId)
              : null,
          })),
        args,
      ),
  };
}

interface PullRequestsArgs extends ConnectionArgs {
  states?: string[];
  headRefName?: string;
  baseRefName?: string;
  orderBy?: { field: string; direction: 'ASC' | 'DESC' };
}

/**
 * `Repository.pullRequests`: filtered by `states`, `headRefName` and `baseRefName`, ordered by
 * `orderBy` (default: oldest created first).
 */
function pullRequests(
  standIn: GithubStandIn,
  repo: StandInRepo,
  args: PullRequestsArgs,
  only: (pull: StandInPull) => boolean = () => true,
) {
  const field = args.orderBy?.field ?? 'CREATED_AT';
  const sign = args.orderBy?.direction === 'DESC' ? -1 : 1;
  const key = (p: StandInPull) =>
    field === 'UPDATED_AT' ? p.updatedAt : String(p.number).padStart(9, '0');
  const pulls = repo.pulls
    .filter(
      p =>
        only(p) &&
        (!args.states || args.states.includes(pullState(p))) &&
        (!args.headRefName || p.head === args.headRefName) &&
        (!args.baseRefName || p.base === args.baseRefName),
    )
    .sort(
      (a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number),
    );
  return connection(
    pulls.map(p => pullNode(standIn, repo, p)),
    args,
  );
}

function repositoryNode(standIn: GithubStandIn, repo: StandInRepo) {
  return {
    id: nodeId('R', repo.slug),
    name: repo.slug.split('/')[1],
    nameWithOwner: repo.slug,
    url: `${WEB}/${repo.slug}`,
    ref: ({ qualifiedName }: { qualifiedName: string }) =>
      refNode(standIn, repo, qualifiedName),
    pullRequests: (args: PullRequestsArgs) => pullRequests(standIn, repo, args),
  };
}

/** The head repository of a pull request from a fork: the fork itself when held, else its name. */
function forkNode(standIn: GithubStandIn, slug: string) {
  const [owner, name] = slug.split('/');
  const held = standIn.repoOf({ owner, repo: name });
  if (held) return repositoryNode(standIn, held);
  return {
    id: nodeId('R', slug),
    name,
    nameWithOwner: slug,
    url: `${WEB}/${slug}`,
  };
}

/** The root value of a query: repositories by owner and name, and the call's rate limit. */
export function rootValue(
  standIn: GithubStandIn,
  rateLimit: Record<string, unknown>,
) {
  return {
    rateLimit: () => rateLimit,
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = standIn.repoOf({ owner, repo: name });
      if (!repo) {
        throw new GraphqlTypedError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      }
      return repositoryNode(standIn, repo);
    },
  };
}

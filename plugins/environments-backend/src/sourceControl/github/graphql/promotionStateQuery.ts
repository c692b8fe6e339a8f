import { NotFoundError } from '@backstage/errors';
import type { PendingCommit } from '@stageline/plugin-environments-common';
import type {
  GithubPullForAssessment,
  GithubReviewForAssessment,
} from '../assessPullRequest';
import type { Comparison } from '../GithubRepositoryReader';

/** Pending commits one status lists (the promote call reads all of them through REST). */
export const COMMITS_PER_COMPARISON = 20;
/** Open pull requests head → base read per pair: one from the repository, others from forks. */
const OPEN_PULLS = 3;
/** Reviews read per open pull request; more, and the review state is read through REST. */
export const REVIEWS_PER_PULL = 100;
/** Merged pull requests head → base read to find the last promoted head. */
const MERGED_PULLS = 20;

/** One promotion whose state is read: the `head` branch into `base` of a repository. */
export interface PromotionPair {
  owner: string;
  repo: string;
  head: string;
  base: string;
}

/** The open promotion pull request as the query read it. */
export interface OpenPromotionPull {
  title: string;
  pull: GithubPullForAssessment;
  /** Every review, oldest first; undefined when it has more than {@link REVIEWS_PER_PULL}. */
  reviews?: GithubReviewForAssessment[];
}

/** What one query answered for one {@link PromotionPair}. */
export interface PromotionRead {
  headSha: string;
  baseSha: string;
  /** base...head; `commits` the newest {@link COMMITS_PER_COMPARISON}, newest first. */
  comparison: Comparison;
  /** The open pull request head → base from the repository itself. */
  open?: OpenPromotionPull;
  /** More open pull requests head → base than were read, none of them the repository's own. */
  openUnread: boolean;
  /** Head commit of the most recently merged pull request head → base. */
  lastMergedHead?: string;
}

/**
 * The target branch's ref and its comparison with the source branch, in GitHub's GraphQL schema
 * (https://docs.github.com/graphql/reference/objects#ref): `Ref.compare(headRef:)` takes the ref
 * as the base; `Comparison.commits` lists oldest first, so `last: n` gives the newest n.
 */
const comparisonOf = (headVariable: string) => `{
      target { oid }
      compare(headRef: $${headVariable}) {
        status aheadBy behindBy
        baseTarget { ... on Commit { oid tree { oid } } }
        headTarget { ... on Commit { oid tree { oid } } }
        commits(last: ${COMMITS_PER_COMPARISON}) {
          nodes { oid messageHeadline authoredDate url author { name user { login } } }
        }
      }
    }`;

/** An open promotion pull request with what decides whether it may be merged. */
const OPEN_PULL_FRAGMENT = `
fragment OpenPromotionPull on PullRequest {
  number title url isDraft mergeable mergeStateStatus headRefOid baseRefName
  headRepository { nameWithOwner }
  reviews(last: ${REVIEWS_PER_PULL}) {
    totalCount
    nodes { state authorAssociation author { login } commit { oid } }
  }
}`;

/**
 * One query answering every pair: one aliased `repository` per repository and, per pair, the
 * target branch's ref with its comparison to the source branch, the open pull requests source →
 * target with reviews and mergeability, and the merged ones (what the last promotion brought
 * in). Every value from the catalog (owner, name, branches) is a variable, never query text.
 */
export function promotionStateQuery(pairs: PromotionPair[]): {
  query: string;
  variables: Record<string, string>;
  /** For each pair, the aliases its answer is under. */
  aliases: Array<{ repository: string; pair: string }>;
} {
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const repositories = new Map<string, { alias: string; fields: string[] }>();
  const aliases = pairs.map((pair, i) => {
    const key = `${pair.owner}/${pair.repo}`.toLowerCase();
    let repository = repositories.get(key);
    if (!repository) {
      const alias = `r${repositories.size}`;
      repository = { alias, fields: [] };
      repositories.set(key, repository);
      variables[`${alias}o`] = pair.owner;
      variables[`${alias}n`] = pair.repo;
      declarations.push(`$${alias}o: String!`, `$${alias}n: String!`);
    }
    const p = `p${i}`;
    variables[`${p}b`] = `refs/heads/${pair.base}`;
    variables[`${p}h`] = pair.head;
    variables[`${p}bn`] = pair.base;
    declarations.push(`$${p}b: String!`, `$${p}h: String!`, `$${p}bn: String!`);
    repository.fields.push(
      `${p}: ref(qualifiedName: $${p}b) ${comparisonOf(`${p}h`)}`,
      `${p}open: pullRequests(states: OPEN, headRefName: $${p}h, baseRefName: $${p}bn, first: ${OPEN_PULLS}, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount nodes { ...OpenPromotionPull } }`,
      `${p}merged: pullRequests(states: MERGED, headRefName: $${p}h, baseRefName: $${p}bn, first: ${MERGED_PULLS}, orderBy: { field: UPDATED_AT, direction: DESC }) { nodes { headRefOid mergedAt headRepository { nameWithOwner } } }`,
    );
    return { repository: repository.alias, pair: p };
  });
  const query = [
    `query StagelinePromotionState(${declarations.join(', ')}) {`,
    '  rateLimit { cost remaining resetAt }',
    ...[...repositories.values()].map(
      r =>
        `  ${r.alias}: repository(owner: $${r.alias}o, name: $${
          r.alias
        }n) {\n    ${r.fields.join('\n    ')}\n  }`,
    ),
    '}',
    OPEN_PULL_FRAGMENT,
  ].join('\n');
  return { query, variables, aliases };
}

/* The answer's shapes (only the fields asked for). */
interface CommitTarget {
  oid: string;
  tree?: { oid: string };
}
interface RefAnswer {
  target: { oid: string } | null;
  compare: {
    status: string;
    aheadBy: number;
    behindBy: number;
    baseTarget: CommitTarget;
    headTarget: CommitTarget;
    commits: {
      nodes: Array<{
        oid: string;
        messageHeadline: string;
        authoredDate: string;
        url: string;
        author: { name: string | null; user: { login: string } | null } | null;
      }>;
    };
  } | null;
}
interface PullAnswer {
  number: number;
  title: string;
  url: string;
  isDraft: boolean;
  mergeable: 'MERGEABLE' | 'CONFLICTING' | 'UNKNOWN';
  mergeStateStatus: string;
  headRefOid: string;
  baseRefName: string;
  headRepository: { nameWithOwner: string } | null;
  reviews: {
    totalCount: number;
    nodes: Array<{
      state: string;
      authorAssociation: string;
      author: { login: string } | null;
      commit: { oid: string } | null;
    }>;
  } | null;
}
type RepositoryAnswer = Record<string, unknown>;

const sameRepository = (
  answer: { nameWithOwner: string } | null,
  pair: PromotionPair,
) =>
  answer?.nameWithOwner.toLowerCase() ===
  `${pair.owner}/${pair.repo}`.toLowerCase();

/** REST's shape of a pull request for `assessPullRequest`, from GraphQL's fields. */
function openPull(answer: PullAnswer): OpenPromotionPull {
  const reviews = answer.reviews;
  const complete = reviews && reviews.totalCount <= reviews.nodes.length;
  return {
    title: answer.title,
    pull: {
      number: answer.number,
      html_url: answer.url,
      draft: answer.isDraft,
      mergeable:
        answer.mergeable === 'UNKNOWN'
          ? null
          : answer.mergeable === 'MERGEABLE',
      mergeable_state: answer.mergeStateStatus.toLowerCase(),
      head: { sha: answer.headRefOid },
      base: { ref: answer.baseRefName },
    },
    reviews: complete
      ? reviews.nodes.map(r => ({
          user: r.author ? { login: r.author.login } : null,
          state: r.state,
          commit_id: r.commit?.oid ?? null,
          author_association: r.authorAssociation,
        }))
      : undefined,
  };
}

/**
 * What the answer says for one pair, or the error that pair has: a branch that does not exist
 * is a NotFoundError naming it.
 */
export function readPromotionPair(
  repository: RepositoryAnswer,
  alias: string,
  pair: PromotionPair,
): PromotionRead {
  const slug = `${pair.owner}/${pair.repo}`;
  const ref = repository[alias] as RefAnswer | null;
  const missing = (branch: string) =>
    new NotFoundError(
      `GitHub has no branch ${branch} in ${slug}, or the configured credentials cannot see it`,
    );
  if (!ref?.target) throw missing(pair.base);
  if (!ref.compare) throw missing(pair.head);
  const { compare } = ref;
  const commits: PendingCommit[] = compare.commits.nodes
    .map(c => ({
      sha: c.oid,
      message: c.messageHeadline,
      author: c.author?.user?.login ?? c.author?.name ?? undefined,
      date: c.authoredDate,
      url: c.url,
    }))
    .reverse();
  const open = repository[`${alias}open`] as {
    totalCount: number;
    nodes: PullAnswer[];
  };
  const own = open.nodes.find(p => sameRepository(p.headRepository, pair));
  const merged = (
    repository[`${alias}merged`] as {
      nodes: Array<{
        headRefOid: string;
        mergedAt: string | null;
        headRepository: { nameWithOwner: string } | null;
      }>;
    }
  ).nodes
    .filter(p => p.mergedAt && sameRepository(p.headRepository, pair))
    .sort((a, b) => b.mergedAt!.localeCompare(a.mergedAt!));
  return {
    baseSha: ref.target.oid,
    headSha: compare.headTarget.oid,
    comparison: {
      status: compare.status.toLowerCase(),
      aheadBy: compare.aheadBy,
      behindBy: compare.behindBy,
      commits,
      baseTree: compare.baseTarget.tree?.oid,
      headTree: compare.headTarget.tree?.oid,
    },
    open: own && openPull(own),
    openUnread: !own && open.totalCount > open.nodes.length,
    lastMergedHead: merged[0]?.headRefOid,
  };
}

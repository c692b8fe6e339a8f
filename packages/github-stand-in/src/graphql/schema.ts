import { buildSchema } from 'graphql';

/** The arguments and type of a list of pull requests, the same on a repository and on a ref. */
const PULL_REQUESTS_ARGUMENTS = `(
    after: String
    baseRefName: String
    before: String
    first: Int
    headRefName: String
    labels: [String!]
    last: Int
    orderBy: IssueOrder
    states: [PullRequestState!]
  ): PullRequestConnection!`;

/**
 * The part of GitHub's GraphQL schema the stand-in answers, with GitHub's type, field, argument
 * and enum names (https://docs.github.com/graphql/reference, as published in the public schema
 * `schema.docs.graphql`): a repository's refs and their comparisons, pull requests with reviews
 * and mergeability (also as a ref's `associatedPullRequests`), and the rate limit. Fields GitHub
 * has and the stand-in does not model are left out, so a query asking for one fails validation
 * as a misspelt field would on GitHub.
 */
export const GITHUB_GRAPHQL_SDL = /* GraphQL */ `
  scalar DateTime
  scalar GitObjectID
  scalar GitTimestamp
  scalar URI

  type Query {
    rateLimit(dryRun: Boolean = false): RateLimit
    repository(
      followRenames: Boolean = true
      name: String!
      owner: String!
    ): Repository
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  type Repository {
    id: ID!
    name: String!
    nameWithOwner: String!
    url: URI!
    ref(qualifiedName: String!): Ref
    pullRequests${PULL_REQUESTS_ARGUMENTS}
  }

  type Ref {
    id: ID!
    name: String!
    prefix: String!
    target: GitObject
    compare(headRef: String!): Comparison
    associatedPullRequests${PULL_REQUESTS_ARGUMENTS}
  }

  interface GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type Commit implements GitObject {
    abbreviatedOid: String!
    author: GitActor
    authoredDate: DateTime!
    committedDate: DateTime!
    id: ID!
    message: String!
    messageHeadline: String!
    oid: GitObjectID!
    tree: Tree!
    url: URI!
  }

  type Tree implements GitObject {
    abbreviatedOid: String!
    id: ID!
    oid: GitObjectID!
  }

  type GitActor {
    date: GitTimestamp
    email: String
    name: String
    user: User
  }

  interface Actor {
    login: String!
    url: URI!
  }

  type User implements Actor {
    login: String!
    url: URI!
  }

  type Comparison {
    aheadBy: Int!
    baseTarget: GitObject!
    behindBy: Int!
    commits(
      after: String
      before: String
      first: Int
      last: Int
    ): ComparisonCommitConnection!
    headTarget: GitObject!
    id: ID!
    status: ComparisonStatus!
  }

  enum ComparisonStatus {
    AHEAD
    BEHIND
    DIVERGED
    IDENTICAL
  }

  type ComparisonCommitConnection {
    authorCount: Int!
    nodes: [Commit]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PageInfo {
    endCursor: String
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
  }

  input IssueOrder {
    direction: OrderDirection!
    field: IssueOrderField!
  }

  enum IssueOrderField {
    COMMENTS
    CREATED_AT
    UPDATED_AT
  }

  enum OrderDirection {
    ASC
    DESC
  }

  enum PullRequestState {
    CLOSED
    MERGED
    OPEN
  }

  type PullRequestConnection {
    edges: [PullRequestEdge]
    nodes: [PullRequest]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PullRequestEdge {
    cursor: String!
    node: PullRequest
  }

  type PullRequest {
    baseRefName: String!
    headRefName: String!
    headRefOid: GitObjectID!
    headRepository: Repository
    id: ID!
    isDraft: Boolean!
    mergeStateStatus: MergeStateStatus!
    mergeable: MergeableState!
    mergedAt: DateTime
    number: Int!
    reviews(
      after: String
      author: String
      before: String
      first: Int
      last: Int
      states: [PullRequestReviewState!]
    ): PullRequestReviewConnection
    state: PullRequestState!
    title: String!
    updatedAt: DateTime!
    url: URI!
  }

  enum MergeableState {
    CONFLICTING
    MERGEABLE
    UNKNOWN
  }

  enum MergeStateStatus {
    BEHIND
    BLOCKED
    CLEAN
    DIRTY
    DRAFT
    HAS_HOOKS
    UNKNOWN
    UNSTABLE
  }

  type PullRequestReviewConnection {
    nodes: [PullRequestReview]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type PullRequestReview {
    author: Actor
    authorAssociation: CommentAuthorAssociation!
    commit: Commit
    id: ID!
    state: PullRequestReviewState!
    submittedAt: DateTime
  }

  enum PullRequestReviewState {
    APPROVED
    CHANGES_REQUESTED
    COMMENTED
    DISMISSED
    PENDING
  }

  enum CommentAuthorAssociation {
    COLLABORATOR
    CONTRIBUTOR
    FIRST_TIMER
    FIRST_TIME_CONTRIBUTOR
    MANNEQUIN
    MEMBER
    NONE
    OWNER
  }
`;

export const githubGraphqlSchema = buildSchema(GITHUB_GRAPHQL_SDL);

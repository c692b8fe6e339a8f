/**
 * Tests only: the GitHub REST and GraphQL APIs at their HTTP edge (msw), behaving as GitHub's API reference
 * says. Shared by the Stageline plugins' tests and benchmarks.
 *
 * @packageDocumentation
 */
export { GithubStandIn, PROMOTE_WORKFLOW } from './GithubStandIn';
export type { AddRepoOptions, RecordedRequest } from './GithubStandIn';
export type { StandInCounts } from './respond';
export { tokenOf } from './respond';
export type { StandInCommit, StandInFile, StandInTree } from './CommitGraph';
export type { MergeMethod } from './mergePull';
export type * from './state';
export { GRAPHQL_POINTS_PER_HOUR } from './routes/graphqlRoutes';
export { queryCost } from './graphql/queryCost';
export type { QueryCost } from './graphql/queryCost';

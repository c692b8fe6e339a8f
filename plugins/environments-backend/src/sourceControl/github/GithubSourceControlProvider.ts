import type { Octokit } from 'octokit';
import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrations,
} from '@backstage/integration';
import type {
  EnvironmentEntity,
  PendingCommit,
  PromotionSection,
} from '@stageline/plugin-environments-common';
import {
  errorSection,
  unconfiguredSection,
  githubRepositoryOf,
  createGithubClient,
  CreateGithubClientOptions,
  EtagCache,
  configurationError,
  describeGithubError,
  GITHUB_NOT_CONFIGURED_MESSAGE,
} from '@stageline/plugin-environments-node';
import type {
  GithubPolling,
  BranchChecks,
  EnvironmentSourceControlProvider,
  PromotionPullRequestReadiness,
  ProviderConfiguration,
  SourceControlPromotionRequest,
  SourceControlPromotionResult,
} from '@stageline/plugin-environments-node';
import {
  Comparison,
  GithubRepositoryReader,
  RepositoryRef,
} from './GithubRepositoryReader';
import { LRUCache } from 'lru-cache';
import type { ReviewerAccessCache } from './reviewerAccess';
import type { StrategyContext } from './strategies/StrategyContext';
import { openPromotionPullRequest } from './strategies/openPromotionPullRequest';
import { mergePromotionPullRequest } from './strategies/mergePromotionPullRequest';
import { dispatchPromotionWorkflow } from './strategies/dispatchPromotionWorkflow';
import { pendingComparison } from './pendingComparison';
import { pendingSection, promotionFields } from '../pendingSection';
import { promotionBody } from './promotionBody';
import { chooseMergeMethod, MergeMethod } from './mergeMethod';
import {
  PromotionStateBatcher,
  PromotionStateBatchOptions,
} from './graphql/PromotionStateBatcher';
import type {
  GithubPullForAssessment,
  GithubReviewForAssessment,
} from './assessPullRequest';

/** Annotation on a target environment naming the workflow file the workflow-dispatch strategy runs. @public */
export const ANNOTATION_PROMOTE_WORKFLOW = 'stageline.dev/promote-workflow';

/** A workflow file name in `.github/workflows`, nothing that could become another API path. */
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;

/**
 * The workflow file the `workflow-dispatch` strategy runs for a target: its
 * `stageline.dev/promote-workflow` annotation, else the configured one, else `promote.yml`.
 */
function promoteWorkflowOf(
  target: EnvironmentEntity,
  configured: string | undefined,
): string {
  const annotated = target.metadata.annotations?.[ANNOTATION_PROMOTE_WORKFLOW];
  if (annotated !== undefined && !WORKFLOW_FILE.test(annotated)) {
    throw new InputError(
      `${
        target.metadata.name
      }: annotation ${ANNOTATION_PROMOTE_WORKFLOW} must be a workflow file name such as promote.yml; got ${JSON.stringify(
        annotated,
      )}`,
    );
  }
  return annotated ?? configured ?? 'promote.yml';
}

/**
 * Options for {@link GithubSourceControlProvider}.
 *
 * @public
 */
export interface GithubSourceControlProviderOptions {
  integration?: GithubIntegration;
  credentialsProvider: GithubCredentialsProvider;
  /** Workflow file dispatched by the `workflow-dispatch` strategy. Default `promote.yml`. */
  workflow?: string;
  /**
   * How the `merge` strategy merges (a target's `stageline.dev/merge-method` annotation
   * overrides it). Default: the first of merge, squash, rebase the repository allows.
   */
  mergeMethod?: MergeMethod;
  logger?: LoggerService;
  /**
   * How long to wait for what GitHub works out in the background: whether a pull request is
   * mergeable (merge strategy) and the run a workflow dispatch started. Default 5 attempts,
   * 2000 ms apart (at most 10 s).
   */
  polling?: { attempts?: number; intervalMs?: number };
  /** The clock (the dispatch time the run is looked up from). */
  now?: () => Date;
  /**
   * How the status reads what waits to be promoted: `graphql` (default) answers many
   * repositories in one batched GraphQL query; `rest` reads each one with conditional REST
   * requests. Promotions themselves (gates, pull requests, merges, dispatches) use REST either way.
   */
  promotionStateReads?: 'graphql' | 'rest';
  /** How GraphQL reads are batched. */
  graphqlBatch?: PromotionStateBatchOptions;
  /**
   * Shortens Octokit's waits (tests and benchmarks): by default its throttling spaces writes
   * and GraphQL queries a second apart, as GitHub advises against bursts.
   */
  clientDelays?: CreateGithubClientOptions['delays'];
}

/**
 * GitHub as the source control of promotions: pending commits (compare), the open promotion
 * pull request, checks on the source head, and the strategies pull-request, merge and
 * workflow-dispatch. Credentials come from `integrations.github` (token or GitHub App).
 *
 * @public
 */
export class GithubSourceControlProvider
  implements EnvironmentSourceControlProvider
{
  /** Builds the provider from `integrations.github` (host github.com). */
  static fromConfig(
    config: Config,
    options: Pick<
      GithubSourceControlProviderOptions,
      | 'logger'
      | 'workflow'
      | 'mergeMethod'
      | 'polling'
      | 'now'
      | 'promotionStateReads'
      | 'graphqlBatch'
      | 'clientDelays'
    > = {},
  ): GithubSourceControlProvider {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubSourceControlProvider({
      integration: integrations.github.byHost('github.com'),
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      ...options,
    });
  }

  readonly #options: GithubSourceControlProviderOptions;
  readonly #etags = new EtagCache({ maxEntries: 20_000 });
  readonly #comparisons = new LRUCache<string, Comparison>({ max: 5_000 });
  readonly #clients = new LRUCache<
    string,
    { octokit: Octokit; batcher: PromotionStateBatcher }
  >({ max: 100 });
  readonly #reviewerAccess: ReviewerAccessCache = new LRUCache({
    max: 5_000,
  });

  constructor(options: GithubSourceControlProviderOptions) {
    this.#options = options;
  }

  getConfiguration(environment: EnvironmentEntity): ProviderConfiguration {
    const config = this.#options.integration?.config;
    if (
      !config ||
      (!config.token && !(config.apps && config.apps.length > 0))
    ) {
      return { configured: false, message: GITHUB_NOT_CONFIGURED_MESSAGE };
    }
    if (!githubRepositoryOf(environment)) {
      return {
        configured: false,
        message: `${environment.metadata.name} has no github.com/project-slug annotation: add "owner/repo" to link it to its repository`,
        missing: 'entity',
      };
    }
    return { configured: true };
  }

  async getPromotionState(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): Promise<PromotionSection> {
    const fields = promotionFields(source, target);
    const configuration = this.#promotionConfiguration(source, target);
    if (!configuration.configured) {
      return unconfiguredSection(configuration.message, fields);
    }
    try {
      const { pending, pullRequest } =
        this.#options.promotionStateReads === 'rest'
          ? await this.#restState(source, target)
          : await this.#graphqlState(source, target);
      return {
        ...pendingSection(fields, source, target, pending),
        compareUrl: pending.compareUrl,
        pullRequest,
      };
    } catch (error) {
      return errorSection(
        'Could not read the promotion state from GitHub',
        error,
        fields,
      );
    }
  }

  /**
   * The promotion states of many pairs at once: with GraphQL reads, batched into queries of
   * many repositories each (see `graphqlBatch`).
   */
  getPromotionStates(
    pairs: Array<{ source: EnvironmentEntity; target: EnvironmentEntity }>,
  ): Promise<PromotionSection[]> {
    return Promise.all(
      pairs.map(({ source, target }) => this.getPromotionState(source, target)),
    );
  }

  /** Pending commits and the open pull request, each read with conditional REST requests. */
  async #restState(source: EnvironmentEntity, target: EnvironmentEntity) {
    const { reader, repository } = await this.#reader(source);
    const [pending, open] = await Promise.all([
      this.#pending(reader, repository, source, target),
      reader.openPullRequest(
        repository,
        source.spec.branch!,
        target.spec.branch!,
      ),
    ]);
    const review = open
      ? await this.#reviewState(reader, repository, open.number)
      : {};
    return { pending, pullRequest: open && { ...open, ...review } };
  }

  /**
   * Pending commits and the open pull request from one batched GraphQL query; what it cannot
   * answer falls back to REST: the comparison from the last promoted head (two SHAs, remembered),
   * reviews beyond the first 100, and open pull requests beyond those read.
   */
  async #graphqlState(source: EnvironmentEntity, target: EnvironmentEntity) {
    const { reader, repository, batcher } = await this.#reader(source);
    const head = source.spec.branch!;
    const base = target.spec.branch!;
    const read = await batcher.load({ ...repository, head, base });
    const comparison = await pendingComparison(
      {
        compare: (ref, baseSha, headSha) =>
          baseSha === read.baseSha && headSha === read.headSha
            ? Promise.resolve(read.comparison)
            : reader.compare(ref, baseSha, headSha),
        lastMergedHead: async () => read.lastMergedHead,
      },
      repository,
      { head, base },
      read,
    );
    const pending = {
      ...comparison,
      compareUrl: this.#compareUrl(repository, head, base),
    };
    if (read.open) {
      const { pull, reviews, title } = read.open;
      const review = reviews
        ? await this.#assessed(reader, repository, pull, reviews)
        : await this.#reviewState(reader, repository, pull.number);
      return {
        pending,
        pullRequest: {
          number: pull.number,
          title,
          url: pull.html_url,
          state: 'open' as const,
          ...review,
        },
      };
    }
    if (read.openUnread) {
      const open = await reader.openPullRequest(repository, head, base);
      const review = open
        ? await this.#reviewState(reader, repository, open.number)
        : {};
      return { pending, pullRequest: open && { ...open, ...review } };
    }
    return { pending, pullRequest: undefined };
  }

  async getPendingCommits(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): Promise<{
    commits: PendingCommit[];
    aheadBy?: number;
    compareUrl?: string;
    headSha?: string;
  }> {
    this.#assertConfigured(source, target);
    const { reader, repository } = await this.#reader(source);
    const { commits, aheadBy, compareUrl, headSha } = await this.#pending(
      reader,
      repository,
      source,
      target,
    );
    return { commits, aheadBy, compareUrl, headSha };
  }

  async getBranchChecks(environment: EnvironmentEntity): Promise<BranchChecks> {
    this.#assertConfigured(environment);
    const branch = this.#branchOf(environment);
    const { reader, repository } = await this.#reader(environment);
    const sha = await reader.branchHead(repository, branch);
    return reader.checks(repository, sha);
  }

  async getDefaultBranch(environment: EnvironmentEntity): Promise<string> {
    this.#assertConfigured(environment);
    const { octokit, repository } = await this.#reader(environment);
    try {
      const { data } = await octokit.rest.repos.get({ ...repository });
      return data.default_branch;
    } catch (error) {
      throw describeGithubError(
        error,
        `reading the default branch of ${repository.owner}/${repository.repo}`,
      );
    }
  }

  async promote(
    request: SourceControlPromotionRequest,
  ): Promise<SourceControlPromotionResult> {
    const { source, target, strategy, commits } = request;
    this.#assertConfigured(source, target);
    const { octokit, reader, repository } = await this.#reader(source);
    const head = this.#branchOf(source);
    const base = this.#branchOf(target);
    const title = `Promote ${source.metadata.name} to ${target.metadata.name}`;
    const body = promotionBody({
      head,
      base,
      commits,
      aheadBy: request.aheadBy,
      actor: request.actor,
    });

    const context: StrategyContext = {
      octokit,
      reader,
      repository,
      head,
      base,
      title,
      body,
      webBaseUrl: this.#webBaseUrl(),
    };
    if (strategy === 'pull-request') return openPromotionPullRequest(context);
    if (strategy === 'merge') {
      const pull = await this.#readiness(reader, repository, head, base, true);
      return mergePromotionPullRequest(context, pull, async () =>
        chooseMergeMethod(
          target,
          this.#options.mergeMethod,
          await reader.mergeSettings(repository),
          `${repository.owner}/${repository.repo}`,
        ),
      );
    }
    return dispatchPromotionWorkflow(context, {
      workflow: promoteWorkflowOf(target, this.#options.workflow),
      polling: this.#polling,
      logger: this.#options.logger,
      now: this.#options.now ?? (() => new Date()),
    });
  }

  async compareCommits(
    environment: EnvironmentEntity,
    base: string,
    head: string,
  ): Promise<{
    status: string;
    aheadBy: number;
    behindBy: number;
    compareUrl: string;
  }> {
    this.#assertConfigured(environment);
    for (const sha of [base, head]) {
      if (!/^[0-9a-f]{7,40}$/.test(sha)) {
        throw new InputError(`Not a commit SHA: ${JSON.stringify(sha)}`);
      }
    }
    const { reader, repository } = await this.#reader(environment);
    const { status, aheadBy, behindBy } = await reader.compare(
      repository,
      base,
      head,
    );
    return {
      status,
      aheadBy,
      behindBy,
      compareUrl: `${this.#webBaseUrl()}/${repository.owner}/${
        repository.repo
      }/compare/${base}...${head}`,
    };
  }

  async getPromotionPullRequest(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): Promise<PromotionPullRequestReadiness | undefined> {
    this.#assertConfigured(source, target);
    const { reader, repository } = await this.#reader(source);
    return this.#readiness(
      reader,
      repository,
      this.#branchOf(source),
      this.#branchOf(target),
      true,
    );
  }

  /**
   * `approved` / `mergeable` of an open promotion pull request for the status: two conditional
   * GETs (free 304s while nothing changed), no waiting for GitHub to compute mergeability, and
   * left out (not an error) when they cannot be read.
   */
  async #reviewState(
    reader: GithubRepositoryReader,
    repository: RepositoryRef,
    pullNumber: number,
  ): Promise<{ approved?: boolean; mergeable?: boolean }> {
    try {
      const { approved, mergeable } = await reader.pullRequestReadiness(
        repository,
        pullNumber,
      );
      return { approved, mergeable };
    } catch (error) {
      this.#options.logger?.warn(
        `Could not read the review state of pull request #${pullNumber} of ${
          repository.owner
        }/${repository.repo}: ${(error as Error).message}`,
      );
      return {};
    }
  }

  /** `approved` / `mergeable` from a pull request and its reviews already read. */
  async #assessed(
    reader: GithubRepositoryReader,
    repository: RepositoryRef,
    pull: GithubPullForAssessment,
    reviews: GithubReviewForAssessment[],
  ): Promise<{ approved?: boolean; mergeable?: boolean }> {
    try {
      const { approved, mergeable } = await reader.assess(
        repository,
        pull,
        reviews,
      );
      return { approved, mergeable };
    } catch (error) {
      this.#options.logger?.warn(
        `Could not read the review state of pull request #${pull.number} of ${
          repository.owner
        }/${repository.repo}: ${(error as Error).message}`,
      );
      return {};
    }
  }

  /** The open pull request head → base with its review and merge state, if there is one. */
  async #readiness(
    reader: GithubRepositoryReader,
    repository: RepositoryRef,
    head: string,
    base: string,
    waitForMergeable: boolean,
  ): Promise<PromotionPullRequestReadiness | undefined> {
    const open = await reader.openPullRequest(repository, head, base);
    if (!open) return undefined;
    return reader.pullRequestReadiness(
      repository,
      open.number,
      waitForMergeable ? this.#polling : undefined,
    );
  }

  get #polling(): GithubPolling {
    return {
      attempts: this.#options.polling?.attempts ?? 5,
      intervalMs: this.#options.polling?.intervalMs ?? 2000,
    };
  }

  #promotionConfiguration(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): ProviderConfiguration {
    for (const environment of [source, target]) {
      if (!environment.spec.branch) {
        return {
          configured: false,
          message: `${environment.metadata.name} has no spec.branch: set the branch it runs to show what waits to be promoted`,
          missing: 'entity',
        };
      }
    }
    return this.getConfiguration(source);
  }

  #assertConfigured(
    source: EnvironmentEntity,
    target?: EnvironmentEntity,
  ): void {
    const configuration = target
      ? this.#promotionConfiguration(source, target)
      : this.getConfiguration(source);
    if (!configuration.configured) {
      throw configurationError(configuration);
    }
  }

  #branchOf(environment: EnvironmentEntity): string {
    const branch = environment.spec.branch;
    if (!branch) {
      throw new ConflictError(
        `${environment.metadata.name} has no spec.branch`,
      );
    }
    return branch;
  }

  async #pending(
    reader: GithubRepositoryReader,
    repository: RepositoryRef,
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ) {
    const head = this.#branchOf(source);
    const base = this.#branchOf(target);
    const [headSha, baseSha] = await Promise.all([
      reader.branchHead(repository, head),
      reader.branchHead(repository, base),
    ]);
    const comparison = await pendingComparison(
      reader,
      repository,
      { head, base },
      { headSha, baseSha },
    );
    return {
      ...comparison,
      headSha,
      compareUrl: this.#compareUrl(repository, head, base),
    };
  }

  #compareUrl(repository: RepositoryRef, head: string, base: string): string {
    return `${this.#webBaseUrl()}/${repository.owner}/${
      repository.repo
    }/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`;
  }

  async #reader(environment: EnvironmentEntity) {
    const repository = githubRepositoryOf(environment)!;
    const url = `${this.#webBaseUrl()}/${repository.owner}/${repository.repo}`;
    const { token } = await this.#options.credentialsProvider.getCredentials({
      url,
    });
    if (!token) {
      throw new ServiceUnavailableError(
        `${GITHUB_NOT_CONFIGURED_MESSAGE} (no credentials cover ${repository.owner}/${repository.repo})`,
      );
    }
    let client = this.#clients.get(token);
    if (!client) {
      const created = createGithubClient({
        token,
        baseUrl:
          this.#options.integration?.config.apiBaseUrl ??
          'https://api.github.com',
        etagCache: this.#etags,
        logger: this.#options.logger,
        delays: this.#options.clientDelays,
      });
      client = {
        octokit: created,
        batcher: new PromotionStateBatcher(created, {
          ...this.#options.graphqlBatch,
          logger: this.#options.logger,
        }),
      };
      this.#clients.set(token, client);
    }
    const { octokit, batcher } = client;
    return {
      octokit,
      batcher,
      repository,
      reader: new GithubRepositoryReader(
        octokit,
        this.#comparisons,
        this.#reviewerAccess,
      ),
    };
  }

  #webBaseUrl(): string {
    return `https://${this.#options.integration?.config.host ?? 'github.com'}`;
  }
}

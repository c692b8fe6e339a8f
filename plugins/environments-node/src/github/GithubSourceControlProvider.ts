import type { Octokit } from 'octokit';
import type { Config } from '@backstage/config';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  GithubIntegration,
  ScmIntegrations,
} from '@backstage/integration';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type {
  EnvironmentEntity,
  PendingCommit,
  PromotionSection,
  PromotionStrategy,
} from '@stageline/plugin-environments-common';
import type {
  BranchChecks,
  EnvironmentSourceControlProvider,
  ProviderConfiguration,
  SourceControlPromotionResult,
} from '../providers/types';
import { errorSection, unconfiguredSection } from '../providers/sections';
import { githubRepositoryOf } from '../providers/entityFields';
import { createGithubClient } from './createGithubClient';
import {
  Comparison,
  GithubRepositoryReader,
  RepositoryRef,
} from './GithubRepositoryReader';
import { EtagCache, LruMap } from './EtagCache';
import { describeGithubError } from './describeGithubError';
import { configurationError } from '../providers/configurationError';

/** Shown wherever GitHub is needed but has no credentials. @public */
export const GITHUB_NOT_CONFIGURED_MESSAGE =
  'GitHub is not configured: add integrations.github with a token or app for github.com';

/** Annotation on a target environment naming the workflow file the workflow-dispatch strategy runs. @public */
export const ANNOTATION_PROMOTE_WORKFLOW = 'stageline.dev/promote-workflow';

/** How many pending commits a status carries (the promote call reads them all). */
const COMMITS_IN_STATUS = 20;

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
  logger?: LoggerService;
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
    options: { logger?: LoggerService; workflow?: string } = {},
  ): GithubSourceControlProvider {
    const integrations = ScmIntegrations.fromConfig(config);
    return new GithubSourceControlProvider({
      integration: integrations.github.byHost('github.com'),
      credentialsProvider:
        DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      workflow: options.workflow,
      logger: options.logger,
    });
  }

  readonly #options: GithubSourceControlProviderOptions;
  readonly #etags = new EtagCache({ maxEntries: 20_000 });
  readonly #comparisons = new LruMap<string, Comparison>({ maxEntries: 5_000 });
  readonly #clients = new LruMap<string, Octokit>({ maxEntries: 100 });

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
    const fields = {
      target: stringifyEntityRef(target),
      sourceBranch: source.spec.branch,
      targetBranch: target.spec.branch,
    };
    const configuration = this.#promotionConfiguration(source, target);
    if (!configuration.configured) {
      return unconfiguredSection(configuration.message, fields);
    }
    try {
      const { reader, repository } = await this.#reader(source);
      const [pending, pullRequest] = await Promise.all([
        this.#pending(reader, repository, source, target),
        reader.openPullRequest(
          repository,
          source.spec.branch!,
          target.spec.branch!,
        ),
      ]);
      const ahead = pending.aheadBy;
      return {
        ...fields,
        status: 'ok',
        message:
          ahead === 0
            ? `${target.metadata.name} is up to date with ${source.spec.branch}`
            : `${ahead} commit${
                ahead === 1 ? '' : 's'
              } waiting to be promoted to ${target.metadata.name}`,
        commitsAhead: pending.aheadBy,
        commits: pending.commits.slice(0, COMMITS_IN_STATUS),
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

  async getPendingCommits(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): Promise<{
    commits: PendingCommit[];
    compareUrl?: string;
    headSha?: string;
  }> {
    this.#assertConfigured(source, target);
    const { reader, repository } = await this.#reader(source);
    const { commits, compareUrl, headSha } = await this.#pending(
      reader,
      repository,
      source,
      target,
    );
    return { commits, compareUrl, headSha };
  }

  async getBranchChecks(environment: EnvironmentEntity): Promise<BranchChecks> {
    this.#assertConfigured(environment);
    const branch = this.#branchOf(environment);
    const { reader, repository } = await this.#reader(environment);
    const sha = await reader.branchHead(repository, branch);
    return reader.checks(repository, sha);
  }

  async promote(request: {
    source: EnvironmentEntity;
    target: EnvironmentEntity;
    strategy: PromotionStrategy;
    commits: PendingCommit[];
    actor?: string;
  }): Promise<SourceControlPromotionResult> {
    const { source, target, strategy, commits } = request;
    this.#assertConfigured(source, target);
    const { octokit, reader, repository } = await this.#reader(source);
    const head = this.#branchOf(source);
    const base = this.#branchOf(target);
    const { owner, repo } = repository;
    const title = `Promote ${source.metadata.name} to ${target.metadata.name}`;
    const body = [
      `Promotes ${commits.length} commit${
        commits.length === 1 ? '' : 's'
      } from \`${head}\` to \`${base}\`${
        request.actor ? `, requested by ${request.actor}` : ''
      } through Stageline.`,
      '',
      ...commits.slice(0, 50).map(c => `- ${c.sha.slice(0, 7)} ${c.message}`),
    ].join('\n');

    if (strategy === 'pull-request') {
      const open = await reader.openPullRequest(repository, head, base);
      if (open) {
        return {
          link: open.url,
          message: `Pull request #${open.number} from ${head} to ${base} is already open`,
          pullRequest: { number: open.number, url: open.url },
        };
      }
      try {
        const { data } = await octokit.rest.pulls.create({
          owner,
          repo,
          head,
          base,
          title,
          body,
        });
        return {
          link: data.html_url,
          message: `Opened pull request #${data.number} from ${head} to ${base}`,
          pullRequest: { number: data.number, url: data.html_url },
        };
      } catch (error) {
        throw describeGithubError(
          error,
          `opening a pull request from ${head} to ${base} in ${owner}/${repo}`,
        );
      }
    }

    if (strategy === 'merge') {
      try {
        const response = await octokit.rest.repos.merge({
          owner,
          repo,
          base,
          head,
          commit_message: `${title}\n\n${body}`,
        });
        if ((response.status as number) === 204) {
          return {
            message: `${base} already contains ${head}; nothing was merged`,
          };
        }
        return {
          link: response.data.html_url,
          message: `Merged ${head} into ${base} as ${response.data.sha.slice(
            0,
            7,
          )}`,
        };
      } catch (error) {
        throw describeGithubError(
          error,
          `merging ${head} into ${base} in ${owner}/${repo}`,
        );
      }
    }

    const workflow =
      target.metadata.annotations?.[ANNOTATION_PROMOTE_WORKFLOW] ??
      this.#options.workflow ??
      'promote.yml';
    const sha = await reader.branchHead(repository, head);
    try {
      await octokit.rest.actions.createWorkflowDispatch({
        owner,
        repo,
        workflow_id: workflow,
        ref: base,
        inputs: { source_branch: head, target_branch: base, sha },
      });
    } catch (error) {
      throw describeGithubError(
        error,
        `dispatching workflow ${workflow} on ${base} in ${owner}/${repo}`,
      );
    }
    return {
      link: `${this.#webBaseUrl()}/${owner}/${repo}/actions/workflows/${encodeURIComponent(
        workflow,
      )}`,
      message: `Dispatched workflow ${workflow} on ${base} to promote ${sha.slice(
        0,
        7,
      )} from ${head}`,
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
    const comparison = await reader.compare(repository, baseSha, headSha);
    return {
      ...comparison,
      headSha,
      compareUrl: `${this.#webBaseUrl()}/${repository.owner}/${
        repository.repo
      }/compare/${encodeURIComponent(base)}...${encodeURIComponent(head)}`,
    };
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
    let octokit = this.#clients.get(token);
    if (!octokit) {
      octokit = createGithubClient({
        token,
        baseUrl:
          this.#options.integration?.config.apiBaseUrl ??
          'https://api.github.com',
        etagCache: this.#etags,
        logger: this.#options.logger,
      });
      this.#clients.set(token, octokit);
    }
    return {
      octokit,
      repository,
      reader: new GithubRepositoryReader(octokit, this.#comparisons),
    };
  }

  #webBaseUrl(): string {
    return `https://${this.#options.integration?.config.host ?? 'github.com'}`;
  }
}

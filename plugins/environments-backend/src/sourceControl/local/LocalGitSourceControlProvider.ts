import { resolve } from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import type {
  EnvironmentEntity,
  PendingCommit,
  PromotionSection,
  PromotionStrategySupport,
} from '@stageline/plugin-environments-common';
import {
  errorSection,
  unconfiguredSection,
  configurationError,
  ANNOTATION_GITHUB_PROJECT_SLUG,
  githubRepositoryOf,
  parseRepositorySlug,
  repositoryKey,
  GITHUB_NOT_CONFIGURED_MESSAGE,
} from '@stageline/plugin-environments-node';
import type {
  BranchChecks,
  EnvironmentSourceControlProvider,
  ProviderCallOptions,
  ProviderConfiguration,
  SourceControlPromotionRequest,
  SourceControlPromotionResult,
} from '@stageline/plugin-environments-node';
import { branchOf, missingBranch } from '../branchOf';
import { pendingSection, promotionFields } from '../pendingSection';
import { GitIdentity, LocalGitRepository } from './LocalGitRepository';

/**
 * What the `checks-green` gate says of a local repository's commits.
 *
 * @public
 */
export const LOCAL_REPOSITORY_NO_CI =
  'a local repository has no CI, so nothing checks its commits';

/**
 * Options for {@link LocalGitSourceControlProvider}.
 *
 * @public
 */
export interface LocalGitSourceControlProviderOptions {
  /** The git repository on the backend's disk (bare, or with a working tree); made absolute. */
  path: string;
  /**
   * The GitHub repositories (`owner/repo`, from `github.com/project-slug`) the local repository
   * stands in for; environments of any other repository are not served.
   */
  repositories: string[];
  /** Who merge commits are by. Default `Stageline <stageline@localhost>`. */
  committer?: GitIdentity;
}

/**
 * A git repository on the backend's own disk as the source control of promotions, standing in
 * for the GitHub repositories it is configured for: what waits to be promoted is what the
 * source branch has and the target branch lacks, the default branch is what HEAD names, and
 * the `merge` strategy fast-forwards the target branch to the source (or writes a merge commit
 * where they diverged). A local repository has no CI, no pull requests and no workflows: branch
 * checks are reported as none (with a note saying why), and `pull-request` and
 * `workflow-dispatch` are refused. Uses the git command line; no network.
 *
 * @public
 */
export class LocalGitSourceControlProvider
  implements EnvironmentSourceControlProvider
{
  readonly #repository: LocalGitRepository;
  readonly #serves: Map<string, string>;
  readonly #committer: GitIdentity;

  constructor(options: LocalGitSourceControlProviderOptions) {
    this.#repository = new LocalGitRepository(resolve(options.path));
    this.#serves = new Map(
      options.repositories.map(slug => {
        const repository = parseRepositorySlug(slug);
        if (!repository) {
          throw new InputError(
            `LocalGitSourceControlProvider: repositories must be "owner/repo"; got ${JSON.stringify(
              slug,
            )}`,
          );
        }
        return [repositoryKey(repository), slug];
      }),
    );
    this.#committer = options.committer ?? {
      name: 'Stageline',
      email: 'stageline@localhost',
    };
  }

  /** The absolute path of the repository. */
  get path(): string {
    return this.#repository.path;
  }

  /** How the card names the source: `local repository <path>`. */
  get label(): string {
    return `local repository ${this.path}`;
  }

  getConfiguration(environment: EnvironmentEntity): ProviderConfiguration {
    const slug = githubRepositoryOf(environment);
    if (!slug) {
      return {
        configured: false,
        message: `${environment.metadata.name} has no ${ANNOTATION_GITHUB_PROJECT_SLUG} annotation: add "owner/repo" to name its repository`,
        missing: 'entity',
      };
    }
    if (!this.#serves.has(repositoryKey(slug))) {
      return {
        configured: false,
        message: `${GITHUB_NOT_CONFIGURED_MESSAGE} (the ${
          this.label
        } stands in for ${[...this.#serves.values()].join(', ')} only, not ${
          slug.owner
        }/${slug.repo})`,
      };
    }
    if (!this.#repository.exists()) {
      return {
        configured: false,
        message: `The ${this.label} does not exist or is not a git repository: create it (make start does) or point environments.localRepository.path at one`,
      };
    }
    return { configured: true };
  }

  getStrategies(target: EnvironmentEntity): PromotionStrategySupport[] {
    const branch = target.spec.branch ?? 'the target branch';
    return [
      {
        strategy: 'merge',
        available: true,
        description: `Fast-forward ${branch} to the source branch in the local repository (a merge commit where they diverged)`,
        action: 'merge (fast-forward where possible)',
      },
      {
        strategy: 'pull-request',
        available: false,
        description: 'A local repository has no pull requests: use merge',
      },
      {
        strategy: 'workflow-dispatch',
        available: false,
        description: 'A local repository has no workflows to run: use merge',
      },
    ];
  }

  async getPromotionState(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<PromotionSection> {
    const fields = {
      ...promotionFields(source, target),
      sourceControl: this.label,
      strategies: this.getStrategies(target),
    };
    const configuration = this.#promotionConfiguration(source, target);
    if (!configuration.configured) {
      return unconfiguredSection(configuration.message, fields);
    }
    try {
      const pending = await this.#pending(source, target, options);
      return pendingSection(fields, source, target, pending);
    } catch (error) {
      return errorSection(
        `Could not read the promotion state from the ${this.label}`,
        error,
        fields,
      );
    }
  }

  async getPendingCommits(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<{ commits: PendingCommit[]; aheadBy: number; headSha: string }> {
    this.#assertConfigured(source, target);
    const { commits, aheadBy, headSha } = await this.#pending(
      source,
      target,
      options,
    );
    return { commits, aheadBy, headSha };
  }

  async getBranchChecks(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<BranchChecks> {
    this.#assertConfigured(environment);
    const sha = await this.#repository.head(branchOf(environment), options);
    return {
      sha,
      state: 'none',
      notGreen: [],
      total: 0,
      note: LOCAL_REPOSITORY_NO_CI,
    };
  }

  async getDefaultBranch(
    environment: EnvironmentEntity,
    options: ProviderCallOptions = {},
  ): Promise<string> {
    this.#assertConfigured(environment);
    return this.#repository.headBranch(options);
  }

  async promote(
    request: SourceControlPromotionRequest,
  ): Promise<SourceControlPromotionResult> {
    const { source, target, strategy, commits } = request;
    this.#assertConfigured(source, target);
    const refused = this.getStrategies(target).find(
      s => s.strategy === strategy && !s.available,
    );
    if (refused) throw new ConflictError(refused.description);

    const repository = this.#repository;
    const head = branchOf(source);
    const base = branchOf(target);
    const sourceHead = await repository.head(head);
    // promote what the gates saw (the newest pending commit), not what was pushed since
    const promoted = commits[0]?.sha ?? sourceHead;
    if (!(await repository.isAncestor(promoted, sourceHead))) {
      throw new ConflictError(
        `${promoted.slice(0, 7)} is no longer on ${head}: check again`,
      );
    }
    const targetHead = await repository.head(base);
    if (await repository.isAncestor(promoted, targetHead)) {
      throw new ConflictError(
        `Nothing to promote: ${base} already has every commit of ${head}`,
      );
    }
    if ((await repository.checkedOutBranch()) === base) {
      throw new ConflictError(
        `${base} is checked out in the ${this.label}: switch its working tree to another branch so that ${base} can be moved`,
      );
    }
    const promotedCount = request.aheadBy ?? commits.length;
    const count = `${promotedCount} commit${promotedCount === 1 ? '' : 's'}`;
    const reason = `Stageline: promote ${head} into ${base}${
      request.actor ? ` for ${request.actor}` : ''
    }`;

    if (await repository.isAncestor(targetHead, promoted)) {
      await repository.moveBranch(base, promoted, targetHead, reason);
      return {
        message: `Fast-forwarded ${base} to ${head} at ${promoted.slice(
          0,
          7,
        )} (${count}) in the ${this.label}.`,
      };
    }

    const merged = await repository.mergeTree(targetHead, promoted);
    if ('conflicts' in merged) {
      throw new ConflictError(
        `${head} and ${base} conflict in ${merged.conflicts.join(
          ', ',
        )}: merge them by hand in the ${this.label}`,
      );
    }
    const commit = await repository.commitTree(
      merged.tree,
      [targetHead, promoted],
      [
        `Promote ${source.metadata.name} to ${target.metadata.name}`,
        '',
        `Merges ${count} of ${head} into ${base}${
          request.actor ? `, requested by ${request.actor}` : ''
        } through Stageline.`,
      ].join('\n'),
      this.#committer,
    );
    await repository.moveBranch(base, commit, targetHead, reason);
    return {
      message: `Merged ${head} into ${base} with merge commit ${commit.slice(
        0,
        7,
      )} (${count}) in the ${this.label}.`,
    };
  }

  async #pending(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
    options: ProviderCallOptions,
  ) {
    const [headSha, baseSha] = await Promise.all([
      this.#repository.head(branchOf(source), options),
      this.#repository.head(branchOf(target), options),
    ]);
    const pending = await this.#repository.pending(baseSha, headSha, options);
    return { ...pending, headSha };
  }

  #promotionConfiguration(
    source: EnvironmentEntity,
    target: EnvironmentEntity,
  ): ProviderConfiguration {
    return missingBranch(source, target) ?? this.getConfiguration(source);
  }

  #assertConfigured(
    source: EnvironmentEntity,
    target?: EnvironmentEntity,
  ): void {
    const configuration = target
      ? this.#promotionConfiguration(source, target)
      : this.getConfiguration(source);
    if (!configuration.configured) throw configurationError(configuration);
  }
}

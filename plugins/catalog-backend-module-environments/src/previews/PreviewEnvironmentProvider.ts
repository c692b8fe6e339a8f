import type {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  GithubRepositoryClients,
  previewLocation,
  readTrustedEnvironmentOwners,
  repositoryVouchingFromConfig,
  RepositoryVouchingOptions,
  repositoryKey,
} from '@stageline/plugin-environments-node';
import { findPreviewSources, PreviewSource } from './findPreviewSources';
import { previewsRegisteredByHand } from './previewsRegisteredByHand';
import {
  LastPushes,
  listOpenPullRequests,
  OpenPullRequest,
} from './openPullRequests';
import { previewEntity } from './previewEntity';
import {
  PreviewProviderConfig,
  readPreviewProviderConfig,
} from './readPreviewProviderConfig';

/** Options of {@link PreviewEnvironmentProvider}. @public */
export interface PreviewEnvironmentProviderOptions {
  /** Reads the Environments that declare previews and their components, with `auth`'s credentials. */
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Clients for the components' repositories (`integrations.github`). */
  github: Pick<GithubRepositoryClients, 'forRepository'>;
  filters: PreviewProviderConfig['filters'];
  /** Owners allowed to own Environments of others' components. */
  trustedOwners: string[];
  /**
   * Decides whether the catalog vouches that a component belongs to the repository it names
   * (`repositoryVouchingFromConfig`): only such a repository's pull requests are read.
   */
  vouching: RepositoryVouchingOptions;
  /** Runs {@link PreviewEnvironmentProvider.read} on the configured schedule; none in tests. */
  taskRunner?: SchedulerServiceTaskRunner;
}

/**
 * A catalog entity provider: for every component whose Environments declare
 * `spec.previews.enabled`, each open pull request of the component's repository becomes a
 * preview Environment `{component}-pr-{n}` (see `previewEntity`), and disappears when the pull
 * request closes. Configured under `catalog.providers.stagelinePreviews` (schedule, filters).
 * GitHub is read through the configured integration with conditional requests: a repository's
 * open pull requests are listed once per run, a branch's last push read once per head commit.
 * When a repository cannot be read, its previews of the last good run are kept, so a GitHub
 * outage never makes previews (and their cleanup) think their pull requests closed. A preview
 * Environment someone registered by hand under the same name is left alone (no conflict). A
 * pull request from a branch one of the component's Environments runs (a promotion, e.g.
 * `develop` → `main`) gets no preview: that branch has its environment already.
 *
 * @public
 */
export class PreviewEnvironmentProvider implements EntityProvider {
  /**
   * The provider as `catalog.providers.stagelinePreviews` configures it, or undefined when that
   * is not configured.
   */
  static fromConfig(
    config: Config,
    options: Pick<
      PreviewEnvironmentProviderOptions,
      'catalog' | 'auth' | 'logger'
    > & {
      scheduler?: SchedulerService;
      github?: PreviewEnvironmentProviderOptions['github'];
    },
  ): PreviewEnvironmentProvider | undefined {
    const settings = readPreviewProviderConfig(config);
    if (!settings) return undefined;
    return new PreviewEnvironmentProvider({
      ...options,
      github: options.github ?? GithubRepositoryClients.fromConfig(config),
      filters: settings.filters,
      trustedOwners: readTrustedEnvironmentOwners(config),
      vouching: repositoryVouchingFromConfig(config, options),
      taskRunner: options.scheduler?.createScheduledTaskRunner(
        settings.schedule,
      ),
    });
  }

  readonly #lastPushes: LastPushes;
  /** Each repository's previews of the last run that read it. */
  readonly #lastGood = new Map<string, DeferredEntity[]>();
  #connection?: EntityProviderConnection;

  constructor(private readonly options: PreviewEnvironmentProviderOptions) {
    this.#lastPushes = new LastPushes(options.logger);
  }

  getProviderName(): string {
    return 'stageline-previews';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.read(),
    });
  }

  /** Emits the previews of every open pull request now (a full mutation). */
  async read(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const { logger, catalog } = this.options;
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const sources = await findPreviewSources({
      catalog,
      credentials,
      trustedOwners: this.options.trustedOwners,
      vouching: this.options.vouching,
      logger,
    });
    const registeredByHand = await previewsRegisteredByHand(
      catalog,
      credentials,
    );
    const byRepository = new Map<string, PreviewSource[]>();
    for (const source of sources) {
      const key = repositoryKey(source.repository);
      if (this.options.filters.repository?.test(key) === false) continue;
      byRepository.set(key, [...(byRepository.get(key) ?? []), source]);
    }
    const entities: DeferredEntity[] = [];
    for (const [key, ofRepository] of byRepository) {
      try {
        const previews = await this.#previewsOf(ofRepository, registeredByHand);
        this.#lastGood.set(key, previews);
        entities.push(...previews);
      } catch (error) {
        const kept = this.#lastGood.get(key) ?? [];
        logger.warn(
          `Could not read the pull requests of ${key} (${
            (error as Error).message
          }); keeping its ${kept.length} previews of the last run`,
        );
        entities.push(...kept);
      }
    }
    await this.#connection.applyMutation({ type: 'full', entities });
    logger.info(
      `Emitted ${entities.length} preview environments of ${byRepository.size} repositories`,
    );
  }

  async #previewsOf(
    sources: PreviewSource[],
    registeredByHand: Set<string>,
  ): Promise<DeferredEntity[]> {
    const { repository } = sources[0];
    const octokit = await this.options.github.forRepository({
      host: 'github.com',
      ...repository,
    });
    const pulls = (await listOpenPullRequests(octokit, repository)).filter(
      pull => this.#wanted(pull),
    );
    const previews: DeferredEntity[] = [];
    for (const pull of pulls) {
      const lastPush = await this.#lastPushes.of(octokit, repository, pull);
      for (const source of sources) {
        if (source.environmentBranches.has(pull.branch)) continue;
        const entity = previewEntity(source, pull, lastPush);
        if (!entity) {
          this.options.logger.warn(
            `No preview for pull request #${pull.number} of ${source.componentRef}: "${source.componentRef}-pr-${pull.number}" is longer than an entity name may be (63)`,
          );
          continue;
        }
        if (
          registeredByHand.has(
            stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
          )
        ) {
          continue;
        }
        previews.push({
          entity,
          locationKey: previewLocation(source.componentRef),
        });
      }
    }
    return previews;
  }

  #wanted(pull: OpenPullRequest): boolean {
    const { filters } = this.options;
    if (pull.fromFork && !filters.includeForks) return false;
    if (pull.draft && !filters.includeDrafts) return false;
    return filters.branch?.test(pull.branch) !== false;
  }
}

import type {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ANNOTATION_LOCATION } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type {
  CatalogService,
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { isEnvironmentEntity } from '@stageline/plugin-environments-common';
import { AwsAccess } from '@stageline/plugin-environments-node';
import {
  DISCOVERY_LOCATION_TYPE,
  discoveredEnvironment,
  isStagelineStack,
} from './discoveredEnvironment';
import type { DiscoveredStackStore } from './DiscoveredStackStore';
import { DiscoveredStack, listStacks } from './listStacks';
import {
  readStackDiscoveryConfig,
  StackDiscoveryConfig,
} from './readStackDiscoveryConfig';

/** Options of {@link StackDiscoveryProvider}. @public */
export interface StackDiscoveryProviderOptions {
  /** Reads the declared Environments, with `auth`'s credentials. */
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Credentials per account and region (`aws.accounts`). */
  aws: AwsAccess;
  settings: Omit<StackDiscoveryConfig, 'schedule'>;
  /** Where the discovered stacks are kept for the Environment processor's gap filling. */
  store?: Pick<DiscoveredStackStore, 'replace'>;
  taskRunner?: SchedulerServiceTaskRunner;
}

type Declared = {
  name: string;
  stackName?: string;
  region?: string;
  accountId?: string;
};

const describes = (declared: Declared, stack: DiscoveredStack) =>
  declared.stackName === stack.stackName &&
  (!declared.region || declared.region === stack.region) &&
  (!declared.accountId || declared.accountId === stack.accountId);

/**
 * A catalog entity provider for platform teams: across the configured accounts and regions, every
 * CloudFormation stack that carries Stageline's tags (or matches `stackNamePattern`) becomes an
 * Environment with its stage, scale, region and account (see `discoveredEnvironment`), unless an
 * Environment declared in a repository already describes that stack: declared Environments win,
 * and the Environment processor fills their gaps (region, account, health check) from what was
 * discovered. When an account and region cannot be read, their Environments of the last good
 * run are kept.
 *
 * @public
 */
export class StackDiscoveryProvider implements EntityProvider {
  /** The provider as `catalog.providers.stagelineStacks` configures it, or undefined. */
  static fromConfig(
    config: Config,
    options: Pick<
      StackDiscoveryProviderOptions,
      'catalog' | 'auth' | 'logger' | 'store'
    > & { scheduler?: SchedulerService; aws?: AwsAccess },
  ): StackDiscoveryProvider | undefined {
    const settings = readStackDiscoveryConfig(config);
    if (!settings) return undefined;
    return new StackDiscoveryProvider({
      ...options,
      aws: options.aws ?? AwsAccess.fromConfig(config),
      settings,
      taskRunner: options.scheduler?.createScheduledTaskRunner(
        settings.schedule,
      ),
    });
  }

  readonly #lastGood = new Map<string, DiscoveredStack[]>();
  #connection?: EntityProviderConnection;

  constructor(private readonly options: StackDiscoveryProviderOptions) {}

  getProviderName(): string {
    return DISCOVERY_LOCATION_TYPE;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.options.taskRunner?.run({
      id: `${this.getProviderName()}:refresh`,
      fn: () => this.read(),
    });
  }

  /** Emits an Environment for every discovered stack no declared Environment describes. */
  async read(): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected yet`);
    }
    const { logger, settings } = this.options;
    const declared = await this.#declared();
    const taken = new Set(declared.map(d => d.name));
    const entities: DeferredEntity[] = [];
    for (const accountId of settings.accounts) {
      for (const region of settings.regions) {
        const stacks = await this.#stacksOf(accountId, region);
        for (const stack of stacks) {
          if (declared.some(d => describes(d, stack))) continue;
          const result = discoveredEnvironment(stack, settings);
          if ('skipped' in result) {
            logger.warn(
              `Discovered ${stack.stackName} in ${accountId}/${region} is not an Environment: ${result.skipped}`,
            );
            continue;
          }
          const entity = result.entity;
          const name = [
            entity.metadata.name,
            `${entity.metadata.name}-${region}`,
            `${entity.metadata.name}-${region}-${accountId}`,
          ].find(candidate => !taken.has(candidate) && candidate.length <= 63);
          if (!name) continue;
          taken.add(name);
          entity.metadata.name = name;
          entities.push({
            entity,
            locationKey: entity.metadata.annotations![ANNOTATION_LOCATION],
          });
        }
      }
    }
    await this.#connection.applyMutation({ type: 'full', entities });
    logger.info(`Discovered ${entities.length} environments in CloudFormation`);
  }

  /** Stageline's stacks of an account and region; the last good ones when AWS fails. */
  async #stacksOf(
    accountId: string,
    region: string,
  ): Promise<DiscoveredStack[]> {
    const key = `${accountId}/${region}`;
    try {
      const stacks = (
        await listStacks(this.options.aws, accountId, region)
      ).filter(stack =>
        isStagelineStack(stack, this.options.settings.stackNamePattern),
      );
      await this.options.store?.replace(accountId, region, stacks);
      this.#lastGood.set(key, stacks);
      return stacks;
    } catch (error) {
      const kept = this.#lastGood.get(key) ?? [];
      this.options.logger.warn(
        `Could not list the stacks of ${key}: ${
          (error as Error).message
        }; keeping the ${kept.length} found before`,
      );
      return kept;
    }
  }

  /** The Environments from elsewhere than discovery: their names and the stacks they describe. */
  async #declared(): Promise<Declared[]> {
    const { items } = await this.options.catalog.getEntities(
      { filter: { kind: 'Environment' } },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    return items
      .filter(isEnvironmentEntity)
      .filter(
        entity =>
          !(
            entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? ''
          ).startsWith(`${DISCOVERY_LOCATION_TYPE}:`),
      )
      .map(entity => ({
        name: entity.metadata.name,
        stackName: entity.spec.deployment?.stackName,
        region: entity.spec.deployment?.region,
        accountId: entity.spec.deployment?.accountId,
      }));
  }
}

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { LRUCache } from 'lru-cache';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { readTrustedEnvironmentOwners } from '@stageline/plugin-environments-node';
import { EnvironmentEntityProcessor } from './processor/EnvironmentEntityProcessor';
import { PreviewEnvironmentProvider } from './previews/PreviewEnvironmentProvider';
import { StackDiscoveryProvider } from './discovery/StackDiscoveryProvider';
import { DiscoveredStackStore } from './discovery/DiscoveredStackStore';
import { readStackDiscoveryConfig } from './discovery/readStackDiscoveryConfig';

/** How long a component read for the ownership check is reused. */
const COMPONENT_TTL_MS = 30_000;
/** Most components kept for the ownership check; the least recently used go first. */
const COMPONENTS_KEPT = 10_000;

/**
 * Adds the `Environment` kind to the catalog: validation, relations, and the check that an
 * Environment is owned by its component's owner (or `environments.security.trustedEnvironmentOwners`);
 * where `catalog.providers.stagelinePreviews` is configured, a preview Environment for every
 * open pull request of the components whose Environments declare `spec.previews`; and where
 * `catalog.providers.stagelineStacks` is configured, the Environments of the CloudFormation
 * stacks it discovers, filling declared Environments' gaps from them.
 *
 * @public
 */
export const catalogModuleEnvironments = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'environments',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        catalogService: catalogServiceRef,
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
      },
      async init({
        catalog,
        catalogService,
        auth,
        config,
        logger,
        scheduler,
        database,
      }) {
        // Components found are kept for a while; a miss is not, so an Environment processed
        // just before its component is checked again as soon as the component is in.
        const found = new LRUCache<string, Entity>({
          max: COMPONENTS_KEPT,
          ttl: COMPONENT_TTL_MS,
        });
        const getComponent = async (ref: string) => {
          const cached = found.get(ref);
          if (cached) return cached;
          try {
            const entity = await catalogService.getEntityByRef(ref, {
              credentials: await auth.getOwnServiceCredentials(),
            });
            if (entity) found.set(ref, entity);
            return entity;
          } catch {
            // Let it through: the environments backend checks ownership again before acting.
            return undefined;
          }
        };
        const discovery = readStackDiscoveryConfig(config)
          ? await DiscoveredStackStore.create(database)
          : undefined;
        catalog.addProcessor(
          new EnvironmentEntityProcessor({
            getComponent,
            trustedOwners: readTrustedEnvironmentOwners(config),
            findDiscoveredStacks: discovery && (query => discovery.find(query)),
          }),
        );
        const previews = PreviewEnvironmentProvider.fromConfig(config, {
          catalog: catalogService,
          auth,
          logger,
          scheduler,
        });
        if (previews) catalog.addEntityProvider(previews);
        const stacks = StackDiscoveryProvider.fromConfig(config, {
          catalog: catalogService,
          auth,
          logger,
          scheduler,
          store: discovery,
        });
        if (stacks) catalog.addEntityProvider(stacks);
      },
    });
  },
});

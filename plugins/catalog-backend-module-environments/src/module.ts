import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { readTrustedEnvironmentOwners } from '@stageline/plugin-environments-node';
import { EnvironmentEntityProcessor } from './processor/EnvironmentEntityProcessor';

/** How long a component read for the ownership check is reused. */
const COMPONENT_TTL_MS = 30_000;

/**
 * Adds the `Environment` kind to the catalog: validation, relations, and the check that an
 * Environment is owned by its component's owner (or `environments.security.trustedEnvironmentOwners`).
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
      },
      async init({ catalog, catalogService, auth, config }) {
        const read = new Map<
          string,
          { at: number; entity: Promise<Entity | undefined> }
        >();
        const getComponent = (ref: string) => {
          const now = Date.now();
          const cached = read.get(ref);
          if (cached && now - cached.at < COMPONENT_TTL_MS) return cached.entity;
          const entity = auth
            .getOwnServiceCredentials()
            .then(credentials =>
              catalogService.getEntityByRef(ref, { credentials }),
            )
            .then(
              found => found ?? undefined,
              // Let it through: the environments backend checks ownership again before acting.
              () => undefined,
            );
          read.set(ref, { at: now, entity });
          for (const [key, value] of read) {
            if (now - value.at >= COMPONENT_TTL_MS) read.delete(key);
          }
          return entity;
        };
        catalog.addProcessor(
          new EnvironmentEntityProcessor({
            getComponent,
            trustedOwners: readTrustedEnvironmentOwners(config),
          }),
        );
      },
    });
  },
});

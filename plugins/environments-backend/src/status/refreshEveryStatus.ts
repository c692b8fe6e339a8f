import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import pLimit from 'p-limit';
import type { EnvironmentCostProvider } from '@stageline/plugin-environments-node';
import type { EnvironmentCatalog } from '../catalog/EnvironmentCatalog';
import type { EnvironmentStatusService } from './EnvironmentStatusService';

/** Environments refreshed at once. */
const REFRESH_CONCURRENCY = 4;
/** Cost sections asked for at once while warming (most wait on a shared estimate). */
const COST_CONCURRENCY = 8;

/**
 * The scheduled status refresh: every environment of the catalog, read once with the plugin's
 * own credentials (targets of `promotesTo` are found in that same list, not asked for one by
 * one); cost estimates warmed first, then every promotion state read at once where the source
 * control can (GitHub: batched GraphQL), then each status assembled and stored in the cache.
 */
export async function refreshEveryStatus(options: {
  catalog: EnvironmentCatalog;
  auth: AuthService;
  statuses: EnvironmentStatusService;
  cost: EnvironmentCostProvider;
  logger: LoggerService;
}): Promise<void> {
  const { catalog, auth, statuses, cost, logger } = options;
  const credentials = await auth.getOwnServiceCredentials();
  const environments = await catalog.all(credentials);
  const byRef = new Map(environments.map(e => [stringifyEntityRef(e), e]));
  const resolve = async (ref: string) =>
    byRef.get(ref) ?? catalog.find(ref, credentials);
  // Cost estimates synthesize stacks (CPU-bound, 0.1–1.5 s each, in worker threads): warm them
  // first, so the statuses below are not held up by them. Environments at the same stage ×
  // scale × region share one estimate; the estimator bounds how many synthesize at once.
  const costLimit = pLimit(COST_CONCURRENCY);
  await Promise.all(environments.map(e => costLimit(() => cost.getCost(e))));
  const promotions = await statuses.readPromotions(environments, resolve);
  const refreshLimit = pLimit(REFRESH_CONCURRENCY);
  await Promise.all(
    environments.map(environment =>
      refreshLimit(() =>
        statuses
          .refresh(
            environment,
            resolve,
            promotions.get(stringifyEntityRef(environment)),
          )
          .then(
            () => undefined,
            error =>
              logger.warn(
                `Could not refresh ${stringifyEntityRef(
                  environment,
                )}: ${error}`,
              ),
          ),
      ),
    ),
  );
  logger.info(`Refreshed the status of ${environments.length} environments`);
}

import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { environmentsPermissions } from '@stageline/plugin-environments-common';
import {
  AwsAccess,
  environmentEntityPermissionResourceRef,
  environmentPermissionRules,
  environmentsProvidersExtensionPoint,
  readTrustedEnvironmentOwners,
} from '@stageline/plugin-environments-node';
import { CloudFormationDeploymentProvider } from './aws/CloudFormationDeploymentProvider';
import { PromotionEngine } from './promotion/engine/PromotionEngine';
import { readPromotionSettings } from './promotion/engine/readPromotionSettings';
import { readEnvironmentsBackendSettings } from './config';
import {
  EnvironmentCatalog,
  READ_ROUTE_LOOKUP_TTL_MS,
} from './catalog/EnvironmentCatalog';
import { PromotionStore } from './database/PromotionStore';
import { DeploymentStore } from './deployments/DeploymentStore';
import { RollbackPlanner } from './deployments/RollbackPlanner';
import { StackReader } from './aws/StackReader';
import { setUpDriftDetection } from './drift/setUpDriftDetection';
import { ProviderRegistry } from './status/ProviderRegistry';
import { EnvironmentStatusService } from './status/EnvironmentStatusService';
import { HttpHealthCheck } from './health/HttpHealthCheck';
import { StackHealthCheck } from './health/StackHealthCheck';
import { CloudWatchAlarmsHealthCheck } from './health/CloudWatchAlarmsHealthCheck';
import { DefaultCostProvider } from './cost/DefaultCostProvider';
import { DEFAULT_USD_TO_GBP } from './cost/StagelineCostEstimator';
import { createCostEstimator } from './cost/worker/createCostEstimator';
import { setUpPriceListPricing } from './cost/setUpPriceListPricing';
import { PromotionService } from './promotion/PromotionService';
import { PromotionAuthorizer } from './promotion/PromotionAuthorizer';
import { createRouter } from './router/createRouter';
import { createSourceControl } from './sourceControl/createSourceControl';
import { installPreviews } from './previews/installPreviews';
import { installSchedules } from './schedules/installSchedules';
import { refreshEveryStatus } from './status/refreshEveryStatus';
import { RepositoryReadGuard } from './security/RepositoryReadGuard';

/**
 * The Stageline environments backend plugin: REST API at `/api/environments` for status,
 * promotion (with gates, locks, history, permissions and auditing) and cost.
 *
 * @public
 */
export const environmentsPlugin = createBackendPlugin({
  pluginId: 'environments',
  register(env) {
    const providers = new ProviderRegistry();
    env.registerExtensionPoint(environmentsProvidersExtensionPoint, providers);

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        cache: coreServices.cache,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        lifecycle: coreServices.lifecycle,
        catalogService: catalogServiceRef,
        discovery: coreServices.discovery,
      },
      async init(deps) {
        const { config, logger, cache, scheduler, auth } = deps;
        const settings = readEnvironmentsBackendSettings(config);
        const aws = AwsAccess.fromConfig(config);
        const store = await PromotionStore.create(deps.database);
        const priceList = await setUpPriceListPricing({
          config,
          aws,
          database: deps.database,
          scheduler,
          logger,
        });
        const deployments = await DeploymentStore.create(deps.database);
        const stacks = new StackReader(aws);
        const catalog = new EnvironmentCatalog(deps.catalogService);
        const repositoryReads = RepositoryReadGuard.fromConfig(config, {
          catalog: deps.catalogService,
          auth,
        });

        const cloudFormation = new CloudFormationDeploymentProvider(aws);
        const promotionSettings = readPromotionSettings(config);
        const builtInSourceControl = createSourceControl(config, {
          logger,
          github: {
            workflow: promotionSettings.workflow,
            mergeMethod: promotionSettings.mergeMethod,
            promotionStateReads: settings.githubReads,
          },
        });
        const estimator = createCostEstimator({
          rate: settings.rate,
          prices: priceList,
          logger,
        });
        deps.lifecycle.addShutdownHook(() => estimator.close?.());
        let statuses: EnvironmentStatusService | undefined = undefined;
        providers.completeWith({
          deploymentProviders: [cloudFormation],
          sourceControl: builtInSourceControl.provider,
          healthChecks: [
            new HttpHealthCheck({
              timeoutMs: settings.httpHealthTimeoutMs,
              allowedHosts: settings.healthAllowedHosts,
              ownBaseUrl: () => deps.discovery.getBaseUrl('environments'),
            }),
            new StackHealthCheck((environment, options) =>
              statuses!.getDeployment(environment, options.signal),
            ),
            new CloudWatchAlarmsHealthCheck(aws),
          ],
          cost: new DefaultCostProvider({
            estimator,
            aws,
            stacks,
            cache,
            currency: settings.currency,
            usdToGbp: settings.rate ?? DEFAULT_USD_TO_GBP,
            estimateTtlMs: settings.estimateTtlMs,
            actualsTtlMs: settings.actualsTtlMs,
            actualsTimeoutMs: settings.actualsTimeoutMs,
            nearBudgetRatio: settings.nearBudgetRatio,
          }),
        });
        const { notice } = builtInSourceControl;
        // said only when no module replaced the built-in source control
        if (
          notice &&
          providers.sourceControl === builtInSourceControl.provider
        ) {
          logger[notice.level](notice.message);
        }
        const drift = await setUpDriftDetection({
          config,
          aws,
          stacks,
          database: deps.database,
          scheduler,
          logger,
          environments: async () =>
            catalog.all(await auth.getOwnServiceCredentials()),
          afterRun: environments =>
            statuses!.invalidate(environments.map(e => stringifyEntityRef(e))),
        });
        statuses = new EnvironmentStatusService({
          providers,
          store,
          drift,
          cache,
          timeoutMs: settings.providerTimeoutMs,
          cacheTtlMs: settings.statusCacheTtlMs,
          errorCacheTtlMs: settings.statusErrorCacheTtlMs,
          logger,
          repositoryReads,
        });

        const engine = new PromotionEngine({
          sourceControl: providers.sourceControl,
          deploymentProviders: [...providers.deploymentProviders.values()],
          freezeWindows: promotionSettings.freezeWindows,
          defaultStrategy: promotionSettings.defaultStrategy,
        });

        deps.permissionsRegistry.addResourceType({
          resourceRef: environmentEntityPermissionResourceRef,
          permissions: environmentsPermissions,
          rules: Object.values(environmentPermissionRules),
          getResources: async refs => {
            const { items } = await deps.catalogService.getEntitiesByRefs(
              { entityRefs: refs },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return items.map(item => item ?? undefined);
          },
        });

        const authorizer = new PromotionAuthorizer({
          catalog: deps.catalogService,
          auth,
          permissions: deps.permissions,
          ruleset: deps.permissionsRegistry.getPermissionRuleset(
            environmentEntityPermissionResourceRef,
          ),
          sourceControl: providers.sourceControl,
          trustedOwners: readTrustedEnvironmentOwners(config),
          repositoryReads,
        });
        const promotions = new PromotionService({
          engine,
          store,
          catalog,
          authorizer,
          auditor: deps.auditor,
          statuses,
          lockTimeoutMs: settings.lockTimeoutMs,
          logger,
        });

        const knex = await deps.database.getClient();
        const { vouching } = repositoryReads;
        const previews = await installPreviews({
          ...deps,
          knex,
          catalog,
          aws,
          vouching,
        });
        const schedules = installSchedules({
          ...deps,
          knex,
          catalog,
          aws,
          vouching,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            catalog: new EnvironmentCatalog(deps.catalogService, {
              lookupTtlMs: READ_ROUTE_LOOKUP_TTL_MS,
            }),
            statuses,
            promotions,
            store,
            repositoryReads,
            decorate: async (status, environment) =>
              schedules.decorate(
                await previews.decorate(status, environment),
                environment,
              ),
            routes: [previews.router, schedules.router],
            deployments,
            rollbacks: new RollbackPlanner({ store: deployments, stacks, aws }),
            drift,
          }),
        );

        if (settings.scheduledRefresh) {
          const service = statuses;
          await scheduler.scheduleTask({
            id: 'environments-status-refresh',
            frequency: settings.refreshInterval,
            timeout: { minutes: 10 },
            initialDelay: settings.refreshInitialDelay,
            // One replica refreshes per interval; the others read the statuses from the cache
            // service (shared when the operator configures Redis or Valkey).
            scope: 'global',
            fn: () =>
              refreshEveryStatus({
                catalog,
                auth,
                statuses: service,
                cost: providers.cost,
                logger,
              }),
          });
        }
        await previews.schedule();
        await schedules.schedule();
      },
    });
  },
});

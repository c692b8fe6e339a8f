import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { PricingClient } from '@aws-sdk/client-pricing';
import { awsGetProducts, type GetProductsPage } from '@stageline/cost-model';
import type { AwsAccess } from '@stageline/plugin-environments-node';
import { PriceListPricing } from './PriceListPricing';
import { PriceListStore } from './PriceListStore';
import { readPriceListSettings } from './priceListSettings';

/** The Price List Query API is answered from us-east-1 for every region. */
const PRICING_ENDPOINT_REGION = 'us-east-1';

/** `GetProducts` through the AWS integration's credentials, the client built on first use. */
function getProductsWith(aws: AwsAccess, accountId?: string): GetProductsPage {
  let getProducts: Promise<GetProductsPage> | undefined;
  return input => {
    getProducts ??= aws
      .clientConfig({ accountId, region: PRICING_ENDPOINT_REGION })
      .then(config => awsGetProducts(new PricingClient(config)));
    getProducts.catch(() => {
      getProducts = undefined;
    });
    return getProducts.then(call => call(input));
  };
}

/**
 * Price List pricing for the cost estimator where AWS is configured and
 * `environments.cost.priceListApi.enabled` is not false, with its scheduled refresh (one
 * backend instance at a time); undefined otherwise (estimates use the bundled table only).
 */
export async function setUpPriceListPricing(options: {
  config: Config;
  aws: AwsAccess;
  database: DatabaseService;
  scheduler: SchedulerService;
  logger: LoggerService;
}): Promise<PriceListPricing | undefined> {
  const settings = readPriceListSettings(options.config);
  if (!settings.enabled || !options.aws.getConfiguration().configured) {
    return undefined;
  }
  const pricing = new PriceListPricing({
    store: await PriceListStore.create(options.database),
    getProducts: getProductsWith(options.aws, settings.accountId),
    logger: options.logger,
  });
  await options.scheduler.scheduleTask({
    id: 'environments-price-list-refresh',
    frequency: settings.refreshInterval,
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      await pricing.refresh();
    },
  });
  return pricing;
}

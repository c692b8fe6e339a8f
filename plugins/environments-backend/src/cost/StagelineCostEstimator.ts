import { synthesizeEnvironment } from '@stageline/cdk-environments';
import { AWS_PRICES, estimateMonthlyCost } from '@stageline/cost-model';
import type {
  CostEstimate,
  CostEstimateInput,
  CostEstimator,
} from './CostEstimator';

/** USD → GBP rate for Cost Explorer actuals when `environments.cost.rate` is not set: the cost model's. */
export const DEFAULT_USD_TO_GBP: number = AWS_PRICES.usdToGbp;

/**
 * Estimates with the real parts: synthesizes the environment stack with
 * `@stageline/cdk-environments` (offline, ~1 s, so results are cached by the caller) and prices
 * the template with `@stageline/cost-model`, net of the shutdown schedule.
 */
export function createStagelineCostEstimator(options: {
  rate?: number;
}): CostEstimator {
  return {
    async estimate(input: CostEstimateInput): Promise<CostEstimate> {
      const { template } = synthesizeEnvironment({
        appName: input.appName,
        stage: input.stage,
        scale: input.scale,
        region: input.region,
        account: input.accountId,
        previewId: input.previewId,
      });
      const shutdown = input.schedule?.shutdown;
      const result = estimateMonthlyCost(template, {
        region: input.region,
        currency: input.currency,
        exchangeRate: input.currency === 'GBP' ? options.rate : undefined,
        schedule: shutdown
          ? { shutdown, startup: input.schedule?.startup }
          : undefined,
      });
      return {
        monthly: result.total,
        lines: result.lines.map(({ logicalId, type, monthly, basis }) => ({
          logicalId,
          type,
          monthly,
          basis,
        })),
        unpriced: [...result.unpriced],
        assumptions: [...result.assumptions],
        scheduleSaving: result.savings?.monthly,
      };
    },
  };
}

import { synthesizeEnvironment } from '@stageline/cdk-environments';
import {
  AWS_PRICES,
  estimateWithPrices,
  type PriceRow,
} from '@stageline/cost-model';
import type {
  CostEstimate,
  CostEstimateInput,
  CostEstimator,
  TemplatePricingInput,
} from './CostEstimator';
import type { ResolvedPrices } from './PriceListPricing';

/** USD → GBP rate for Cost Explorer actuals when `environments.cost.rate` is not set: the cost model's. */
export const DEFAULT_USD_TO_GBP: number = AWS_PRICES.usdToGbp;

/** Prices the bundled table lacks, e.g. {@link PriceListPricing} (the AWS Price List API). */
export interface PriceSource {
  resolve(rows: readonly PriceRow[], region: string): Promise<ResolvedPrices>;
}

/**
 * Estimates with the real parts: synthesizes the environment stack with
 * `@stageline/cdk-environments` (offline, ~1 s, so results are cached by the caller), or takes a
 * given template (the deployed one), and prices it with `@stageline/cost-model` with the stack's
 * parameter values, net of the shutdown schedule. With `prices`, rows the bundled table has no
 * price for (other regions, other instance classes) are priced from it.
 */
export function createStagelineCostEstimator(options: {
  rate?: number;
  prices?: PriceSource;
}): CostEstimator {
  const price = async (
    template: string | object,
    input: TemplatePricingInput,
  ): Promise<CostEstimate> => {
    const shutdown = input.schedule?.shutdown;
    const problems: string[] = [];
    const result = await estimateWithPrices(
      template,
      {
        region: input.region,
        currency: input.currency,
        exchangeRate: input.currency === 'GBP' ? options.rate : undefined,
        schedule: shutdown
          ? { shutdown, startup: input.schedule?.startup }
          : undefined,
        parameters: input.parameters,
      },
      async (rows, region) => {
        if (!options.prices) return new Map();
        const found = await options.prices.resolve(rows, region);
        problems.push(...found.problems);
        return found.overlay;
      },
    );
    return {
      monthly: result.total,
      lines: result.lines.map(({ logicalId, type, monthly, basis }) => ({
        logicalId,
        type,
        monthly,
        basis,
      })),
      unpriced: [...result.unpriced],
      assumptions: [...result.assumptions, ...problems],
      scheduleSaving: result.savings?.monthly,
    };
  };
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
      return price(template, input);
    },
    estimateTemplate: price,
  };
}

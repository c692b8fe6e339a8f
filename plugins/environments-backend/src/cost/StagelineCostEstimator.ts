import { synthesizeEnvironment } from '@stageline/cdk-environments';
import type { CostEstimate, CostEstimateInput, CostEstimator } from './CostEstimator';

/** USD → GBP rate for Cost Explorer actuals when `environments.cost.rate` is not set. */
export const DEFAULT_USD_TO_GBP = 0.79;

/** The part of `@stageline/cost-model` this estimator uses (loaded lazily until it lands). */
interface CostModel {
  estimateMonthlyCost(
    template: Record<string, unknown>,
    options: {
      region: string;
      currency: string;
      rate?: number;
      schedule?: { shutdown?: string; startup?: string };
    },
  ): {
    total: number;
    lines: CostEstimate['lines'];
    unpriced: CostEstimate['unpriced'];
    assumptions: string[];
    scheduleSaving?: number;
  };
}

function loadCostModel(): CostModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@stageline/cost-model') as CostModel;
}

/**
 * Estimates with the real parts: synthesizes the environment stack with
 * `@stageline/cdk-environments` (offline, ~1 s, so results are cached by the caller) and prices
 * the template with `@stageline/cost-model`.
 */
export function createStagelineCostEstimator(options: { rate?: number }): CostEstimator {
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
      const result = loadCostModel().estimateMonthlyCost(template, {
        region: input.region,
        currency: input.currency,
        rate: options.rate,
        schedule: input.schedule,
      });
      return {
        monthly: result.total,
        lines: result.lines,
        unpriced: result.unpriced,
        assumptions: result.assumptions,
        scheduleSaving: result.scheduleSaving,
      };
    },
  };
}

import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CostEstimator } from '../CostEstimator';
import {
  createStagelineCostEstimator,
  PriceSource,
} from '../StagelineCostEstimator';
import {
  defaultPoolSize,
  EstimateWorkerPool,
  estimateWorkerEntry,
} from './EstimateWorkerPool';

/**
 * The backend's cost estimator: synthesis and pricing in a pool of worker threads sized to the
 * machine's cores ({@link EstimateWorkerPool}); on the event loop, with a warning, only where
 * the worker's file cannot be found.
 */
export function createCostEstimator(options: {
  rate?: number;
  prices?: PriceSource;
  logger: LoggerService;
  workers?: number;
}): CostEstimator & { close?(): Promise<void> } {
  const entry = estimateWorkerEntry();
  if (!entry) {
    options.logger.warn(
      'Cost estimates run on the event loop: @stageline/plugin-environments-backend/cost-estimate-worker cannot be found',
    );
    return createStagelineCostEstimator(options);
  }
  return new EstimateWorkerPool({
    entry,
    size: options.workers ?? defaultPoolSize(),
    rate: options.rate,
    prices: options.prices,
  });
}

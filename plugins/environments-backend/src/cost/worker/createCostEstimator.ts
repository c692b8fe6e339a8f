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
 * the package runs built (its bundle has no separate worker file yet).
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
      'Cost estimates run on the event loop: this build of @stageline/plugin-environments-backend has no estimate worker file',
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

import type { PriceRow } from '@stageline/cost-model';
import type {
  CostEstimate,
  CostEstimateInput,
  TemplatePricingInput,
} from '../CostEstimator';
import type { ResolvedPrices } from '../PriceListPricing';

/** What a worker estimates: a reference profile (synthesized, then priced) or a given template. */
export type EstimateJob =
  | { kind: 'profile'; input: CostEstimateInput }
  | {
      kind: 'template';
      template: string | object;
      input: TemplatePricingInput;
    };

/** Main thread → worker. */
export type ToWorker =
  | {
      type: 'estimate';
      id: number;
      job: EstimateJob;
      rate?: number;
      /** Whether prices the bundled table lacks are asked of the main thread. */
      withPrices: boolean;
    }
  | {
      type: 'prices';
      id: number;
      request: number;
      resolved?: ResolvedPrices;
      error?: string;
    };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'done'; id: number; estimate: CostEstimate }
  | { type: 'failed'; id: number; message: string }
  | {
      type: 'prices';
      id: number;
      request: number;
      rows: PriceRow[];
      region: string;
    };

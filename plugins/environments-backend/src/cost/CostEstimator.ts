import type {
  BudgetCurrency,
  CostLine,
  EnvironmentScale,
  EnvironmentStage,
} from '@stageline/plugin-environments-common';

/** What to estimate: one environment stack of an app at a stage × scale. */
export interface CostEstimateInput {
  /** Lower-case kebab-case app name, e.g. `macro-ai`. */
  appName: string;
  stage: EnvironmentStage;
  scale: EnvironmentScale;
  region: string;
  accountId?: string;
  previewId?: string;
  currency: BudgetCurrency;
  /** Shutdown/startup crons of the environment, for the schedule saving. */
  schedule?: { shutdown?: string; startup?: string };
}

/** A monthly estimate, already net of the schedule saving. */
export interface CostEstimate {
  monthly: number;
  lines: CostLine[];
  unpriced: Array<{ logicalId: string; type: string; reason: string }>;
  assumptions: string[];
  scheduleSaving?: number;
}

/** What to price a given template with: where it runs, its parameter values, the currency. */
export type TemplatePricingInput = Pick<
  CostEstimateInput,
  'region' | 'currency' | 'schedule'
> & {
  /** The stack's parameter values, replacing the template's defaults. */
  parameters?: Record<string, string>;
};

/** Estimates the monthly cost of an environment stack. */
export interface CostEstimator {
  /** The reference profile of the input's stage × scale: synthesized, then priced. */
  estimate(input: CostEstimateInput): Promise<CostEstimate>;
  /** A template as it is (e.g. the deployed one, JSON or YAML), priced. */
  estimateTemplate(
    template: string | object,
    input: TemplatePricingInput,
  ): Promise<CostEstimate>;
  /** How many estimates it runs at once off the event loop; unset: one, on the event loop. */
  readonly concurrency?: number;
}

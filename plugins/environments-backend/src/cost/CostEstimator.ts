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

/** Estimates the monthly cost of an environment stack (synthesize, then price). */
export interface CostEstimator {
  estimate(input: CostEstimateInput): Promise<CostEstimate>;
}

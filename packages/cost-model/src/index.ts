/**
 * Offline monthly cost estimate of a CloudFormation template, and budget checks.
 *
 * @packageDocumentation
 */

export * from './types';
export { estimateMonthlyCost } from './estimate/estimateMonthlyCost';
export * from './checkBudget';
export { parseTemplate } from './template/parseTemplate';
export type { CloudFormationTemplate } from './template/parseTemplate';
export { resolveTemplate } from './template/resolveTemplate';
export type {
  ResolvedResource,
  ResolvedTemplate,
} from './template/resolveTemplate';
export { ResourceRef, Unresolved } from './template/values';
export { AWS_PRICES, PRICED_REGIONS } from './prices/aws-prices';
export type {
  PricedRegion,
  PricePoint,
  PriceQuality,
  PriceRow,
} from './prices/aws-prices';
export { parsePricedRegion, quotePrice } from './prices/priceBook';
export type { PriceQuote } from './prices/priceBook';
export {
  DEFAULT_STARTUP,
  SCHEDULE_REFERENCE_YEAR,
  runningHoursPerMonth,
} from './schedule/runningHours';
export type { RunningHours } from './schedule/runningHours';

/**
 * Offline monthly cost estimate of a CloudFormation template, and budget checks.
 *
 * @packageDocumentation
 */

export * from './types';
export { estimateMonthlyCost } from './estimate/estimateMonthlyCost';
export * from './checkBudget';
export { formatMoney } from './format';
export { parseTemplate } from './template/parseTemplate';
export type { CloudFormationTemplate } from './template/parseTemplate';
export { resolveTemplate } from './template/resolveTemplate';
export type {
  ResolvedResource,
  ResolvedTemplate,
} from './template/resolveTemplate';
export { ResourceRef, Unresolved } from './template/values';
export {
  estimateWithPriceListApi,
  estimateWithPrices,
} from './estimate/estimateWithPriceListApi';
export type { PriceResolver } from './estimate/estimateWithPriceListApi';
export { AWS_PRICES, PRICED_REGIONS } from './prices/aws-prices';
export type {
  PricedRegion,
  PriceListQuery,
  PricePoint,
  PriceQuality,
  PriceRow,
} from './prices/aws-prices';
export {
  PriceLookup,
  isBundledRegion,
  parsePricedRegion,
  quotePrice,
} from './prices/priceBook';
export type { PriceOverlay, PriceQuote } from './prices/priceBook';
export { COMMERCIAL_REGIONS, parseRegion } from './prices/regions';
export {
  fetchPriceListPrice,
  fetchPriceListPrices,
  parsePriceListItem,
  priceListQueryKey,
} from './prices/priceListApi';
export type { GetProductsPage, PriceListPrice } from './prices/priceListApi';
export { awsGetProducts } from './prices/awsPricingClient';
export { TEMPLATE_LIMITS, TemplateLimitError } from './template/templateLimits';
export { runCli } from './cli/main';
export type { CliIo } from './cli/main';
export {
  DEFAULT_STARTUP,
  SCHEDULE_REFERENCE_YEAR,
  runningHoursPerMonth,
} from './schedule/runningHours';
export type { RunningHours } from './schedule/runningHours';

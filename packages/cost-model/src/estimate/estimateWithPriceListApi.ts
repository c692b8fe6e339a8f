import type { PriceRow } from '../prices/aws-prices';
import type { PriceOverlay } from '../prices/priceBook';
import { GetProductsPage, fetchPriceListPrices } from '../prices/priceListApi';
import { CloudFormationTemplate } from '../template/parseTemplate';
import { CostEstimate, EstimateOptions } from '../types';
import { estimateWithLookup } from './estimateMonthlyCost';

/**
 * Finds prices for table rows that have none in `region`: each row has a Price List `query`.
 * Rows left out of the answer stay unpriced.
 *
 * @public
 */
export type PriceResolver = (
  rows: readonly PriceRow[],
  region: string,
) => Promise<PriceOverlay>;

/**
 * {@link estimateMonthlyCost} with the prices the bundled table lacks found by `resolve`: a
 * first offline pass collects the rows without a price that have a Price List query, `resolve`
 * prices what it can, and the estimate is made again with those prices. The backend resolves
 * from its database cache of Price List answers; {@link estimateWithPriceListApi} asks the API.
 *
 * @public
 */
export async function estimateWithPrices(
  template: string | object | CloudFormationTemplate,
  options: EstimateOptions,
  resolve: PriceResolver,
): Promise<CostEstimate> {
  const first = estimateWithLookup(template, options);
  if (first.wanted.length === 0) return first.estimate;
  const found = await resolve(first.wanted, first.estimate.region);
  if (found.size === 0) return first.estimate;
  const prices = new Map([...(options.prices ?? []), ...found]);
  return estimateWithLookup(template, { ...options, prices }).estimate;
}

/**
 * {@link estimateMonthlyCost} with the prices the bundled table lacks (instance classes,
 * volume types, regions) looked up in the AWS Price List Query API. Rows the API cannot answer
 * stay unpriced with their reason.
 *
 * @public
 */
export function estimateWithPriceListApi(
  template: string | object | CloudFormationTemplate,
  options: EstimateOptions,
  getProducts: GetProductsPage,
): Promise<CostEstimate> {
  return estimateWithPrices(template, options, (rows, region) =>
    fetchPriceListPrices(rows, region, getProducts),
  );
}

import { GetProductsPage, fetchPriceListPrices } from '../prices/priceListApi';
import { CloudFormationTemplate } from '../template/parseTemplate';
import { CostEstimate, EstimateOptions } from '../types';
import { estimateWithLookup } from './estimateMonthlyCost';

/**
 * {@link estimateMonthlyCost} with the prices the bundled table lacks (instance classes,
 * volume types, regions) looked up in the AWS Price List Query API: a first offline pass finds
 * the rows without a price that have a Price List query, they are fetched, and the estimate is
 * made again with them. Rows the API cannot answer stay unpriced with their reason.
 *
 * @public
 */
export async function estimateWithPriceListApi(
  template: string | object | CloudFormationTemplate,
  options: EstimateOptions,
  getProducts: GetProductsPage,
): Promise<CostEstimate> {
  const first = estimateWithLookup(template, options);
  if (first.wanted.length === 0) return first.estimate;
  const fetched = await fetchPriceListPrices(
    first.wanted,
    first.estimate.region,
    getProducts,
  );
  const prices = new Map([...(options.prices ?? []), ...fetched]);
  return estimateWithLookup(template, { ...options, prices }).estimate;
}

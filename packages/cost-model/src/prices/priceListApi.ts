import { PriceListQuery, PriceRow } from './aws-prices';
import { PriceOverlay } from './priceBook';

/**
 * The part of `@aws-sdk/client-pricing`'s `GetProducts` the estimate uses: one page of
 * products matching exact attribute filters.
 *
 * @public
 */
export type GetProductsPage = (input: {
  ServiceCode: string;
  Filters: Array<{ Type: 'TERM_MATCH'; Field: string; Value: string }>;
  FormatVersion: 'aws_v1';
  MaxResults: number;
  NextToken?: string;
}) => Promise<{ PriceList?: string[]; NextToken?: string }>;

/**
 * One on-demand price read from a Price List product.
 *
 * @public
 */
export interface PriceListPrice {
  readonly sku: string;
  /** The product's `usagetype` attribute, e.g. `EUC1-NatGateway-Hours` ('' when absent). */
  readonly usagetype: string;
  readonly usd: number;
  readonly unit: string;
  readonly description: string;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

/**
 * The on-demand price of one `GetProducts` `PriceList` item: a JSON string holding `product`
 * (with `sku`) and `terms.OnDemand.<offer>.priceDimensions.<rate>` with `pricePerUnit.USD`, as
 * in the service's offer file. The first tier (`beginRange` "0") is taken.
 *
 * @returns undefined when the item has no on-demand USD price
 * @public
 */
export function parsePriceListItem(item: string): PriceListPrice | undefined {
  const parsed = object(JSON.parse(item));
  const product = object(parsed.product);
  const sku = String(product.sku ?? '');
  const usagetype = String(object(product.attributes).usagetype ?? '');
  const onDemand = object(object(parsed.terms).OnDemand);
  for (const term of Object.values(onDemand)) {
    const dimensions = Object.values(object(object(term).priceDimensions)).map(
      object,
    );
    const first =
      dimensions.find(dimension => (dimension.beginRange ?? '0') === '0') ??
      dimensions[0];
    const usd = Number(object(first?.pricePerUnit).USD);
    if (first && Number.isFinite(usd)) {
      return {
        sku,
        usagetype,
        usd,
        unit: String(first.unit ?? ''),
        description: String(first.description ?? ''),
      };
    }
  }
  return undefined;
}

const MAX_PAGES = 5;

/** Whether `usagetype` is `wanted` with or without a region prefix (`EUC1-…`, `USE1-…`). */
function isUsageType(usagetype: string, wanted: string): boolean {
  return usagetype === wanted || usagetype.endsWith(`-${wanted}`);
}

/** Every on-demand price matching `query` in `region` (at most a few pages). */
async function pricesOf(
  query: PriceListQuery,
  region: string,
  getProducts: GetProductsPage,
): Promise<PriceListPrice[]> {
  const Filters = Object.entries({ ...query.filters, regionCode: region }).map(
    ([Field, Value]) => ({ Type: 'TERM_MATCH' as const, Field, Value }),
  );
  const prices: PriceListPrice[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const response = await getProducts({
      ServiceCode: query.serviceCode,
      Filters,
      FormatVersion: 'aws_v1',
      MaxResults: 100,
      ...(NextToken ? { NextToken } : {}),
    });
    for (const item of response.PriceList ?? []) {
      const price = parsePriceListItem(item);
      if (
        price &&
        (!query.usagetype || isUsageType(price.usagetype, query.usagetype))
      ) {
        prices.push(price);
      }
    }
    NextToken = response.NextToken ?? undefined;
    if (!NextToken) break;
  }
  return prices;
}

/**
 * The price of one query in `region` from the AWS Price List Query API, in the row's unit
 * (`scale` applied), or undefined when it matches no product or products with different prices.
 *
 * @public
 */
export async function fetchPriceListPrice(
  query: PriceListQuery,
  region: string,
  getProducts: GetProductsPage,
): Promise<{ usd: number; source: string } | undefined> {
  const prices = await pricesOf(query, region, getProducts);
  const distinct = [...new Set(prices.map(price => price.usd))];
  if (distinct.length !== 1) return undefined;
  return {
    // toPrecision drops binary noise such as 2e-7 × 1e6 = 0.19999999999999998.
    usd: Number((distinct[0] * (query.scale ?? 1)).toPrecision(12)),
    source: `AWS Price List API ${query.serviceCode} SKU ${prices[0].sku}`,
  };
}

/**
 * A stable key of a Price List query (its service, filters, usage type and scale), to cache
 * its answer by.
 *
 * @public
 */
export function priceListQueryKey(query: PriceListQuery): string {
  const filters = Object.keys(query.filters)
    .sort()
    .map(field => [field, query.filters[field]]);
  return JSON.stringify([
    query.serviceCode,
    filters,
    query.usagetype ?? null,
    query.scale ?? 1,
  ]);
}

/**
 * Prices of `rows` in `region` from the AWS Price List Query API, as an overlay for
 * `estimateMonthlyCost`'s `prices` option. A row whose query matches no product, or products
 * with different prices, is left out (and stays unpriced).
 *
 * @public
 */
export async function fetchPriceListPrices(
  rows: Iterable<PriceRow>,
  region: string,
  getProducts: GetProductsPage,
): Promise<PriceOverlay> {
  const overlay = new Map<string, { usd: number; source: string }>();
  for (const row of rows) {
    if (!row.query) continue;
    const price = await fetchPriceListPrice(row.query, region, getProducts);
    if (price) overlay.set(row.label, price);
  }
  return overlay;
}

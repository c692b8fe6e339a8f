/**
 * What a `PriceList` item says: one product with one on-demand price.
 *
 * @public
 */
export interface PriceListItemSpec {
  sku: string;
  serviceCode: string;
  productFamily: string;
  /** Product attributes, e.g. `{ regionCode: 'ap-southeast-2', usagetype: 'APS2-NatGateway-Hours' }`. */
  attributes: Record<string, string>;
  /** USD per unit, as the API writes it, e.g. `'0.0590000000'`. */
  usd: string;
  unit: string;
  description: string;
}

/**
 * A `GetProducts` `PriceList` item in the documented Price List format (AWS Price List Query
 * API reference, GetProducts: "PriceList — the list of products that match your filters", each
 * a JSON string with `product` (`sku`, `productFamily`, `attributes`), `serviceCode` and
 * `terms.OnDemand.<sku>.<offerTermCode>.priceDimensions.<rateCode>` with `unit`,
 * `beginRange`, `endRange`, `description` and `pricePerUnit.USD`).
 *
 * @public
 */
export function priceListItem(spec: PriceListItemSpec): string {
  const term = `${spec.sku}.JRTCKXETXF`;
  return JSON.stringify({
    product: {
      productFamily: spec.productFamily,
      attributes: spec.attributes,
      sku: spec.sku,
    },
    serviceCode: spec.serviceCode,
    terms: {
      OnDemand: {
        [term]: {
          priceDimensions: {
            [`${term}.6YS6EN2CT7`]: {
              unit: spec.unit,
              endRange: 'Inf',
              description: spec.description,
              appliesTo: [],
              rateCode: `${term}.6YS6EN2CT7`,
              beginRange: '0',
              pricePerUnit: { USD: spec.usd },
            },
          },
          sku: spec.sku,
          effectiveDate: '2026-09-01T00:00:00Z',
          offerTermCode: 'JRTCKXETXF',
          termAttributes: {},
        },
      },
    },
    version: '20260901000000',
    publicationDate: '2026-09-01T00:00:00Z',
  });
}

/**
 * The body of a `GetProducts` answer for a request body: the items of `catalogue` in the
 * request's service whose attributes (and product family) equal every `TERM_MATCH` filter, as
 * the API filters.
 *
 * @public
 */
export function answerGetProducts(
  body: {
    ServiceCode: string;
    Filters?: Array<{ Field: string; Value: string }>;
  },
  catalogue: readonly string[],
): { FormatVersion: 'aws_v1'; PriceList: string[] } {
  const filters = body.Filters ?? [];
  const PriceList = catalogue.filter(item => {
    const { product, serviceCode } = JSON.parse(item);
    if (serviceCode !== body.ServiceCode) return false;
    const fields = {
      ...product.attributes,
      productFamily: product.productFamily,
    };
    return filters.every(filter => fields[filter.Field] === filter.Value);
  });
  return { FormatVersion: 'aws_v1', PriceList };
}

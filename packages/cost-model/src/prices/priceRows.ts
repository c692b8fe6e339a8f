import type { PriceListQuery, PricePoint, PriceRow } from './aws-prices';

/** Key of a price that holds in every region (global services, "same in all Regions"). */
export const ALL_REGIONS = '*';

/** Official AWS Price List row. */
export const pl = (usd: number): PricePoint => ({ usd, quality: 'list' });
/** Cost ÷ quantity from a real bill. */
export const drv = (usd: number): PricePoint => ({ usd, quality: 'derived' });
/** Third-party page, code constant or test fixture. */
export const sec = (usd: number): PricePoint => ({ usd, quality: 'secondary' });
/** No source found: an estimate. */
export const est = (usd: number): PricePoint => ({
  usd,
  quality: 'unconfirmed',
});

/** The bundled regions in the order of the six-region data tables. */
const SIX_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
] as const;

/**
 * USD in us-east-1, us-east-2, us-west-2, eu-west-1, eu-west-2, eu-central-1 (null: no price
 * in that region).
 *
 * @internal
 */
export type SixRegions = readonly [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/**
 * Secondary-quality prices by region from a six-region data row.
 *
 * @internal
 */
export function sixRegionPoints(usd: SixRegions): Record<string, PricePoint> {
  return Object.fromEntries(
    SIX_REGIONS.flatMap((region, i) => {
      const price = usd[i];
      return price === null ? [] : [[region, sec(price)]];
    }),
  );
}

/**
 * A row from its prices by region; `query` finds it in the Price List API for other regions.
 *
 * @internal
 */
export function priced(
  label: string,
  unit: string,
  source: string,
  regions: Readonly<Record<string, PricePoint>>,
  query?: PriceListQuery,
): PriceRow {
  return query
    ? { label, unit, source, regions, query }
    : { label, unit, source, regions };
}

/** A per-key row family: `key → row`, rows built from `usd` per region for each key. */
export function rowsByKey(
  keys: Readonly<Record<string, Readonly<Record<string, PricePoint>>>>,
  build: (
    key: string,
    regions: Readonly<Record<string, PricePoint>>,
  ) => PriceRow,
): Record<string, PriceRow> {
  return Object.fromEntries(
    Object.entries(keys).map(([key, regions]) => [key, build(key, regions)]),
  );
}

/**
 * `rows[key]`, or a row with no bundled price that the Price List API can still answer.
 *
 * @internal
 */
export function rowOrQuery(
  rows: Readonly<Record<string, PriceRow>>,
  key: string,
  label: string,
  unit: string,
  query: PriceListQuery,
): PriceRow {
  return rows[key] ?? priced(label, unit, 'AWS Price List API only', {}, query);
}

/**
 * A Price List query for the product whose `usagetype` (without its region prefix) is
 * `usagetype`, among those matching `filters`; `scale` converts its per-unit price to the row's
 * unit.
 *
 * @internal
 */
export function byUsageType(
  serviceCode: string,
  usagetype: string,
  filters: Readonly<Record<string, string>> = {},
  scale?: number,
): PriceListQuery {
  return scale === undefined
    ? { serviceCode, filters, usagetype }
    : { serviceCode, filters, usagetype, scale };
}

/**
 * `row` with `fallback` prices in the regions where it has none or only an unconfirmed
 * estimate (a sourced price replaces an estimate); the fallback's source is added when it
 * supplied a cell, followed by the regions it supplied when `nameRegions` is set and the row
 * had prices of its own.
 *
 * @internal
 */
export function withFallback(
  row: PriceRow,
  fallback: Readonly<Record<string, PricePoint>> | undefined,
  fallbackSource: string,
  nameRegions = false,
): PriceRow {
  if (!fallback) return row;
  const regions: Record<string, PricePoint> = { ...row.regions } as Record<
    string,
    PricePoint
  >;
  const used: string[] = [];
  for (const [region, point] of Object.entries(fallback)) {
    const own = regions[region];
    if (!own || own.quality === 'unconfirmed') {
      regions[region] = point;
      used.push(region);
    }
  }
  if (used.length === 0) return row;
  if (Object.keys(row.regions).length === 0)
    return { ...row, source: fallbackSource, regions };
  const supplied = nameRegions
    ? `${fallbackSource} (${used.join(', ')})`
    : fallbackSource;
  return { ...row, source: `${row.source}; ${supplied}`, regions };
}

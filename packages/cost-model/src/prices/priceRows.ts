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
 * supplied a cell.
 *
 * @internal
 */
export function withFallback(
  row: PriceRow,
  fallback: Readonly<Record<string, PricePoint>> | undefined,
  fallbackSource: string,
): PriceRow {
  if (!fallback) return row;
  const regions: Record<string, PricePoint> = { ...row.regions } as Record<
    string,
    PricePoint
  >;
  let used = false;
  for (const [region, point] of Object.entries(fallback)) {
    const own = regions[region];
    if (!own || own.quality === 'unconfirmed') {
      regions[region] = point;
      used = true;
    }
  }
  if (!used) return row;
  const source =
    Object.keys(row.regions).length === 0
      ? fallbackSource
      : `${row.source}; ${fallbackSource}`;
  return { ...row, source, regions };
}

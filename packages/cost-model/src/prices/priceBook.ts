import { PRICED_REGIONS, PriceQuality, PriceRow } from './aws-prices';
import { ALL_REGIONS } from './priceRows';
import { parseRegion } from './regions';

/**
 * A price from the table for one region.
 *
 * @public
 */
export interface PriceQuote {
  /** USD per unit. */
  readonly usd: number;
  /** How well it is sourced. */
  readonly quality: PriceQuality;
  /** Row label, e.g. `NAT gateway hour`. */
  readonly label: string;
  /** Unit, e.g. `h`. */
  readonly unit: string;
  /** Source keys. */
  readonly source: string;
  /** The row's caveat, if any. */
  readonly note?: string;
}

/**
 * Prices found outside the bundled table (the AWS Price List Query API), by row label, for the
 * estimate's region.
 *
 * @public
 */
export type PriceOverlay = ReadonlyMap<string, { usd: number; source: string }>;

/**
 * Checks that `region` is a commercial AWS region. Kept under its former name: regions beyond
 * {@link PRICED_REGIONS} are accepted and priced from an overlay or listed as unpriced.
 *
 * @throws Error naming the region
 * @public
 */
export function parsePricedRegion(region: unknown): string {
  return parseRegion(region);
}

/**
 * Whether the bundled table has prices for `region`.
 *
 * @public
 */
export function isBundledRegion(region: string): boolean {
  return (PRICED_REGIONS as readonly string[]).includes(region);
}

/**
 * The price of `row` in `region` (from `overlay` first, then the table), or the reason there is
 * none.
 *
 * @public
 */
export function quotePrice(
  row: PriceRow,
  region: string,
  overlay?: PriceOverlay,
): PriceQuote | string {
  const found = overlay?.get(row.label);
  if (found) {
    return {
      usd: found.usd,
      quality: 'list',
      label: row.label,
      unit: row.unit,
      source: found.source,
    };
  }
  const point = row.regions[region] ?? row.regions[ALL_REGIONS];
  if (!point) {
    return isBundledRegion(region)
      ? `no ${region} price for ${row.label} in the price table`
      : `no offline prices for ${region} (${row.label}); price it with the AWS Price List API (--pricing-api)`;
  }
  return {
    usd: point.usd,
    quality: point.quality,
    label: row.label,
    unit: row.unit,
    source: row.source,
    note: row.note,
  };
}

/**
 * Quotes prices for one estimate's region and remembers the rows it could not price that the
 * Price List API can answer, so a second pass can fetch them.
 *
 * @public
 */
export class PriceLookup {
  /** Rows without a price that have a Price List query, by label. */
  readonly wanted = new Map<string, PriceRow>();

  constructor(
    readonly region: string,
    private readonly overlay?: PriceOverlay,
  ) {}

  /** The price of `row`, or the reason there is none. */
  quote(row: PriceRow): PriceQuote | string {
    const quote = quotePrice(row, this.region, this.overlay);
    if (typeof quote === 'string' && row.query) this.wanted.set(row.label, row);
    return quote;
  }
}

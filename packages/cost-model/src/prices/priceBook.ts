import {
  PRICED_REGIONS,
  PriceQuality,
  PriceRow,
  PricedRegion,
} from './aws-prices';

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
 * Checks that the table has prices for `region`.
 *
 * @throws Error naming the region and the priced regions
 * @public
 */
export function parsePricedRegion(region: unknown): PricedRegion {
  if (!(PRICED_REGIONS as readonly unknown[]).includes(region)) {
    throw new Error(
      `Invalid region ${JSON.stringify(
        region,
      )}: the price table covers ${PRICED_REGIONS.join(', ')}`,
    );
  }
  return region as PricedRegion;
}

/**
 * The price of `row` in `region`, or the reason there is none.
 *
 * @public
 */
export function quotePrice(
  row: PriceRow,
  region: PricedRegion,
): PriceQuote | string {
  const point = row.regions[region];
  if (!point) return `no ${region} price for ${row.label} in the price table`;
  return {
    usd: point.usd,
    quality: point.quality,
    label: row.label,
    unit: row.unit,
    source: row.source,
    note: row.note,
  };
}

import { PriceRow } from '../prices/aws-prices';
import { PriceLookup } from '../prices/priceBook';
import { ComponentSpec, PricerResult } from './types';

/**
 * Collects the components of one resource's line; a price missing from the table becomes a
 * "missing" reason instead of a component.
 *
 * @public
 */
export class LineBuilder {
  private readonly components: ComponentSpec[] = [];
  private readonly missing: string[] = [];
  private readonly notes: string[] = [];

  constructor(private readonly prices: PriceLookup) {}

  /** A part billed per hour while running: `count` units every hour. */
  hourly(description: string, count: number, row: PriceRow): this {
    return this.add(description, count, row, true);
  }

  /** A part billed per month or by usage: `quantity` of the row's unit a month. */
  monthly(description: string, quantity: number, row: PriceRow): this {
    return this.add(description, quantity, row, false);
  }

  /** An assumption made for this resource. */
  note(text: string): this {
    this.notes.push(text);
    return this;
  }

  /** A part that cannot be priced, with the reason. */
  cannotPrice(reason: string): this {
    this.missing.push(reason);
    return this;
  }

  /** The result. */
  build(): PricerResult {
    return {
      components: this.components,
      missing: this.missing,
      notes: this.notes,
    };
  }

  private add(
    description: string,
    quantity: number,
    row: PriceRow,
    hourly: boolean,
  ): this {
    const quote = this.prices.quote(row);
    if (typeof quote === 'string') {
      this.missing.push(quote);
    } else {
      this.components.push({ description, quantity, hourly, quote });
      if (quote.note) this.notes.push(quote.note);
    }
    return this;
  }
}

/**
 * The result for a resource that costs nothing.
 *
 * @param basis - why, e.g. `no charge` or `no charge (billed through the service that runs it)`
 * @public
 */
export function noCharge(basis = 'no charge'): PricerResult {
  return { components: [], missing: [], notes: [], freeBasis: basis };
}

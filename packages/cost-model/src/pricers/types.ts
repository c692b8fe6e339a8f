import { PriceLookup, PriceQuote } from '../prices/priceBook';
import {
  ResolvedResource,
  ResolvedTemplate,
} from '../template/resolveTemplate';
import { UsageTracker } from '../usage/UsageTracker';

/**
 * One billed part a pricer found, before hours and totals are applied.
 *
 * @public
 */
export interface ComponentSpec {
  /** What is billed, e.g. `NAT gateway`. */
  readonly description: string;
  /** Count per hour (hourly) or quantity per month, in the price's unit. */
  readonly quantity: number;
  /** Whether it is billed per hour while running, so a shutdown schedule reduces it. */
  readonly hourly: boolean;
  /** The price. */
  readonly quote: PriceQuote;
}

/**
 * What a pricer says about one resource.
 *
 * @public
 */
export interface PricerResult {
  /** Billed parts. */
  readonly components: readonly ComponentSpec[];
  /** Parts it could not price, with the reason. */
  readonly missing: readonly string[];
  /** Assumptions it made. */
  readonly notes: readonly string[];
  /** For a free resource: why it costs nothing, e.g. `no charge`. */
  readonly freeBasis?: string;
}

/**
 * What a pricer may consult.
 *
 * @public
 */
export interface PricingContext {
  /** The region priced. */
  readonly region: string;
  /** Prices for the region (the table, or Price List API prices given to the estimate). */
  readonly prices: PriceLookup;
  /** Usage assumptions; reading one records it for the estimate's assumptions. */
  readonly usage: UsageTracker;
  /** The whole resolved template, to follow references. */
  readonly template: ResolvedTemplate;
  /** Hours a month hourly-billed components are billed for: 730, or fewer under a schedule. */
  readonly runningHours: number;
  /** Whether a shutdown schedule sets `runningHours`. */
  readonly scheduled: boolean;
}

/**
 * Prices one resource type (or family).
 *
 * @public
 */
export type Pricer = (
  resource: ResolvedResource,
  context: PricingContext,
) => PricerResult;

/**
 * Thrown by a pricer when a property it needs cannot be read; the estimate lists the resource
 * as unpriced with the message.
 *
 * @public
 */
export class CannotPrice extends Error {}

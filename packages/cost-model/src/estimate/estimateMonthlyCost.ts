import { roundCents } from '../format';
import { pricerFor } from '../pricers';
import { CannotPrice, PricerResult, PricingContext } from '../pricers/types';
import { AWS_PRICES, PriceRow } from '../prices/aws-prices';
import { PriceLookup, isBundledRegion } from '../prices/priceBook';
import { parseRegion } from '../prices/regions';
import { runningHoursPerMonth } from '../schedule/runningHours';
import {
  CloudFormationTemplate,
  parseTemplate,
} from '../template/parseTemplate';
import { expandSam } from '../template/expandSam';
import { ResolvedResource, resolveTemplate } from '../template/resolveTemplate';
import {
  CostEstimate,
  CostLine,
  Currency,
  EstimateOptions,
  UnpricedResource,
} from '../types';
import { UsageTracker } from '../usage/UsageTracker';
import {
  generalAssumptions,
  scheduleAssumption,
  unconfirmedPriceAssumptions,
} from './assumptions';
import { buildLine, hourlySavingUsd } from './buildLine';
import { parseExchangeRate } from '../parseExchangeRate';

function parseCurrency(value: unknown): Currency {
  if (value !== 'USD' && value !== 'GBP') {
    throw new Error(
      `Invalid currency ${JSON.stringify(value)}: expected USD or GBP`,
    );
  }
  return value;
}

function priceResource(
  resource: ResolvedResource,
  context: PricingContext,
): PricerResult {
  const pricer = pricerFor(resource.type);
  if (!pricer) {
    return {
      components: [],
      missing: [`${resource.type} is not in the price table`],
      notes: [],
    };
  }
  try {
    return pricer(resource, context);
  } catch (error) {
    const message =
      error instanceof CannotPrice
        ? error.message
        : `pricing failed: ${(error as Error).message}`;
    return { components: [], missing: [message], notes: [] };
  }
}

/**
 * {@link estimateMonthlyCost}, also returning the price-table rows it found no price for that
 * the Price List API could answer.
 *
 * @internal
 */
export function estimateWithLookup(
  template: string | object | CloudFormationTemplate,
  options: EstimateOptions,
): { estimate: CostEstimate; wanted: PriceRow[] } {
  const region = parseRegion(options?.region);
  const currency = parseCurrency(options.currency ?? 'USD');
  const exchangeRate =
    currency === 'GBP'
      ? parseExchangeRate(options.exchangeRate ?? AWS_PRICES.usdToGbp)
      : 1;
  const usage = new UsageTracker(options.usage, region);
  const schedule = options.schedule
    ? runningHoursPerMonth(options.schedule)
    : undefined;
  const fullHours = AWS_PRICES.hoursPerMonth;
  const hours = schedule?.hoursRunning ?? fullHours;
  const sam = expandSam(parseTemplate(template));
  const resolved = resolveTemplate(sam.template, region, options.parameters);
  const prices = new PriceLookup(region, options.prices);
  const context: PricingContext = {
    region,
    prices,
    usage,
    template: resolved,
    runningHours: hours,
    scheduled: schedule !== undefined,
  };

  const lines: CostLine[] = [];
  const unpriced: UnpricedResource[] = [];
  const notes: string[] = [];
  let savingUsd = 0;
  for (const resource of resolved.resources) {
    const result = priceResource(resource, context);
    const line = buildLine(resource, result, hours, exchangeRate);
    if (line) lines.push(line);
    savingUsd += hourlySavingUsd(result, hours, fullHours);
    for (const reason of result.missing) {
      unpriced.push({
        logicalId: resource.logicalId,
        type: resource.type,
        reason,
      });
    }
    notes.push(...result.notes.map(note => `${resource.logicalId}: ${note}.`));
  }

  const estimate: CostEstimate = {
    region,
    currency,
    exchangeRate,
    total: roundCents(lines.reduce((sum, line) => sum + line.monthly, 0)),
    totalUsd: roundCents(lines.reduce((sum, line) => sum + line.monthlyUsd, 0)),
    lines,
    unpriced,
    complete: unpriced.length === 0,
    assumptions: [
      ...generalAssumptions(region, currency, exchangeRate),
      ...(isBundledRegion(region) || options.prices
        ? []
        : [
            `${region} is not in the bundled price table: its resources are unpriced unless Price List API prices are given (stageline-cost --pricing-api, or the backend with AWS credentials).`,
          ]),
      ...(schedule ? [scheduleAssumption(schedule)] : []),
      ...usage.describeUsed().map(text => `Usage: ${text}.`),
      ...unconfirmedPriceAssumptions(lines, region),
      ...[...sam.notes, ...resolved.notes].map(note => `Template: ${note}.`),
      ...notes,
    ],
    ...(schedule
      ? {
          savings: {
            monthly: roundCents(savingUsd * exchangeRate),
            hoursRunning: schedule.hoursRunning,
            hoursPerMonth: fullHours,
          },
        }
      : {}),
  };
  return { estimate, wanted: [...prices.wanted.values()] };
}

/**
 * Estimates the monthly cost of a CloudFormation template from the offline price table.
 * Takes any template (object, JSON or YAML with short-form intrinsics), resolves what it can,
 * and returns one line per resource with the sum in words, the resources it could not price
 * with the reason (never a silent 0), and every assumption made. A shutdown schedule reduces
 * the hours of hourly-billed items and the saving is reported.
 *
 * @example
 * ```ts
 * const estimate = estimateMonthlyCost(template, {
 *   region: 'eu-west-2', currency: 'GBP', schedule: { shutdown: '0 18 * * 1-5' },
 * });
 * estimate.total; // £ a month
 * ```
 * @throws Error naming a bad option (region, currency, exchangeRate, schedule, usage) or a
 *   template that does not parse
 * @public
 */
export function estimateMonthlyCost(
  template: string | object | CloudFormationTemplate,
  options: EstimateOptions,
): CostEstimate {
  return estimateWithLookup(template, options).estimate;
}

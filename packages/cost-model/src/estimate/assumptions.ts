import { formatUnitPrice } from '../format';
import {
  RunningHours,
  SCHEDULE_REFERENCE_YEAR,
} from '../schedule/runningHours';
import { CostLine, Currency } from '../types';

/**
 * What every estimate assumes, in words.
 *
 * @internal
 */
export function generalAssumptions(
  region: string,
  currency: Currency,
  exchangeRate: number,
): string[] {
  return [
    `Prices: on-demand list prices in USD for ${region} (Linux, no Reserved Instances or Savings Plans, VAT excluded) from the package price table; 730 hours a month.`,
    ...(currency === 'GBP' ? [`Converted at £${exchangeRate} per $1.`] : []),
    'Always-free allowances (Lambda 1M requests and 400k GB-s, CloudWatch 10 alarms, 3 dashboards and 5 GB of logs, CloudFront 1 TB and 10M requests, ...) are not deducted: they belong to the account and are shared by every stack in it. No 12-month free tier.',
    'Data transfer out to the internet (other than through CloudFront) and between zones is not priced.',
  ];
}

/**
 * The schedule assumption, in words.
 *
 * @internal
 */
export function scheduleAssumption(schedule: RunningHours): string {
  const startup = schedule.startupAssumed
    ? `startup "${schedule.startup}" (assumed: weekdays 08:00 UTC)`
    : `startup "${schedule.startup}"`;
  return (
    `Schedule (UTC): shutdown "${schedule.shutdown}", ${startup}: running ${schedule.hoursRunning} h of ${schedule.hoursPerMonth} h a month, ` +
    `averaged over the calendar year ${SCHEDULE_REFERENCE_YEAR}. Hourly-billed items use ${schedule.hoursRunning} h; storage, per-month items and usage are not reduced.`
  );
}

/**
 * One assumption per unconfirmed price used.
 *
 * @internal
 */
export function unconfirmedPriceAssumptions(
  lines: readonly CostLine[],
  region: string,
): string[] {
  const seen = new Set<string>();
  for (const line of lines) {
    for (const component of line.components) {
      if (component.estimate) {
        seen.add(
          `Estimated price (unconfirmed in the price table): ${
            component.priceSource
          } in ${region} at ${formatUnitPrice(component.unitPriceUsd)}/${
            component.unit
          }.`,
        );
      }
    }
  }
  return [...seen];
}

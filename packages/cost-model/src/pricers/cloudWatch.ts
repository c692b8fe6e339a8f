import { formatQuantity } from '../format';
import { AWS_PRICES } from '../prices/aws-prices';
import { LineBuilder } from './LineBuilder';
import { objectProperty, optionalNumber, optionalString } from './properties';
import { Pricer } from './types';

/** Days in an average month (730 h ÷ 24). */
const DAYS_PER_MONTH = AWS_PRICES.hoursPerMonth / 24;
/** Months of logs held when retention is longer or never expires. */
const MAX_MONTHS_HELD = 12;

/**
 * `AWS::CloudWatch::Alarm`: one standard-resolution alarm metric a month, or one per metric of
 * a metric-math alarm. High-resolution alarms are not in the price table.
 *
 * @internal
 */
export const alarmPricer: Pricer = (resource, context) => {
  const { properties } = resource;
  const line = new LineBuilder(context.prices);
  const stats = (Array.isArray(properties.Metrics) ? properties.Metrics : [])
    .map(metric => objectProperty({ metric }, 'metric'))
    .map(metric => objectProperty(metric, 'MetricStat'))
    .filter(stat => Object.keys(stat).length > 0);
  const periods = [
    optionalNumber(properties, 'Period'),
    ...stats.map(stat => optionalNumber(stat, 'Period')),
  ];
  if (periods.some(period => period !== undefined && period < 60)) {
    return line
      .cannotPrice('high-resolution alarm prices are not in the price table')
      .build();
  }
  const count = stats.length || 1;
  return line
    .monthly('alarm metric', count, AWS_PRICES.cloudWatch.alarmMonth)
    .build();
};

/**
 * `AWS::CloudWatch::Dashboard`: one dashboard a month.
 *
 * @internal
 */
export const dashboardPricer: Pricer = (_resource, context) =>
  new LineBuilder(context.prices)
    .monthly('dashboard', 1, AWS_PRICES.cloudWatch.dashboardMonth)
    .build();

/**
 * `AWS::Logs::LogGroup`: the assumed ingestion a month, and the logs held for the retention
 * (at most 12 months). The Infrequent Access class is not in the price table.
 *
 * @internal
 */
export const logGroupPricer: Pricer = (resource, context) => {
  const line = new LineBuilder(context.prices);
  const logClass =
    optionalString(resource.properties, 'LogGroupClass') ?? 'STANDARD';
  if (logClass !== 'STANDARD') {
    return line
      .cannotPrice(`${logClass} log class prices are not in the price table`)
      .build();
  }
  const retentionDays = optionalNumber(resource.properties, 'RetentionInDays');
  const monthsHeld = Math.min(
    retentionDays === undefined
      ? MAX_MONTHS_HELD
      : retentionDays / DAYS_PER_MONTH,
    MAX_MONTHS_HELD,
  );
  const ingest = context.usage.get('logIngestGbPerMonth');
  return line
    .monthly('GB ingested', ingest, AWS_PRICES.cloudWatch.logsIngestGb)
    .monthly(
      `GB-mo stored (${formatQuantity(ingest)} GB × ${formatQuantity(
        monthsHeld,
      )} months held, retention ${retentionDays ?? 'never expires'}${
        retentionDays === undefined ? '' : ' days'
      })`,
      ingest * monthsHeld,
      AWS_PRICES.cloudWatch.logsStorageGbMonth,
    )
    .build();
};

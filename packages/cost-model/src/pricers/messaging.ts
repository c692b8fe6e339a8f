import { noCharge } from './LineBuilder';
import { Pricer } from './types';

/**
 * A request-billed messaging resource (SNS topic, SQS queue): it costs nothing by itself and
 * its requests are billed per million beyond the always-free 1M a month. The price table has
 * no SNS or SQS request prices, so the line is 0 on the stated assumption that the requests
 * stay within that free tier (alarm topics and small queues do); the estimate lists the
 * assumption.
 */
function withinRequestFreeTier(service: string): Pricer {
  return () => ({
    ...noCharge(
      `within the free tier of 1M requests/month (assumed; ${service} request prices are not in the price table)`,
    ),
    notes: [
      `${service} requests assumed within the always-free 1M a month (unlike other free allowances this one is counted, because ${service} request prices are not in the price table); requests beyond it are billed and not estimated`,
    ],
  });
}

/**
 * `AWS::SNS::Topic`: 0, requests assumed within the free tier (see the assumption).
 *
 * @internal
 */
export const snsTopicPricer = withinRequestFreeTier('SNS');

/**
 * `AWS::SQS::Queue`: 0, requests assumed within the free tier (see the assumption).
 *
 * @internal
 */
export const sqsQueuePricer = withinRequestFreeTier('SQS');

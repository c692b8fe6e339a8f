import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * One alarm an environment part asks for; `EnvironmentMonitoring` creates it and graphs its
 * metric on the dashboard.
 *
 * @public
 */
export interface AlarmSpec {
  /** Construct id, e.g. `ApiErrors`. */
  readonly id: string;
  /** What firing means, shown in the alarm description. */
  readonly description: string;
  /** The metric, with its period and statistic. */
  readonly metric: cloudwatch.IMetric;
  /** The alarm fires at or above this value. */
  readonly threshold: number;
  /** Consecutive periods at or above the threshold before it fires. */
  readonly evaluationPeriods: number;
}

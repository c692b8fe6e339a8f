import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { AlarmSpec } from './AlarmSpec';

/**
 * Props of {@link EnvironmentMonitoring}.
 *
 * @public
 */
export interface EnvironmentMonitoringProps {
  /** The alarms the parts of the environment ask for. */
  readonly specs: readonly AlarmSpec[];
  /** Whether to create the alarms and their SNS topic. */
  readonly alarms: boolean;
  /**
   * Whether to create a dashboard: one alarm widget per alarm (its metric, threshold and state),
   * or without alarms one graph per spec with the threshold drawn.
   */
  readonly dashboard: boolean;
  /** Dashboard name, e.g. the stack name. */
  readonly dashboardName: string;
  /**
   * Address subscribed to the alarm topic.
   * @defaultValue - no subscription
   */
  readonly alarmEmail?: string;
}

/**
 * CloudWatch alarms (sent to an SNS topic) and a dashboard for an environment. The dashboard
 * graphs each alarm with an alarm widget, which draws the metric, the threshold and the alarm
 * state at once (no separate status or metric widgets: the template must stay small enough to
 * deploy inline).
 *
 * @public
 */
export class EnvironmentMonitoring extends Construct {
  /** The alarm topic, when alarms are on. */
  readonly topic?: sns.Topic;
  /** The alarms, in the order of the specs. */
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: EnvironmentMonitoringProps) {
    super(scope, id);
    if (props.alarms) {
      const topic = new sns.Topic(this, 'AlarmTopic');
      if (props.alarmEmail) {
        topic.addSubscription(
          new subscriptions.EmailSubscription(props.alarmEmail),
        );
      }
      for (const spec of props.specs) {
        const alarm = new cloudwatch.Alarm(this, spec.id, {
          alarmDescription: spec.description,
          metric: spec.metric,
          threshold: spec.threshold,
          evaluationPeriods: spec.evaluationPeriods,
          comparisonOperator:
            cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
        alarm.addAlarmAction(new actions.SnsAction(topic));
        this.alarms.push(alarm);
      }
      this.topic = topic;
    }
    if (props.dashboard) {
      const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
        dashboardName: props.dashboardName,
      });
      dashboard.addWidgets(
        ...(this.alarms.length > 0
          ? this.alarms.map(
              (alarm, index) =>
                new cloudwatch.AlarmWidget({
                  title: props.specs[index].description,
                  alarm,
                  width: 12,
                }),
            )
          : props.specs.map(
              spec =>
                new cloudwatch.GraphWidget({
                  title: spec.description,
                  left: [spec.metric],
                  leftAnnotations: [
                    { value: spec.threshold, label: 'alarm threshold' },
                  ],
                  width: 12,
                }),
            )),
      );
    }
  }
}

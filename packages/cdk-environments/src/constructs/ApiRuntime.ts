import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MonitoringProfile } from '../profiles';
import { AlarmSpec } from './AlarmSpec';
import { EnvironmentContext } from './EnvironmentContext';

/**
 * Props every API runtime takes.
 *
 * @public
 */
export interface ApiRuntimeProps {
  /** The environment. */
  readonly context: EnvironmentContext;
  /** Log retention and detailed monitoring from the scale profile. */
  readonly monitoring: MonitoringProfile;
  /**
   * Extra environment variables (database and cache endpoints, secret names).
   * @defaultValue - none beyond the runtime environment
   */
  readonly environment?: Record<string, string>;
}

/**
 * What the stack needs from the API, whatever runs it.
 *
 * @public
 */
export interface ApiRuntime extends iam.IGrantable {
  /** Base URL of the API. */
  readonly url: string;
  /** Alarms the API asks for. */
  readonly alarmSpecs: AlarmSpec[];
  /** Network identity, when the API runs in a VPC. */
  readonly connections?: ec2.Connections;
}

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';
import { RdsDatabaseProfile } from '../profiles';
import { AlarmSpec } from './AlarmSpec';

/**
 * Props of {@link PostgresDatabase}.
 *
 * @public
 */
export interface PostgresDatabaseProps {
  /** Database settings from the scale profile. */
  readonly profile: RdsDatabaseProfile;
  /** The VPC; the instance goes in its isolated subnets. */
  readonly vpc: ec2.IVpc;
  /** Name of the generated credentials secret, e.g. `/macro-ai/production/database-credentials`. */
  readonly credentialsSecretName: string;
  /** What happens to the instance when the stack is deleted. */
  readonly removalPolicy: RemovalPolicy;
  /** Whether Enhanced Monitoring (60 s) is on. */
  readonly enhancedMonitoring: boolean;
}

/**
 * RDS for PostgreSQL 16 in isolated subnets, encrypted, with generated credentials in Secrets
 * Manager. Multi-AZ, backups, deletion protection and Performance Insights follow the profile.
 *
 * @public
 */
export class PostgresDatabase extends Construct {
  /** The instance. */
  readonly instance: rds.DatabaseInstance;
  /** Alarms this part asks for: too many connections. */
  readonly alarmSpecs: AlarmSpec[];

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    const { profile } = props;
    this.instance = new rds.DatabaseInstance(this, 'Instance', {
      engine: rds.DatabaseInstanceEngine.postgres({
        version: rds.PostgresEngineVersion.VER_16,
      }),
      instanceType: new ec2.InstanceType(
        profile.instanceClass.replace(/^db\./, ''),
      ),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      credentials: rds.Credentials.fromGeneratedSecret('stageline', {
        secretName: props.credentialsSecretName,
      }),
      multiAz: profile.multiAz,
      allocatedStorage: profile.allocatedStorageGiB,
      storageType:
        profile.storageType === 'gp3'
          ? rds.StorageType.GP3
          : rds.StorageType.GP2,
      storageEncrypted: true,
      backupRetention: Duration.days(profile.backupRetentionDays),
      deletionProtection: profile.deletionProtection,
      enablePerformanceInsights: profile.performanceInsights,
      monitoringInterval: props.enhancedMonitoring
        ? Duration.seconds(60)
        : undefined,
      removalPolicy: props.removalPolicy,
    });
    this.alarmSpecs = [
      {
        id: 'DatabaseConnections',
        description: `The database has ${profile.connectionsAlarmThreshold} or more connections`,
        metric: this.instance.metricDatabaseConnections({
          period: Duration.minutes(5),
        }),
        threshold: profile.connectionsAlarmThreshold,
        evaluationPeriods: 2,
      },
    ];
  }
}

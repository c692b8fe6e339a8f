import {
  DescribeServicesCommand,
  ECSClient,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  StartDBInstanceCommand,
  StopDBClusterCommand,
  StopDBInstanceCommand,
} from '@aws-sdk/client-rds';
import { setupServer } from 'msw/node';
import { AwsStandIn, DEPLOYER_KEYS, REGION } from './AwsStandIn';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const config = { region: REGION, credentials: DEPLOYER_KEYS };

/**
 * ECS services and RDS databases against the real SDK clients, as the Amazon ECS API Reference
 * (DescribeServices, UpdateService) and the Amazon RDS API Reference (DescribeDBInstances,
 * StopDBInstance, StartDBInstance, StopDBCluster, DescribeDBClusters; InvalidDBInstanceState)
 * describe them.
 */
describe('ECS and RDS', () => {
  it('scales an ECS service to zero and back', async () => {
    expect(new AwsStandIn(server).ecs().services.size).toBe(0);
    const ecs = new ECSClient(config);
    const arn =
      'arn:aws:ecs:eu-west-2:123456789012:service/MacroAiStagingStack-Cluster/Api';
    const before = await ecs.send(
      new DescribeServicesCommand({ services: [arn] }),
    );
    expect(before.services?.[0]).toMatchObject({
      serviceName: 'Api',
      desiredCount: 1,
      status: 'ACTIVE',
    });
    await ecs.send(new UpdateServiceCommand({ service: arn, desiredCount: 0 }));
    const after = await ecs.send(
      new DescribeServicesCommand({ services: [arn] }),
    );
    expect(after.services?.[0]).toMatchObject({
      desiredCount: 0,
      runningCount: 0,
    });
  });

  it('stops and starts a DB instance, keeping its data, and refuses a stop of a stopped one', async () => {
    const aws = new AwsStandIn(server);
    aws.rds().database('macro-ai-db').data.orders = '42 rows';
    const rds = new RDSClient(config);
    const status = async () =>
      (
        await rds.send(
          new DescribeDBInstancesCommand({
            DBInstanceIdentifier: 'macro-ai-db',
          }),
        )
      ).DBInstances?.[0]?.DBInstanceStatus;
    const stopped = await rds.send(
      new StopDBInstanceCommand({ DBInstanceIdentifier: 'macro-ai-db' }),
    );
    expect(stopped.DBInstance?.DBInstanceStatus).toBe('stopping');
    expect(await status()).toBe('stopped');
    await expect(
      rds.send(
        new StopDBInstanceCommand({ DBInstanceIdentifier: 'macro-ai-db' }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidDBInstanceStateFault' });
    await rds.send(
      new StartDBInstanceCommand({ DBInstanceIdentifier: 'macro-ai-db' }),
    );
    expect(await status()).toBe('available');
    expect(aws.rds().database('macro-ai-db').data).toEqual({
      orders: '42 rows',
    });
  });

  it('stops an Aurora cluster', async () => {
    expect(new AwsStandIn(server).rds().clusters.size).toBe(0);
    const rds = new RDSClient(config);
    await rds.send(
      new StopDBClusterCommand({ DBClusterIdentifier: 'macro-ai-aurora' }),
    );
    const { DBClusters } = await rds.send(
      new DescribeDBClustersCommand({ DBClusterIdentifier: 'macro-ai-aurora' }),
    );
    expect(DBClusters?.[0]).toMatchObject({
      DBClusterIdentifier: 'macro-ai-aurora',
      Status: 'stopped',
    });
  });
});

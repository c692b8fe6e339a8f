import { NamedList, QueryError } from './queryProtocol';

/** An RDS DB instance or Aurora cluster, and the data it holds (what must survive a stop). */
export interface StandInDatabase {
  identifier: string;
  arn: string;
  status: 'available' | 'stopping' | 'stopped' | 'starting';
  /** The rows a test writes, to check they are still there after a shutdown and a startup. */
  data: Record<string, string>;
}

type Params = Record<string, any>;

const notFound = (kind: 'DBInstance' | 'DBCluster', id: string) =>
  new QueryError(
    `${kind}NotFound${kind === 'DBCluster' ? 'Fault' : ''}`,
    `${kind} ${id} not found.`,
    404,
  );

/**
 * Amazon RDS DB instances and Aurora clusters of an account and region (query protocol):
 * `DescribeDBInstances`, `StopDBInstance`, `StartDBInstance`, `DescribeDBClusters`,
 * `StopDBCluster`, `StartDBCluster`, as the Amazon RDS API Reference describes them — a stop is
 * `stopping` until the next look, then `stopped`; a start `starting`, then `available`; stopping
 * one that is not available, or starting one that is not stopped, is `InvalidDBInstanceState`
 * (`InvalidDBClusterStateFault`). A database a stack created exists from its first mention
 * (the stack resource's physical id), available. Its data stays through stops and starts.
 */
export class RdsFake {
  readonly instances = new Map<string, StandInDatabase>();
  readonly clusters = new Map<string, StandInDatabase>();

  constructor(readonly region: string, readonly account: string) {}

  /** The DB instance (or, with `cluster`, the Aurora cluster) of that identifier. */
  database(identifier: string, cluster = false): StandInDatabase {
    const databases = cluster ? this.clusters : this.instances;
    let database = databases.get(identifier);
    if (!database) {
      database = {
        identifier,
        arn: `arn:aws:rds:${this.region}:${this.account}:${
          cluster ? 'cluster' : 'db'
        }:${identifier}`,
        status: 'available',
        data: {},
      };
      databases.set(identifier, database);
    }
    return database;
  }

  handle(action: string, params: Params): unknown {
    const cluster =
      action.endsWith('DBCluster') || action.endsWith('DBClusters');
    const kind = cluster ? 'DBCluster' : 'DBInstance';
    const id: string | undefined = params[`${kind}Identifier`];
    switch (action) {
      case 'DescribeDBInstances':
      case 'DescribeDBClusters': {
        const databases = id
          ? [this.#existing(id, cluster)]
          : [...(cluster ? this.clusters : this.instances).values()];
        for (const database of databases) this.#settle(database);
        return {
          [`${kind}s`]: new NamedList(
            kind,
            databases.map(d => this.#xml(d, cluster)),
          ),
        };
      }
      case 'StopDBInstance':
      case 'StopDBCluster': {
        const database = this.#existing(id!, cluster);
        this.#settle(database);
        if (database.status !== 'available')
          throw this.#state(database, cluster, 'available');
        database.status = 'stopping';
        return { [kind]: this.#xml(database, cluster) };
      }
      case 'StartDBInstance':
      case 'StartDBCluster': {
        const database = this.#existing(id!, cluster);
        this.#settle(database);
        if (database.status !== 'stopped')
          throw this.#state(database, cluster, 'stopped');
        database.status = 'starting';
        return { [kind]: this.#xml(database, cluster) };
      }
      default:
        throw new QueryError(
          'InvalidAction',
          `Could not find operation ${action} for version 2014-10-31`,
        );
    }
  }

  #existing(id: string, cluster: boolean): StandInDatabase {
    if (!id) throw notFound(cluster ? 'DBCluster' : 'DBInstance', '(none)');
    return this.database(id, cluster);
  }

  /** A stop or start in progress ends at the next look. */
  #settle(database: StandInDatabase) {
    if (database.status === 'stopping') database.status = 'stopped';
    else if (database.status === 'starting') database.status = 'available';
  }

  #state(database: StandInDatabase, cluster: boolean, expected: string) {
    return cluster
      ? new QueryError(
          'InvalidDBClusterStateFault',
          `DbCluster ${database.identifier} is in ${database.status} state but expected it to be one of ${expected}.`,
        )
      : new QueryError(
          'InvalidDBInstanceState',
          `Instance ${database.identifier} is not in ${expected} state.`,
        );
  }

  #xml(database: StandInDatabase, cluster: boolean) {
    return cluster
      ? {
          DBClusterIdentifier: database.identifier,
          DBClusterArn: database.arn,
          Status: database.status,
          Engine: 'aurora-postgresql',
        }
      : {
          DBInstanceIdentifier: database.identifier,
          DBInstanceArn: database.arn,
          DBInstanceStatus: database.status,
          Engine: 'postgres',
        };
  }
}

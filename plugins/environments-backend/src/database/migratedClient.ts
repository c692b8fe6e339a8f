import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

const migrated = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * Two replicas starting at once race for knex's migration tables (created without `if not
 * exists`) and its migration lock (taken without waiting): the loser fails with "already exists",
 * PostgreSQL's duplicate key in `pg_type` or `pg_class` (both creating the table at once) or
 * `MigrationLocked`, and tries again once the winner is done.
 */
function isMigrationRace(error: unknown): boolean {
  return (
    (error as Error)?.name === 'MigrationLocked' ||
    /knex_migrations(_lock)?.*already exists|duplicate key value.*(pg_type|pg_class_relname)|Migration table is already locked/i.test(
      String((error as Error)?.message ?? error),
    )
  );
}

async function migrate(database: DatabaseService): Promise<Knex> {
  const knex = await database.getClient();
  if (database.migrations?.skip) return knex;
  const directory = resolvePackagePath(
    '@stageline/plugin-environments-backend',
    'migrations',
  );
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({ directory });
      return knex;
    } catch (error) {
      if (attempt >= 10 || !isMigrationRace(error)) throw error;
      // The other replica holds the migration lock now; the next attempt waits for it.
      await sleep(200 * attempt);
    }
  }
}

/**
 * The plugin's database client with its migrations applied, once per database service however
 * many stores ask, and safely when several replicas start on an empty database at once.
 */
export function migratedClient(database: DatabaseService): Promise<Knex> {
  let client = migrated.get(database);
  if (!client) {
    client = migrate(database);
    migrated.set(database, client);
  }
  return client;
}

import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { DiscoveredStack } from './listStacks';

const TABLE = 'stageline_discovered_stacks';

/**
 * The stacks discovery last found, kept in the catalog's database (its own migrations table,
 * `stageline_environments_knex_migrations`, next to the catalog's), so the Environment
 * processor on any replica can fill declared Environments' gaps from them.
 *
 * @public
 */
export class DiscoveredStackStore {
  static async create(
    database: DatabaseService,
  ): Promise<DiscoveredStackStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@stageline/plugin-catalog-backend-module-environments',
          'migrations',
        ),
        tableName: 'stageline_environments_knex_migrations',
      });
    }
    return new DiscoveredStackStore(knex);
  }

  constructor(private readonly knex: Knex) {}

  /** Replaces what an account and region hold with what was found there now. */
  async replace(
    accountId: string,
    region: string,
    stacks: DiscoveredStack[],
  ): Promise<void> {
    await this.knex.transaction(async tx => {
      await tx(TABLE).where({ account_id: accountId, region }).delete();
      for (const stack of stacks) {
        await tx(TABLE).insert({
          stack_id: stack.stackId,
          stack_name: stack.stackName,
          account_id: accountId,
          region,
          stack: JSON.stringify(stack),
        });
      }
    });
  }

  /** The discovered stacks of that name, in the region and account when given. */
  async find(query: {
    stackName: string;
    region?: string;
    accountId?: string;
  }): Promise<DiscoveredStack[]> {
    const rows: Array<{ stack: string }> = await this.knex(TABLE)
      .where({
        stack_name: query.stackName,
        ...(query.region ? { region: query.region } : {}),
        ...(query.accountId ? { account_id: query.accountId } : {}),
      })
      .select('stack');
    return rows.map(row => JSON.parse(row.stack) as DiscoveredStack);
  }
}

import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { priceListQueryKey, type PriceListQuery } from '@stageline/cost-model';
import { migratedClient } from '../database/migratedClient';

const TABLE = 'environment_price_list_prices';

/** One cached Price List answer: a price, or `usd: undefined` when the API had none. */
export interface CachedPrice {
  region: string;
  query: PriceListQuery;
  label: string;
  usd?: number;
  source?: string;
  fetchedAt: Date;
}

interface PriceRecord {
  region: string;
  query_key: string;
  query: string;
  label: string;
  usd: number | string | null;
  source: string | null;
  fetched_at: Date | string | number;
}

/** The cache key of a query: a hash, as the canonical JSON can be long. */
export function queryHash(query: PriceListQuery): string {
  return createHash('sha256').update(priceListQueryKey(query)).digest('hex');
}

function toCachedPrice(record: PriceRecord): CachedPrice {
  return {
    region: record.region,
    query: JSON.parse(record.query) as PriceListQuery,
    label: record.label,
    usd: record.usd === null ? undefined : Number(record.usd),
    source: record.source ?? undefined,
    fetchedAt: new Date(record.fetched_at),
  };
}

/** Price List API answers by region and query, in the plugin's database. */
export class PriceListStore {
  static async create(database: DatabaseService): Promise<PriceListStore> {
    return new PriceListStore(await migratedClient(database));
  }

  constructor(private readonly knex: Knex) {}

  /** The cached answers for `queries` in `region`, by query hash. */
  async find(
    region: string,
    queries: readonly PriceListQuery[],
  ): Promise<Map<string, CachedPrice>> {
    const keys = [...new Set(queries.map(queryHash))];
    if (keys.length === 0) return new Map();
    const records: PriceRecord[] = await this.knex(TABLE)
      .where({ region })
      .whereIn('query_key', keys);
    return new Map(
      records.map(record => [record.query_key, toCachedPrice(record)]),
    );
  }

  /** Stores answers, replacing earlier ones for the same region and query. */
  async save(prices: readonly CachedPrice[]): Promise<void> {
    if (prices.length === 0) return;
    const records: PriceRecord[] = prices.map(price => ({
      region: price.region,
      query_key: queryHash(price.query),
      query: JSON.stringify(price.query),
      label: price.label,
      usd: price.usd ?? null,
      source: price.source ?? null,
      fetched_at: price.fetchedAt,
    }));
    await this.knex(TABLE)
      .insert(records)
      .onConflict(['region', 'query_key'])
      .merge(['usd', 'source', 'fetched_at', 'label', 'query']);
  }

  /** Every cached answer, oldest first, for the scheduled refresh. */
  async all(): Promise<CachedPrice[]> {
    const records: PriceRecord[] = await this.knex(TABLE).orderBy([
      'fetched_at',
      'region',
      'query_key',
    ]);
    return records.map(toCachedPrice);
  }
}

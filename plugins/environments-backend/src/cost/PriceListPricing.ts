import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  fetchPriceListPrice,
  type GetProductsPage,
  type PriceOverlay,
  type PriceRow,
} from '@stageline/cost-model';
import { CachedPrice, PriceListStore, queryHash } from './PriceListStore';

/** Prices found for an estimate, and why some could not be looked up. */
export interface ResolvedPrices {
  overlay: PriceOverlay;
  /** e.g. the API refused the call; the rows it would have priced stay unpriced. */
  problems: string[];
}

function describe(error: unknown): string {
  const { name, message } =
    error instanceof Error ? error : new Error(String(error));
  return `${name}: ${message}`;
}

/**
 * Prices the bundled table lacks, from the AWS Price List Query API (`GetProducts`) through a
 * database cache: an estimate asks the API only for queries never asked in its region, and
 * {@link PriceListPricing.refresh} (a scheduled task) asks again for every cached one. A query
 * the API has no single price for is cached too, so it is not asked on every estimate.
 */
export class PriceListPricing {
  constructor(
    private readonly options: {
      store: PriceListStore;
      getProducts: GetProductsPage;
      logger: LoggerService;
      now?: () => Date;
    },
  ) {}

  #now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async #ask(price: CachedPrice): Promise<CachedPrice> {
    const found = await fetchPriceListPrice(
      price.query,
      price.region,
      this.options.getProducts,
    );
    return {
      region: price.region,
      query: price.query,
      label: price.label,
      usd: found?.usd,
      source: found?.source,
      fetchedAt: this.#now(),
    };
  }

  /** Prices of `rows` (those with a Price List query) in `region`. */
  async resolve(
    rows: readonly PriceRow[],
    region: string,
  ): Promise<ResolvedPrices> {
    const queried = rows.filter(row => row.query);
    const cached = await this.options.store.find(
      region,
      queried.map(row => row.query!),
    );
    const problems: string[] = [];
    const asked: CachedPrice[] = [];
    for (const row of queried) {
      const key = queryHash(row.query!);
      if (cached.has(key)) continue;
      try {
        const answer = await this.#ask({
          region,
          query: row.query!,
          label: row.label,
          fetchedAt: this.#now(),
        });
        cached.set(key, answer);
        asked.push(answer);
      } catch (error) {
        // One refusal (no credentials, access denied, throttled) says the rest would fail too.
        problems.push(
          `AWS Price List API unavailable (${describe(
            error,
          )}): rows without a bundled ${region} price stay unpriced.`,
        );
        this.options.logger.warn(
          `Price List API call for ${row.label} in ${region} failed: ${describe(
            error,
          )}`,
        );
        break;
      }
    }
    await this.options.store.save(asked);
    const overlay = new Map<string, { usd: number; source: string }>();
    for (const row of queried) {
      const price = cached.get(queryHash(row.query!));
      if (price?.usd !== undefined) {
        overlay.set(row.label, {
          usd: price.usd,
          source: price.source ?? 'AWS Price List API',
        });
      }
    }
    return { overlay, problems };
  }

  /** Asks the API again for every cached query; stops at the first refusal. */
  async refresh(): Promise<{ refreshed: number; failed: boolean }> {
    const all = await this.options.store.all();
    let refreshed = 0;
    for (const price of all) {
      try {
        await this.options.store.save([await this.#ask(price)]);
        refreshed++;
      } catch (error) {
        this.options.logger.warn(
          `Price List refresh stopped after ${refreshed} of ${
            all.length
          } prices: ${describe(error)}`,
        );
        return { refreshed, failed: true };
      }
    }
    this.options.logger.info(`Refreshed ${refreshed} Price List prices`);
    return { refreshed, failed: false };
  }
}

import type { Octokit } from 'octokit';
import pLimit from 'p-limit';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  describeGithubError,
  redactSecrets,
} from '@stageline/plugin-environments-node';
import {
  PromotionPair,
  PromotionRead,
  promotionStateQuery,
  readPromotionPair,
} from './promotionStateQuery';

/**
 * How promotion states are gathered into GraphQL queries.
 *
 * @public
 */
export interface PromotionStateBatchOptions {
  /** Most promotions (source → target branch pairs) one query answers. Default 50. */
  size?: number;
  /** How long the first request of a batch waits for others to join it. Default 10 ms. */
  windowMs?: number;
  /** Queries of one token in flight at once. Default 2. */
  concurrency?: number;
}

interface Waiting {
  pair: PromotionPair;
  resolve: (read: PromotionRead) => void;
  reject: (error: Error) => void;
}

interface GraphqlError {
  type?: string;
  path?: Array<string | number>;
  message: string;
}

/** Octokit's `GraphqlResponseError`: an answer with `errors`, and whatever `data` it has. */
function partialAnswer(
  error: unknown,
): { data: Record<string, unknown>; errors: GraphqlError[] } | undefined {
  const e = error as { name?: string; data?: unknown; errors?: GraphqlError[] };
  return e.name === 'GraphqlResponseError' && e.data && e.errors
    ? { data: e.data as Record<string, unknown>, errors: e.errors }
    : undefined;
}

/** The error GitHub reported for a repository or a pair, as a `@backstage/errors` error. */
function errorOf(graphqlError: GraphqlError, slug: string): Error {
  const message = redactSecrets(graphqlError.message);
  return graphqlError.type === 'NOT_FOUND'
    ? new NotFoundError(
        `GitHub found no repository ${slug}, or the configured credentials cannot see it (${message})`,
      )
    : new ServiceUnavailableError(
        `GitHub failed reading the promotion state of ${slug}: ${message}`,
      );
}

/**
 * Gathers the promotion-state reads of one token into batched GraphQL queries
 * (`promotionStateQuery`): requests arriving within `windowMs` of each other share a query, up to
 * `size` pairs each, at most `concurrency` queries at a time, identical pairs read once. A
 * repository or pair GitHub reports an error for fails alone; a query that fails as a whole
 * (network, 5xx after Octokit's retries, 401) fails every pair in it.
 */
export class PromotionStateBatcher {
  readonly #size: number;
  readonly #windowMs: number;
  readonly #queries: pLimit.Limit;
  #queue: Waiting[] = [];
  readonly #queued = new Map<string, Promise<PromotionRead>>();
  #timer?: ReturnType<typeof setTimeout>;
  readonly #logger?: LoggerService;

  constructor(
    private readonly octokit: Octokit,
    options: PromotionStateBatchOptions & { logger?: LoggerService } = {},
  ) {
    this.#logger = options.logger;
    this.#size = options.size ?? 50;
    this.#windowMs = options.windowMs ?? 10;
    this.#queries = pLimit(options.concurrency ?? 2);
  }

  load(pair: PromotionPair): Promise<PromotionRead> {
    const key = JSON.stringify([
      pair.owner.toLowerCase(),
      pair.repo.toLowerCase(),
      pair.head,
      pair.base,
    ]);
    const queued = this.#queued.get(key);
    if (queued) return queued;
    const promise = new Promise<PromotionRead>((resolve, reject) => {
      this.#queue.push({ pair, resolve, reject });
    });
    this.#queued.set(key, promise);
    if (this.#queue.length >= this.#size) {
      this.#flush();
    } else {
      this.#timer ??= setTimeout(() => this.#flush(), this.#windowMs);
    }
    return promise;
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#queued.clear();
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#size);
      void this.#queries(() => this.#run(batch));
    }
  }

  async #run(batch: Waiting[]): Promise<void> {
    const { query, variables, aliases } = promotionStateQuery(
      batch.map(w => w.pair),
    );
    let data: Record<string, unknown>;
    let errors: GraphqlError[] = [];
    try {
      data = await this.octokit.graphql<Record<string, unknown>>(
        query,
        variables,
      );
    } catch (error) {
      const partial = partialAnswer(error);
      if (!partial) {
        const failure = describeGithubError(
          error,
          `reading the promotion state of ${batch.length} branch pairs`,
        );
        for (const waiting of batch) waiting.reject(failure);
        return;
      }
      ({ data, errors } = partial);
    }
    const rateLimit = data.rateLimit as { cost?: number; remaining?: number };
    this.#logger?.debug(
      `GitHub GraphQL: promotion state of ${batch.length} branch pairs cost ${rateLimit?.cost} points, ${rateLimit?.remaining} remaining`,
    );
    batch.forEach((waiting, i) => {
      const { repository, pair } = aliases[i];
      const slug = `${waiting.pair.owner}/${waiting.pair.repo}`;
      const reported = errors.find(
        e =>
          e.path?.[0] === repository &&
          (e.path.length === 1 ||
            [pair, `${pair}open`, `${pair}merged`].includes(String(e.path[1]))),
      );
      const answer = data[repository] as Record<string, unknown> | null;
      if (reported || !answer) {
        waiting.reject(
          errorOf(
            reported ?? errors[0] ?? { message: 'no data in the answer' },
            slug,
          ),
        );
        return;
      }
      try {
        waiting.resolve(readPromotionPair(answer, pair, waiting.pair));
      } catch (error) {
        waiting.reject(error as Error);
      }
    });
  }
}

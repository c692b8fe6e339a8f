import { createHash } from 'node:crypto';
import { HttpResponse } from 'msw';

/** Request counts, as GitHub's rate limit sees them. */
export interface StandInCounts {
  /** REST requests that cost rate limit (everything but 304s). */
  rateLimited: number;
  /** Conditional requests answered 304 Not Modified (free). */
  notModified: number;
  /** Rate-limited requests per route, e.g. `GET compare`. */
  byRoute: Record<string, number>;
  /** GraphQL calls (`POST /graphql`), which GitHub counts in points, not requests. */
  graphqlQueries: number;
  /** GraphQL rate-limit points spent: each call's `rateLimit { cost }`. */
  graphqlPoints: number;
}

const noCounts = (): StandInCounts => ({
  rateLimited: 0,
  notModified: 0,
  byRoute: {},
  graphqlQueries: 0,
  graphqlPoints: 0,
});

/** The token a request was sent with (`Authorization: token …` or `Bearer …`). */
export function tokenOf(request: Request): string | undefined {
  return request.headers
    .get('authorization')
    ?.replace(/^(token|bearer)\s+/i, '')
    .trim();
}

/**
 * Builds GitHub-shaped answers and counts them: JSON with a `Date` header from the stand-in's
 * clock, errors as `{ message, documentation_url }`, ETags on GETs that are only good for the
 * token that got them (GitHub's responses vary by `Authorization`), and page slices with a
 * `Link` header.
 */
export class Responder {
  counts: StandInCounts = noCounts();

  constructor(private readonly now: () => Date) {}

  #headers(extra: Record<string, string> = {}) {
    return { date: this.now().toUTCString(), ...extra };
  }

  #count<T>(route: string, response: T): T {
    this.counts.rateLimited++;
    this.counts.byRoute[route] = (this.counts.byRoute[route] ?? 0) + 1;
    return response;
  }

  /** A counted JSON answer. */
  json(
    route: string,
    body: unknown,
    status = 200,
    headers: Record<string, string> = {},
  ): Response {
    return this.#count(
      route,
      HttpResponse.json(body as any, {
        status,
        headers: this.#headers(headers),
      }),
    );
  }

  /** A counted answer without a body, e.g. 204. */
  empty(route: string, status: number): Response {
    return this.#count(
      route,
      new HttpResponse(null, { status, headers: this.#headers() }),
    );
  }

  /** A counted error as GitHub words them. */
  error(
    route: string,
    status: number,
    message: string,
    documentationUrl = 'https://docs.github.com/rest',
  ): Response {
    return this.json(
      route,
      {
        message,
        documentation_url: documentationUrl,
        status: String(status),
      },
      status,
    );
  }

  notFound(route: string): Response {
    return this.error(route, 404, 'Not Found');
  }

  /**
   * A GET answer with an ETag computed over the body and the token, or 304 (free) when the
   * request's `If-None-Match` is that ETag: an ETag another token got does not match.
   */
  get(
    route: string,
    request: Request,
    body: unknown,
    headers: Record<string, string> = {},
  ): Response {
    const etag = `W/"${createHash('sha1')
      .update(`${tokenOf(request) ?? ''}\n${JSON.stringify(body)}`)
      .digest('hex')}"`;
    if (request.headers.get('if-none-match') === etag) {
      this.counts.notModified++;
      return new HttpResponse(null, {
        status: 304,
        headers: this.#headers({ etag }),
      });
    }
    return this.json(route, body, 200, { ...headers, etag });
  }

  /**
   * A page of a list GitHub wraps as `{ total_count, [key]: items }` (check runs, workflow
   * runs, variables, …), as a conditional GET answer.
   */
  list(
    route: string,
    request: Request,
    key: string,
    all: unknown[],
    paging: { defaultPerPage?: number; maxPerPage?: number } = {},
  ): Response {
    const { items, headers } = pageOf(
      request,
      all,
      paging.defaultPerPage,
      paging.maxPerPage,
    );
    return this.get(
      route,
      request,
      { total_count: all.length, [key]: items },
      headers,
    );
  }

  /** A GraphQL answer (always 200, errors in the body), counted in points. */
  graphql(body: unknown, cost: number, headers: Record<string, string>) {
    this.counts.graphqlQueries++;
    this.counts.graphqlPoints += cost;
    return HttpResponse.json(body as any, {
      status: 200,
      headers: this.#headers(headers),
    });
  }

  resetCounts(): void {
    this.counts = noCounts();
  }
}

/**
 * One page of `items` as GitHub pages lists: `per_page` (default `defaultPerPage`, at most
 * `maxPerPage`) and `page` (from 1), with a `Link` header naming the next and last pages.
 */
export function pageOf<T>(
  request: Request,
  items: T[],
  defaultPerPage = 30,
  maxPerPage = 100,
): { items: T[]; headers: Record<string, string> } {
  const url = new URL(request.url);
  const perPage = Math.min(
    Number(url.searchParams.get('per_page') ?? defaultPerPage) ||
      defaultPerPage,
    maxPerPage,
  );
  const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set('page', String(n));
    target.searchParams.set('per_page', String(perPage));
    return `<${target}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev'), link(1, 'first')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

/** Whether the request asks for a page (GitHub switches some endpoints to paged mode then). */
export function asksForPage(request: Request): boolean {
  const query = new URL(request.url).searchParams;
  return query.has('per_page') || query.has('page');
}

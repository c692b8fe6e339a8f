import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGithubClient } from './createGithubClient';
import { EtagCache } from './EtagCache';

const seen: Array<string | null> = [];
let body = {
  ref: 'refs/heads/main',
  object: { sha: 'a'.repeat(40), type: 'commit' },
};
const etagOf = () => `"${body.object.sha.slice(0, 8)}"`;

const server = setupServer(
  http.get('https://api.github.com/repos/acme/app/git/ref/*', ({ request }) => {
    const ifNoneMatch = request.headers.get('if-none-match');
    seen.push(ifNoneMatch);
    if (ifNoneMatch === etagOf())
      return new HttpResponse(null, { status: 304 });
    return HttpResponse.json(body, { headers: { etag: etagOf() } });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
});

describe('createGithubClient', () => {
  it('sends the last ETag and answers a 304 from the cache', async () => {
    const etagCache = new EtagCache();
    const octokit = createGithubClient({
      token: 't',
      baseUrl: 'https://api.github.com',
      etagCache,
    });
    const get = () =>
      octokit.rest.git.getRef({
        owner: 'acme',
        repo: 'app',
        ref: 'heads/main',
      });

    expect((await get()).data.object.sha).toBe('a'.repeat(40));
    expect((await get()).data.object.sha).toBe('a'.repeat(40));
    body = { ...body, object: { ...body.object, sha: 'b'.repeat(40) } };
    expect((await get()).data.object.sha).toBe('b'.repeat(40));

    expect(seen).toEqual([null, '"aaaaaaaa"', '"aaaaaaaa"']);
  });

  // GitHub's answers vary by Authorization (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate):
  // an ETag is only good for the token that got it, and a body cached for one token must not
  // be served to another (installation tokens rotate hourly).
  it('keeps ETags and cached bodies per token', async () => {
    const etagCache = new EtagCache();
    const get = (token: string) =>
      createGithubClient({
        token,
        baseUrl: 'https://api.github.com',
        etagCache,
      }).rest.git.getRef({ owner: 'acme', repo: 'app', ref: 'heads/main' });
    await get('installation-token-1');
    await get('installation-token-1');
    await get('installation-token-2');
    expect(seen).toEqual([null, etagOf(), null]);
  });

  it('shares one request between identical GETs in flight', async () => {
    const octokit = createGithubClient({
      token: 't',
      baseUrl: 'https://api.github.com',
      etagCache: new EtagCache(),
    });
    const get = () =>
      octokit.rest.git.getRef({
        owner: 'acme',
        repo: 'app',
        ref: 'heads/main',
      });
    await Promise.all([get(), get(), get()]);
    expect(seen).toHaveLength(1);
  });
});

describe('createGithubClient delays', () => {
  const variables =
    'https://api.github.com/repos/acme/app/environments/staging/variables';
  const environment =
    'https://api.github.com/repos/acme/app/environments/staging';

  it('retries server errors, waits out a rate limit and spaces writes by the delays given', async () => {
    const answers = [502, 502, 201, 201, 201, 201, 201];
    const writes: number[] = [];
    let reads = 0;
    server.use(
      http.post(variables, () => {
        const status = answers[writes.length] ?? 201;
        writes.push(status);
        return HttpResponse.json({}, { status });
      }),
      http.get(environment, () => {
        reads += 1;
        return reads === 1
          ? HttpResponse.json(
              { message: 'API rate limit exceeded for installation ID 123.' },
              {
                status: 403,
                headers: {
                  'x-ratelimit-remaining': '0',
                  'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
                },
              },
            )
          : HttpResponse.json({ name: 'staging' });
      }),
    );
    const octokit = createGithubClient({
      token: 't',
      baseUrl: 'https://api.github.com',
      etagCache: new EtagCache(),
      delays: { writeIntervalMs: 0, retryAfterUnitMs: 0 },
    });
    const write = (name: string) =>
      octokit.request(
        'POST /repos/{owner}/{repo}/environments/{environment_name}/variables',
        {
          owner: 'acme',
          repo: 'app',
          environment_name: 'staging',
          name,
          value: 'x',
        },
      );

    // With Octokit's own waits this takes over 10 s (1 s + 4 s of retries, a second a write,
    // a second for the rate limit) and the test times out.
    await write('A');
    for (const name of ['B', 'C', 'D', 'E']) await write(name);
    const { data } = await octokit.request(
      'GET /repos/{owner}/{repo}/environments/{environment_name}',
      { owner: 'acme', repo: 'app', environment_name: 'staging' },
    );

    expect(writes).toEqual([502, 502, 201, 201, 201, 201, 201]);
    expect(reads).toBe(2);
    expect(data.name).toBe('staging');
  });
});

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

/*
 * A fake GitHub REST API over HTTP for the browser tests: the running backend is pointed at it
 * through `integrations.github[].apiBaseUrl` (e2e/app-config.e2e.yaml), so Stageline's real
 * Octokit client, its ETag cache and the promotion engine talk to it exactly as to
 * api.github.com. It answers the routes in githubRoutes.mjs, asks for the token in
 * `Authorization` like GitHub (401 "Bad credentials" otherwise), sends ETags and answers
 * `If-None-Match` with 304 (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 *
 * What a person would do on github.com while the test runs (push commits, approve a pull
 * request) goes through routes under /_e2e/, which GitHub does not have:
 *   POST /_e2e/repos/{owner}/{repo}/push            {"branch", "messages": [..]}
 *   POST /_e2e/repos/{owner}/{repo}/pulls/{n}/reviews {"login", "state": "APPROVED"}
 *   GET  /_e2e/unanswered   requests to routes the fake does not know (the test fails on them)
 *
 * Run: node e2e/fake-github/server.mjs  (E2E_FAKE_GITHUB_PORT, default 7099;
 * E2E_FAKE_GITHUB_TOKEN, default e2e-fake-token). Prints "fake GitHub listening on <url>".
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createGithubRoutes } from './githubRoutes.mjs';
import { seedRepositories } from './seed.mjs';

const DEFAULT_TOKEN = 'e2e-fake-token';

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

/** Serves the fake; resolves to `{ url, close }` once it listens. */
export async function startFakeGithub({
  port = 0,
  token = DEFAULT_TOKEN,
  repositories = seedRepositories(),
} = {}) {
  const unanswered = [];
  let routes;

  function send(response, status, body, headers = {}) {
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  function control(method, path, body) {
    const push = /^\/_e2e\/repos\/([^/]+\/[^/]+)\/push$/.exec(path);
    if (method === 'POST' && push && repositories.has(push[1])) {
      const head = repositories
        .get(push[1])
        .push(body.branch, body.messages, body);
      return { status: 201, body: { branch: body.branch, sha: head } };
    }
    const review =
      /^\/_e2e\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)\/reviews$/.exec(path);
    if (method === 'POST' && review && repositories.has(review[1])) {
      const repo = repositories.get(review[1]);
      if (!repo.pull(Number(review[2]))) return { status: 404, body: {} };
      return { status: 201, body: repo.review(Number(review[2]), body) };
    }
    if (method === 'GET' && path === '/_e2e/unanswered') {
      return { status: 200, body: unanswered };
    }
    return { status: 404, body: { message: `no control route ${path}` } };
  }

  function github(request, url, body) {
    const auth = request.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      return {
        status: 401,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      };
    }
    const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const repo = match && repositories.get(`${match[1]}/${match[2]}`);
    // GitHub takes `heads%2Fmain` for `heads/main` (Octokit encodes a ref's slashes)
    const path = match ? decodeURIComponent(match[3] ?? '') : '';
    for (const [method, pattern, handle] of routes) {
      const params = pattern.exec(path);
      if (repo && method === request.method && params) {
        return handle(repo, params.slice(1), url, body);
      }
    }
    unanswered.push(`${request.method} ${url.pathname}${url.search}`);
    return {
      status: 404,
      body: {
        message: 'Not Found (the e2e fake GitHub does not answer this route)',
        status: '404',
      },
    };
  }

  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://fake-github');
      const body = ['POST', 'PUT', 'PATCH'].includes(request.method)
        ? await readJson(request)
        : undefined;
      const answer = url.pathname.startsWith('/_e2e/')
        ? control(request.method, url.pathname, body)
        : github(request, url, body);
      const status = answer.status ?? 200;
      if (request.method !== 'GET' || status !== 200) {
        send(response, status, answer.body);
        return;
      }
      const etag = `"${createHash('sha1')
        .update(JSON.stringify(answer.body))
        .digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) {
        send(response, 304, undefined, { etag });
      } else {
        send(response, 200, answer.body, { etag });
      }
    } catch (error) {
      send(response, 500, { message: String(error?.message ?? error) });
    }
  });
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  routes = createGithubRoutes({ apiUrl: url, webUrl: 'https://github.com' });
  return {
    url,
    repositories,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startFakeGithub({
    port: Number(process.env.E2E_FAKE_GITHUB_PORT ?? 7099),
    token: process.env.E2E_FAKE_GITHUB_TOKEN ?? DEFAULT_TOKEN,
  });
  console.log(`fake GitHub listening on ${url}`);
}

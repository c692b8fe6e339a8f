/*
 * The fake GitHub of the browser tests: `@stageline/github-stand-in` (the msw stand-in every
 * package's tests and the benchmarks use, behaving as GitHub's REST and GraphQL references say)
 * served over HTTP. The running backend is pointed at it through
 * `integrations.github[].apiBaseUrl` (e2e/app-config.e2e.yaml), so Stageline's real Octokit
 * client, its ETag cache and the promotion engine talk to it as to api.github.com. Each request
 * is asked of the stand-in's handlers as `https://api.github.com<path>`; `https://api.github.com`
 * in the answer (`Link`, `Location`, the `url` fields) becomes this server's URL, as a GitHub
 * Enterprise Server names itself. Without the token in `Authorization` it answers 401 "Bad
 * credentials" as GitHub does.
 *
 * What a person would do on github.com while the test runs goes through routes under /_e2e/,
 * which GitHub does not have:
 *   POST /_e2e/repos/{owner}/{repo}/push                {"branch", "messages": [..]}
 *   POST /_e2e/repos/{owner}/{repo}/pulls/{n}/reviews   {"login", "state": "APPROVED"}
 *   GET  /_e2e/unanswered   requests no handler of the stand-in answers (the test fails on them)
 *
 * Run: node -r sucrase/register/ts e2e/fake-github/server.ts (E2E_FAKE_GITHUB_PORT, default
 * 7099; E2E_FAKE_GITHUB_TOKEN, default e2e-fake-token). Prints "fake GitHub listening on <url>".
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { GithubStandIn, tokenOf } from '@stageline/github-stand-in';
import { toFetchRequest } from '../lib/fetchRequest';
import { pushCommits, REPOSITORY, seedGithub } from './seed';

const API = 'https://api.github.com';
const DEFAULT_TOKEN = 'e2e-fake-token';

type Answer = { status: number; body?: unknown };

function control(
  github: GithubStandIn,
  unanswered: string[],
  method: string,
  path: string,
  body: any,
): Answer {
  const prefix = `/_e2e/repos/${REPOSITORY}`;
  if (method === 'POST' && path === `${prefix}/push`) {
    const sha = pushCommits(github, body.branch, body.messages);
    return { status: 201, body: { branch: body.branch, sha } };
  }
  const review = new RegExp(`^${prefix}/pulls/(\\d+)/reviews$`).exec(path);
  if (method === 'POST' && review) {
    const number = Number(review[1]);
    if (!github.repo(REPOSITORY).pulls.some(p => p.number === number)) {
      return { status: 404, body: { message: `no pull request #${number}` } };
    }
    github.review(REPOSITORY, number, body.login, body.state);
    return {
      status: 201,
      body: github.pull(REPOSITORY, number).reviews.at(-1),
    };
  }
  if (method === 'GET' && path === '/_e2e/unanswered') {
    return { status: 200, body: unanswered };
  }
  return { status: 404, body: { message: `no control route ${path}` } };
}

function sendJson(res: http.ServerResponse, { status, body }: Answer) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Serves the stand-in; resolves to `{ url, github, close }` once it listens. */
export async function startFakeGithub({
  port = 0,
  token = DEFAULT_TOKEN,
  github = seedGithub(),
}: { port?: number; token?: string; github?: GithubStandIn } = {}) {
  const handlers = github.handlers();
  const unanswered: string[] = [];
  let url = '';

  async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
    const request = await toFetchRequest(req, API);
    const { pathname, search } = new URL(request.url);
    if (pathname.startsWith('/_e2e/')) {
      const text = await request.text();
      const body = text ? JSON.parse(text) : undefined;
      sendJson(
        res,
        control(github, unanswered, request.method, pathname, body),
      );
      return;
    }
    if (tokenOf(request) !== token) {
      sendJson(res, {
        status: 401,
        body: {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        },
      });
      return;
    }
    const response = await getResponse(handlers, request);
    if (!response) {
      unanswered.push(`${request.method} ${pathname}${search}`);
      sendJson(res, {
        status: 404,
        body: {
          message: 'Not Found (the GitHub stand-in does not answer this route)',
          status: '404',
        },
      });
      return;
    }
    const ownUrls = (text: string) => text.replaceAll(API, url);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = ['link', 'location'].includes(name)
        ? ownUrls(value)
        : value;
    });
    const body = ownUrls(await response.text());
    delete headers['content-length'];
    if (body) headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(response.status, headers);
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    answer(req, res).catch(error =>
      sendJson(res, { status: 500, body: { message: String(error) } }),
    );
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    github,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

if (require.main === module) {
  startFakeGithub({
    port: Number(process.env.E2E_FAKE_GITHUB_PORT ?? 7099),
    token: process.env.E2E_FAKE_GITHUB_TOKEN ?? DEFAULT_TOKEN,
  }).then(({ url }) => console.log(`fake GitHub listening on ${url}`));
}

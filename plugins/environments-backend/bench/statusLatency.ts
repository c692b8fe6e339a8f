import http from 'node:http';
import { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { environmentsPlugin } from '../src/plugin';
import { GithubStandIn } from '@stageline/github-stand-in';
import { exampleEntities, REPO } from '../src/__testUtils__/fixtures';

function get(
  port: number,
  path: string,
  authorization: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path, headers: { authorization } },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * p50/p95 of `GET /environments?entityRef=` for one component over a real test backend, with the
 * cache warm (GitHub stand-in behind it; AWS unconfigured).
 */
export async function benchStatusLatency(requests: number) {
  const standIn = new GithubStandIn().addRepo(REPO, [
    'develop',
    'main',
    'feature/login',
  ]);
  standIn.push(REPO, 'develop', 3);
  const msw = setupServer(...standIn.handlers());
  msw.listen({ onUnhandledRequest: 'bypass' });
  const backend = await startTestBackend({
    features: [
      environmentsPlugin,
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              {
                host: 'github.com',
                token: 'ghp_benchtokenbenchtokenbenchtoken12',
              },
            ],
          },
          environments: {
            status: {
              scheduledRefresh: false,
              providerTimeout: { seconds: 10 },
            },
          },
        },
      }),
      catalogServiceMock.factory({ entities: exampleEntities }),
    ],
  });
  try {
    const { port } = backend.server.address() as AddressInfo;
    const path =
      '/api/environments/environments?entityRef=component:default/macro-ai-api';
    const authorization = mockCredentials.user.header();
    if ((await get(port, path, authorization)) !== 200)
      throw new Error('status route failed');
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = process.hrtime.bigint();
      await get(port, path, authorization);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { requests, p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await backend.stop();
    msw.close();
  }
}

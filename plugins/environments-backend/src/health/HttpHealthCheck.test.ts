import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import { HttpHealthCheck, MAX_HEALTH_BODY_BYTES } from './HttpHealthCheck';
import { parseHostPattern } from './allowedHosts';

/*
 * The probe against real sockets on this machine: an "internal" server on 127.0.0.1 that answers
 * secrets, reached through host names whose resolution the test controls (as an attacker's DNS
 * would), so every refusal below is the probe's own and not a missing network.
 */

const SECRETS = {
  aws: 'AKIAIOSFODNN7EXAMPLE',
  github: 'ghp_internalTokenInternalToken1234567',
};

type Answer = (res: http.ServerResponse, req: http.IncomingMessage) => void;
let answer: Answer;
let requests: string[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(`${req.headers.host}${req.url}`);
    answer(res, req);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise(resolve => server.close(resolve)));
beforeEach(() => {
  requests = [];
  answer = res =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ status: 'ok' }));
});

function environment(url: string): EnvironmentEntity {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: { name: 'evil' },
    spec: {
      type: 'staging',
      owner: 'user:default/mallory',
      component: 'component:default/evil',
      scale: 'hobby',
      healthCheck: { url },
    },
  };
}

/** A probe whose resolver answers `addresses` for every name (DNS under the attacker's control). */
function probe(allowedHosts: string[], addresses = ['127.0.0.1']) {
  return new HttpHealthCheck({
    timeoutMs: 5000,
    allowedHosts: allowedHosts.map(parseHostPattern),
    resolve: async () => addresses,
  });
}

describe('HttpHealthCheck', () => {
  it('probes nothing without environments.health.allowedHosts', async () => {
    const check = new HttpHealthCheck({ timeoutMs: 1000 });
    const outcome = await check.check(environment(`http://127.0.0.1:${port}/`));
    expect(outcome).toEqual({
      status: 'unconfigured',
      message:
        'health probes are off until environments.health.allowedHosts lists the hosts they may reach',
    });
    expect(requests).toEqual([]);
  });

  it('refuses a wildcard-allowed name that resolves to a loopback address, without connecting', async () => {
    const outcome = await probe(['*.macro-ai.test']).check(
      environment(`http://rebind.macro-ai.test:${port}/health`),
    );
    expect(requests).toEqual([]);
    expect(outcome).toMatchObject({
      status: 'ok',
      results: [
        {
          name: 'http',
          state: 'unknown',
          detail: `http://rebind.macro-ai.test:${port}/health: rebind.macro-ai.test is not a public address; list it by name in environments.health.allowedHosts to probe it`,
        },
      ],
    });
  });

  it.each([
    ['the metadata endpoint', '169.254.169.254'],
    ['a private address', '10.0.0.7'],
    ['a unique-local IPv6 address', 'fd00:ec2::254'],
    ['an IPv4-mapped loopback', '::ffff:127.0.0.1'],
  ])(
    'refuses a name resolving to %s, and one with any such address among public ones',
    async (_what, address) => {
      for (const addresses of [[address], ['93.184.215.14', address]]) {
        const outcome = await probe(['*'], addresses).check(
          environment(`http://status.example.test:${port}/`),
        );
        expect(outcome).toMatchObject({
          results: [
            expect.objectContaining({
              state: 'unknown',
              detail: expect.stringContaining('is not a public address'),
            }),
          ],
        });
      }
      expect(requests).toEqual([]);
    },
  );

  it('refuses IP literals of internal addresses matched by *', async () => {
    for (const host of ['127.0.0.1', '169.254.169.254', '[::1]', '10.1.2.3']) {
      const outcome = await probe(['*']).check(
        environment(`http://${host}:${port}/latest/meta-data/`),
      );
      expect(outcome).toMatchObject({
        results: [expect.objectContaining({ state: 'unknown' })],
      });
    }
    expect(requests).toEqual([]);
  });

  it('probes a host the operator named, wherever it resolves', async () => {
    const outcome = await probe(['127.0.0.1']).check(
      environment(`http://127.0.0.1:${port}/health`),
    );
    expect(outcome).toMatchObject({
      status: 'ok',
      httpStatus: 200,
      results: [{ name: 'http', state: 'healthy' }],
    });
    expect(requests).toEqual([`127.0.0.1:${port}/health`]);
  });

  it('never echoes the body: only known status words and short check names come out', async () => {
    answer = res =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: SECRETS.aws,
          checks: {
            database: { status: 'up' },
            [SECRETS.github]: { status: 'ok' },
            cache: { status: `token ${SECRETS.github}` },
            'db:responseTime': [{ status: 'pass' }, { status: 'warn' }],
          },
          aws_secret_access_key: SECRETS.aws,
        }),
      );
    const outcome = await probe(['127.0.0.1']).check(
      environment(`http://127.0.0.1:${port}/health`),
    );
    const shown = JSON.stringify(outcome);
    expect(shown).not.toContain(SECRETS.aws);
    expect(shown).not.toContain(SECRETS.github);
    expect(outcome).toMatchObject({
      results: [
        {
          name: 'http',
          state: 'unhealthy',
          detail: expect.stringMatching(
            /^HTTP 200 in \d+ ms \(status unrecognized status; 1 checks not read\)$/,
          ),
        },
        { name: 'database', state: 'healthy', detail: 'up' },
        { name: 'cache', state: 'unhealthy', detail: 'unrecognized status' },
        { name: 'db:responseTime', state: 'degraded', detail: 'warn' },
      ],
    });
  });

  it('reads at most 64 KB of an answer and stops downloading the rest', async () => {
    let written = 0;
    answer = (res, req) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const total = 50 * 1024 * 1024;
      const pump = (): void => {
        while (written < total) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      req.socket.on('close', () => res.destroy());
      pump();
    };
    const outcome = await probe(['127.0.0.1']).check(
      environment(`http://127.0.0.1:${port}/big`),
    );
    expect(outcome).toMatchObject({
      httpStatus: 200,
      results: [
        {
          name: 'http',
          state: 'healthy',
          detail: expect.stringContaining(
            `answer over ${MAX_HEALTH_BODY_BYTES / 1024} KB, not read`,
          ),
        },
      ],
    });
    // the server could only write what the socket buffers took before the probe hung up
    expect(written).toBeLessThan(10 * 1024 * 1024);
  });

  it('says unreachable or timed out, never the socket error', async () => {
    const closed = await probe(['127.0.0.1']).check(
      environment('http://127.0.0.1:1/health'),
    );
    expect(closed).toMatchObject({
      results: [
        {
          name: 'http',
          state: 'unhealthy',
          detail: 'http://127.0.0.1:1/health: unreachable',
        },
      ],
    });
    answer = () => {}; // never answers
    const slow = await new HttpHealthCheck({
      timeoutMs: 200,
      allowedHosts: ['127.0.0.1'],
    }).check(environment(`http://127.0.0.1:${port}/slow`));
    expect(slow).toMatchObject({
      results: [
        {
          name: 'http',
          state: 'unhealthy',
          detail: `http://127.0.0.1:${port}/slow: timed out`,
        },
      ],
    });
    expect(JSON.stringify([closed, slow])).not.toMatch(/ECONN|socket|EHOST/);
  });

  it('follows a redirect only to an allowed host, checking its address again', async () => {
    answer = (res, req) => {
      if (req.url === '/start') {
        res
          .writeHead(302, {
            location: `http://169.254.169.254/latest/meta-data/`,
          })
          .end();
      } else if (req.url === '/hop') {
        res
          .writeHead(301, {
            location: `http://inside.macro-ai.test:${port}/health`,
          })
          .end();
      } else res.writeHead(200).end('{"status":"ok"}');
    };
    const toMetadata = await probe(['127.0.0.1']).check(
      environment(`http://127.0.0.1:${port}/start`),
    );
    expect(toMetadata).toMatchObject({
      results: [
        {
          state: 'unknown',
          detail: `http://127.0.0.1:${port}/start redirects to host 169.254.169.254, whose host is not in environments.health.allowedHosts: not followed`,
        },
      ],
    });
    const toPrivate = await probe(['127.0.0.1', '*.macro-ai.test']).check(
      environment(`http://127.0.0.1:${port}/hop`),
    );
    expect(toPrivate).toMatchObject({
      results: [
        {
          state: 'unknown',
          detail: expect.stringContaining(
            'inside.macro-ai.test is not a public address',
          ),
        },
      ],
    });
    expect(requests).toEqual([
      `127.0.0.1:${port}/start`,
      `127.0.0.1:${port}/hop`,
    ]);
  });

  describe("the backend's own health endpoints", () => {
    /** A probe that knows the backend's own address (the discovery URL of this plugin). */
    const ownProbe = (allowedHosts: string[] = []) =>
      new HttpHealthCheck({
        timeoutMs: 5000,
        allowedHosts: allowedHosts.map(parseHostPattern),
        resolve: async () => ['127.0.0.1'],
        ownBaseUrl: async () => `http://127.0.0.1:${port}/api/environments`,
      });

    it('probes /.backstage/health/v1/readiness at the backend, whatever its port, with no allowed host', async () => {
      const outcome = await ownProbe().check(
        environment('/.backstage/health/v1/readiness'),
      );

      expect(requests).toEqual([
        `127.0.0.1:${port}/.backstage/health/v1/readiness`,
      ]);
      expect(outcome).toMatchObject({
        status: 'ok',
        url: '/.backstage/health/v1/readiness',
        httpStatus: 200,
        results: [{ name: 'http', state: 'healthy' }],
      });
    });

    it('probes no other relative URL, nor one naming another host', async () => {
      for (const url of [
        '/api/catalog/entities',
        '/.backstage/health/v1/readiness?x=1',
        '//169.254.169.254/latest/meta-data/',
        '/\\169.254.169.254/latest/meta-data/',
      ]) {
        const outcome = await ownProbe().check(environment(url));
        expect(outcome).toEqual({
          status: 'unconfigured',
          message: `spec.healthCheck.url ${JSON.stringify(
            url,
          )} is not an http(s) URL`,
        });
      }
      expect(requests).toEqual([]);
    });

    it('follows its redirect only to an allowed host', async () => {
      answer = res =>
        res
          .writeHead(302, {
            location: 'http://169.254.169.254/latest/meta-data/',
          })
          .end();

      const outcome = await ownProbe().check(
        environment('/.backstage/health/v1/liveness'),
      );

      expect(outcome).toMatchObject({
        results: [
          {
            state: 'unknown',
            detail: `http://127.0.0.1:${port}/.backstage/health/v1/liveness redirects to host 169.254.169.254, whose host is not in environments.health.allowedHosts: not followed`,
          },
        ],
      });
      expect(requests).toEqual([
        `127.0.0.1:${port}/.backstage/health/v1/liveness`,
      ]);
    });
  });
});

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { runInNewContext } from 'node:vm';
import {
  placeholderLambdaSource,
  placeholderServerSource,
} from './healthResponder';

function loadHandler(source: string) {
  const module = {
    exports: {} as { handler?: (event: unknown) => Promise<any> },
  };
  runInNewContext(source, {
    exports: module.exports,
    process: { env: { APP_ENV: 'staging', STAGELINE_SCALE: 'hobby' } },
  });
  return module.exports.handler!;
}

async function freePort(): Promise<number> {
  return new Promise(resolve => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('placeholder Lambda handler', () => {
  const handler = loadHandler(placeholderLambdaSource('/api/health'));

  it('answers the health route with the seed 004 body shape', async () => {
    const response = await handler({ rawPath: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({
      status: 'healthy',
      environment: 'staging',
      scale: 'hobby',
      version: 'placeholder',
      checks: { handler: { status: 'healthy' } },
    });
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
  });

  it('answers 404 elsewhere, for REST payloads too', async () => {
    expect((await handler({ rawPath: '/api/users' })).statusCode).toBe(404);
    expect((await handler({ path: '/api/health' })).statusCode).toBe(200);
  });

  it('stays within the 4 KB inline code limit of CloudFormation', () => {
    expect(placeholderLambdaSource('/api/health').length).toBeLessThan(4096);
  });
});

describe('placeholder container server', () => {
  it('serves the health route over HTTP on $PORT', async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-e', placeholderServerSource('/healthz', 1)],
      {
        env: { ...process.env, PORT: String(port), APP_ENV: 'production' },
        stdio: 'ignore',
      },
    );
    try {
      let response: Response | undefined;
      for (let attempt = 0; attempt < 50 && !response; attempt++) {
        response = await fetch(
          `http://127.0.0.1:${port}/healthz?probe=1`,
        ).catch(
          () => new Promise<undefined>(resolve => setTimeout(resolve, 100)),
        );
      }
      expect(response?.status).toBe(200);
      expect(await response!.json()).toMatchObject({
        status: 'healthy',
        environment: 'production',
      });
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});

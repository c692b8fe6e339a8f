import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A backend the benchmark started, signed in as the guest. */
export interface BenchBackend {
  baseUrl: string;
  /** `Authorization` header of the signed-in guest. */
  authorization: string;
  /** Where the backend's own log goes. */
  logFile: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/** `count` components of one system, each with staging → production and a preview. */
function entitiesYaml(count: number): string {
  const docs: object[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name: 'guest' },
      spec: { memberOf: ['platform'] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: 'bench' },
      spec: { owner: 'group:default/platform' },
    },
  ];
  for (let i = 0; i < count; i++) {
    const name = `service-${i}`;
    const annotations = { 'github.com/project-slug': `acme/${name}` };
    const environment = (suffix: string, stackName: string, spec: object) => ({
      apiVersion: 'stageline.dev/v1alpha1',
      kind: 'Environment',
      metadata: { name: `${name}-${suffix}`, annotations },
      spec: {
        owner: 'group:default/platform',
        system: 'bench',
        component: `component:default/${name}`,
        scale: 'hobby',
        // {App}{Stage}Stack: each component's own app (service-N), as Stageline names stacks
        deployment: {
          provider: 'cloudformation',
          stackName,
          region: 'eu-west-2',
        },
        ...spec,
      },
    });
    docs.push(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name, annotations },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/platform',
          system: 'bench',
        },
      },
      environment('staging', `Service${i}StagingStack`, {
        type: 'staging',
        branch: 'develop',
        promotesTo: `environment:default/${name}-production`,
      }),
      environment('production', `Service${i}ProductionStack`, {
        type: 'production',
        branch: 'main',
      }),
      environment('pr-1', `Service${i}Pr1Stack`, {
        type: 'preview',
        branch: 'feature/x',
      }),
    );
  }
  // JSON documents are YAML documents
  return docs.map(d => `---\n${JSON.stringify(d)}\n`).join('');
}

async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  child: ChildProcess,
  logFile: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the bench backend exited (${child.exitCode}); see ${logFile}`,
      );
    }
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(500);
  }
  throw new Error(
    `the bench backend: ${what} within ${timeoutMs} ms; see ${logFile}`,
  );
}

/**
 * Starts `benchBackend.ts` as its own process (its event loop is not the benchmark's) on a free
 * port, with SQLite in memory, a catalog of `components` components × 3 environments, GitHub at
 * `githubApiBaseUrl` when given, no AWS (those sections say so without a network call), and
 * `environments` config merged in; waits until it is ready, signs in as the guest and waits until the catalog
 * holds every environment.
 */
export async function startBenchBackend(options: {
  components: number;
  environments?: object;
  /** GitHub's API base URL; unset, GitHub is not configured. */
  githubApiBaseUrl?: string;
}): Promise<BenchBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'stageline-bench-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const entities = join(dir, 'entities.yaml');
  writeFileSync(entities, entitiesYaml(options.components));
  const config = join(dir, 'app-config.yaml');
  writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl: 'http://localhost:3000' },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      auth: {
        environment: 'development',
        providers: {
          guest: {
            userEntityRef: 'user:default/guest',
            dangerouslyAllowOutsideDevelopment: true,
          },
        },
      },
      catalog: {
        rules: [
          { allow: ['Component', 'System', 'Group', 'User', 'Environment'] },
        ],
        locations: [{ type: 'file', target: entities }],
      },
      permission: { enabled: true },
      ...(options.githubApiBaseUrl
        ? {
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: options.githubApiBaseUrl,
                  token: 'ghs_benchinstallationtokenbenchtoken1',
                },
              ],
            },
          }
        : {}),
      environments: options.environments ?? {},
    }),
  );
  const logFile = join(dir, 'backend.log');
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    [
      '-r',
      'sucrase/register/ts',
      resolve(__dirname, 'benchBackend.ts'),
      '--config',
      config,
    ],
    {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise(done => child.once('exit', done));
    }
  };
  try {
    await waitFor(
      'ready',
      async () =>
        (
          await fetch(`${baseUrl}/.backstage/health/v1/readiness`)
        ).ok
          ? true
          : undefined,
      180_000,
      child,
      logFile,
    );
    const authorization = await waitFor(
      'guest sign-in',
      async () => {
        const res = await fetch(
          `${baseUrl}/api/auth/guest/refresh?env=development`,
          { headers: { 'x-requested-with': 'XMLHttpRequest' } },
        );
        const body = (await res.json()) as {
          backstageIdentity?: { token?: string };
        };
        const token = body.backstageIdentity?.token;
        return token ? `Bearer ${token}` : undefined;
      },
      30_000,
      child,
      logFile,
    );
    const expected = options.components * 3;
    await waitFor(
      `a catalog of ${expected} environments`,
      async () => {
        const res = await fetch(
          `${baseUrl}/api/catalog/entities/by-query?filter=kind=environment&limit=1`,
          { headers: { authorization } },
        );
        const { totalItems } = (await res.json()) as { totalItems: number };
        return totalItems >= expected ? true : undefined;
      },
      600_000,
      child,
      logFile,
    );
    return { baseUrl, authorization, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

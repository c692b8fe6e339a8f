/* eslint-disable no-console */
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { startBenchBackend } from './backend/startBenchBackend';
import { loadTest, LoadResult } from './loadTest';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];

async function timed(url: string, authorization?: string) {
  const started = process.hrtime.bigint();
  const res = await fetch(url, {
    headers: authorization ? { authorization } : {},
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Readiness probe times: how many, and their p50, p99 and slowest. */
interface ProbeFigures {
  probes: number;
  p50: number;
  p99: number;
  max: number;
}

function probeFigures(times: number[]): ProbeFigures {
  times.sort((a, b) => a - b);
  return {
    probes: times.length,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    max: times.at(-1)!,
  };
}

/** What the benchmarks against a running backend measured. */
export interface RunningBackendFigures {
  /** Each load run, with the readiness probed every 50 ms while it ran. */
  load: Array<LoadResult & { readiness: ProbeFigures }>;
  statusWarm: { requests: number; p50: number; p95: number };
  readiness: ProbeFigures & { refreshSeconds: number };
}

/**
 * Starts a real backend (`startBenchBackend`: its own process, catalog with `components` × 3
 * environments, SQLite, GitHub at the stand-in served over HTTP from a worker thread) and
 * measures, in this order:
 * 1. the list route of one component under load (autocannon, `seconds` at each concurrency),
 *    its statuses warm, and the readiness endpoint probed every 50 ms meanwhile;
 * 2. the readiness endpoint, probed back to back while a cold scheduled refresh of every
 *    environment runs (triggered through the scheduler's own endpoint);
 * 3. the warm status route, one request at a time.
 */
export async function benchRunningBackend(options: {
  components: number;
  seconds: number;
  concurrencies: number[];
  statusRequests: number;
}): Promise<RunningBackendFigures> {
  const started = Date.now();
  const github = await serveGithub(options.components);
  const backend = await startBenchBackend({
    components: options.components,
    githubApiBaseUrl: github.url,
    environments: {
      status: {
        // The first run comes a second after start-up, before the catalog holds anything;
        // after it only the benchmark's trigger runs the refresh (the scheduler notices a
        // trigger within 5 s, not during an initial delay).
        refreshInterval: { hours: 24 },
        refreshInitialDelay: { seconds: 1 },
      },
    },
  });
  console.log(
    `(backend with ${options.components * 3} environments ready in ${(
      (Date.now() - started) /
      1000
    ).toFixed(0)} s; its log: ${backend.logFile})`,
  );
  const { baseUrl, authorization } = backend;
  try {
    const list = `${baseUrl}/api/environments/environments?entityRef=component:default/service-0`;
    await timed(list, authorization); // computes the statuses once: later requests are warm
    const load: RunningBackendFigures['load'] = [];
    for (const connections of options.concurrencies) {
      const probing = probeReadinessUntil(baseUrl);
      const result = await loadTest({
        url: list,
        authorization,
        connections,
        seconds: options.seconds,
      }).finally(probing.stop);
      load.push({ ...result, readiness: await probing.figures });
    }

    const readiness = await readinessDuringRefresh(baseUrl, authorization);
    const { items } = (await (
      await fetch(list, { headers: { authorization } })
    ).json()) as {
      items: Array<Record<string, { status: string; message?: string }>>;
    };
    const sections = ['deployment', 'promotion', 'health', 'cost']
      .map(name => `${name} ${items[0][name].status}`)
      .join(', ');
    console.log(
      `(after the refresh, service-0-staging: ${sections}; promotion: ${items[0].promotion.message})`,
    );

    const times: number[] = [];
    for (let i = 0; i < options.statusRequests; i++) {
      times.push(await timed(list, authorization));
    }
    times.sort((a, b) => a - b);
    return {
      load,
      readiness,
      statusWarm: {
        requests: times.length,
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
      },
    };
  } finally {
    await backend.stop();
    await github.worker.terminate();
  }
}

/** The GitHub stand-in over HTTP, in a worker thread of its own (`backend/githubServer.ts`). */
async function serveGithub(repositories: number) {
  const worker = new Worker(
    `require(require('node:worker_threads').workerData.entry)`,
    {
      eval: true,
      workerData: {
        entry: resolve(__dirname, 'backend/githubServer.ts'),
        repositories,
      },
    },
  );
  const url = await new Promise<string>((done, fail) => {
    worker.once('message', (message: { url: string }) => done(message.url));
    worker.once('error', fail);
  });
  return { worker, url };
}

/**
 * Readiness probed every 50 ms (one probe at a time) until `stop`, from a worker thread of its
 * own: autocannon's work on this thread must not delay the probes' clocks.
 */
function probeReadinessUntil(baseUrl: string) {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const { setTimeout: sleep } = require('node:timers/promises');
    const times = [];
    let stopped = false;
    parentPort.once('message', () => { stopped = true; });
    (async () => {
      while (!stopped) {
        const started = process.hrtime.bigint();
        const res = await fetch(workerData.url);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(workerData.url + ' answered ' + res.status);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        await sleep(50);
      }
      parentPort.postMessage(times);
    })();
    `,
    {
      eval: true,
      workerData: { url: `${baseUrl}/.backstage/health/v1/readiness` },
    },
  );
  const figures = new Promise<ProbeFigures>((done, fail) => {
    worker.once('message', (times: number[]) => {
      done(probeFigures(times));
      void worker.terminate();
    });
    worker.once('error', fail);
  });
  return { stop: () => worker.postMessage('stop'), figures };
}

/** Probes readiness back to back from the trigger of a refresh until it has finished. */
async function readinessDuringRefresh(baseUrl: string, authorization: string) {
  const tasks = `${baseUrl}/api/environments/.backstage/scheduler/v1/tasks`;
  const lastRunEndedAt = async () => {
    const body = (await (
      await fetch(tasks, { headers: { authorization } })
    ).json()) as {
      tasks: Array<{
        taskId: string;
        taskState: { lastRunEndedAt?: string } | null;
      }>;
    };
    return body.tasks.find(t => t.taskId === 'environments-status-refresh')
      ?.taskState?.lastRunEndedAt;
  };
  const before = await lastRunEndedAt();
  const trigger = await fetch(`${tasks}/environments-status-refresh/trigger`, {
    method: 'POST',
    headers: { authorization },
  });
  if (!trigger.ok) {
    throw new Error(`triggering the status refresh answered ${trigger.status}`);
  }
  const started = Date.now();
  const times: number[] = [];
  while ((await lastRunEndedAt()) === before) {
    for (let i = 0; i < 20; i++) {
      times.push(await timed(`${baseUrl}/.backstage/health/v1/readiness`));
    }
    if (Date.now() - started > 900_000) {
      throw new Error('the status refresh did not finish within 15 minutes');
    }
  }
  return {
    ...probeFigures(times),
    refreshSeconds: (Date.now() - started) / 1000,
  };
}

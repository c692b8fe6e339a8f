/* eslint-disable no-console */
import { GRAPHQL_POINTS_PER_HOUR } from '@stageline/github-stand-in';
import {
  benchGithubRefresh,
  GithubClientKind,
  RefreshCost,
} from './githubRefresh';
import { benchRunningBackend } from './runningBackend';

/** Refreshes in the full run and in the default run. */
const FULL_ROUNDS = 12;
const DEFAULT_ROUNDS = 3;
/** The scheduled status refresh runs every 5 minutes (environments.status.refreshInterval). */
const REFRESHES_PER_HOUR = 12;
/** REST requests an hour of a GitHub App installation (GitHub's minimum). */
const REST_REQUESTS_PER_HOUR = 5000;

const average = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;

/** Cold, warm (average of the rounds between) and after-rotation units, and an hour's worth. */
function summarise(costs: RefreshCost[]) {
  const units = costs.map(c => c.units);
  const cold = units[0];
  const warm = units.length > 2 ? average(units.slice(1, -1)) : units.at(-1)!;
  const rotated = units.at(-1)!;
  // Refreshed every 5 minutes with a token GitHub replaces about hourly: one refresh an hour
  // with a new token, eleven warm ones.
  const hourly = rotated + (REFRESHES_PER_HOUR - 1) * warm;
  const perHour = (pick: (c: RefreshCost) => number) =>
    pick(costs.at(-1)!) +
    (REFRESHES_PER_HOUR - 1) * average(costs.slice(1, -1).map(pick));
  return {
    cold,
    warm,
    rotated,
    hourly,
    restPerHour: perHour(c => c.rest),
    pointsPerHour: perHour(c => c.graphqlPoints),
  };
}

/** Figures gathered for the summary line. */
const summary: Record<string, string> = {};

async function githubSection(rounds: number, count: number) {
  console.log(
    `== GitHub rate-limit units (REST requests + GraphQL points, counted as GitHub does) to refresh the promotion state of ${count} components x 3 environments: ${rounds} refreshes, churn between them, the installation token rotating before the last`,
  );
  console.log(
    'client  | cold refresh | warm refresh | after rotation | per hour | of naive: cold / warm / hour',
  );
  // The naive client's cost is the same every refresh (no caching): one round measures it.
  const naive = summarise(await benchGithubRefresh('naive', count, 1));
  const naivePerRefresh = naive.cold;
  const rows: Array<[GithubClientKind, ReturnType<typeof summarise>]> = [
    ['naive', { ...naive, hourly: naivePerRefresh * REFRESHES_PER_HOUR }],
  ];
  for (const kind of ['rest', 'graphql'] as const) {
    rows.push([kind, summarise(await benchGithubRefresh(kind, count, rounds))]);
  }
  for (const [kind, r] of rows) {
    const of = (units: number, base = naivePerRefresh) =>
      (units / base).toFixed(3);
    console.log(
      [
        kind.padEnd(7),
        r.cold.toFixed(0).padStart(12),
        r.warm.toFixed(0).padStart(12),
        r.rotated.toFixed(0).padStart(14),
        r.hourly.toFixed(0).padStart(8),
        `${of(r.cold)} / ${of(r.warm)} / ${of(
          r.hourly,
          naivePerRefresh * REFRESHES_PER_HOUR,
        )}`,
      ].join(' | '),
    );
  }
  const graphql = rows.find(([kind]) => kind === 'graphql')![1];
  console.log(
    `goals: cold <= 0.100 of naive, warm <= ${(1 / 30).toFixed(3)} of naive`,
  );
  const restShare = graphql.restPerHour / REST_REQUESTS_PER_HOUR;
  const pointShare = graphql.pointsPerHour / GRAPHQL_POINTS_PER_HOUR;
  console.log(
    `Hourly budget, ${count} components refreshed every 5 minutes through GraphQL: ${graphql.pointsPerHour.toFixed(
      0,
    )} GraphQL points of ${GRAPHQL_POINTS_PER_HOUR} (${(
      pointShare * 100
    ).toFixed(1)}%) and ${graphql.restPerHour.toFixed(
      0,
    )} REST requests of ${REST_REQUESTS_PER_HOUR} (${(restShare * 100).toFixed(
      1,
    )}%) of one GitHub App installation's hourly limits (goal: at most 50% of each)`,
  );
  summary.githubCold = (graphql.cold / naivePerRefresh).toFixed(3);
  summary.githubWarm = (graphql.warm / naivePerRefresh).toFixed(3);
}

/** The load test's baseline (issue 14): req/s of the list route before, at concurrency 10 and 50. */
const BASELINE_REQUESTS_PER_SECOND: Record<number, number> = {
  10: 66.8,
  50: 91.5,
};

async function runningBackendSection(full: boolean) {
  const components = Number(process.env.BENCH_BACKEND_COMPONENTS ?? 334);
  const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
  console.log(
    `== A running backend (its own process: catalog, permissions, guest sign-in, SQLite in memory; ${
      components * 3
    } environments; GitHub: the stand-in over HTTP, read through GraphQL; no AWS)`,
  );
  const figures = await benchRunningBackend({
    components,
    seconds,
    concurrencies: [10, 50],
    statusRequests: Number(process.env.BENCH_REQUESTS ?? (full ? 1000 : 300)),
  });
  for (const r of figures.load) {
    const goal = 5 * BASELINE_REQUESTS_PER_SECOND[r.connections];
    console.log(
      `load c${r.connections}, ${
        r.seconds
      } s, list of one component's 3 environments: ${r.requestsPerSecond.toFixed(
        1,
      )} req/s (${r.requests} requests, ${
        r.failures
      } failed), p95 ${r.p95Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(0)} ms, ${
        r.overOneSecond
      } over 1 s (goal >= ${goal.toFixed(
        0,
      )} req/s, none over 1 s); readiness meanwhile: ${
        r.readiness.probes
      } probes, p99 ${r.readiness.p99.toFixed(
        1,
      )} ms, max ${r.readiness.max.toFixed(0)} ms (goal p99 <= 50 ms)`,
    );
  }
  const { readiness, statusWarm } = figures;
  console.log(
    `readiness during a cold refresh of ${
      components * 3
    } environments (${readiness.refreshSeconds.toFixed(0)} s): ${
      readiness.probes
    } probes, p50 ${readiness.p50.toFixed(1)} ms, p99 ${readiness.p99.toFixed(
      1,
    )} ms, max ${readiness.max.toFixed(0)} ms (goal p99 <= 50 ms)`,
  );
  console.log(
    `status warm, one request at a time: ${
      statusWarm.requests
    } requests, p50 ${statusWarm.p50.toFixed(
      1,
    )} ms, p95 ${statusWarm.p95.toFixed(1)} ms (goal p95 <= 10 ms)`,
  );
  summary.readinessP99 = readiness.p99.toFixed(1);
  summary.statusWarmP95 = statusWarm.p95.toFixed(1);
  summary.loadC50 = figures.load
    .find(r => r.connections === 50)!
    .requestsPerSecond.toFixed(1);
}

/**
 * Stageline environments backend benchmark; prints figures, asserts nothing.
 * Run: yarn workspace @stageline/plugin-environments-backend bench
 * STAGELINE_BENCH_FULL=1: 12 refreshes instead of 3; BENCH_ROUNDS, BENCH_COMPONENTS (GitHub),
 * BENCH_BACKEND_COMPONENTS (running backend), BENCH_LOAD_SECONDS and BENCH_REQUESTS set the
 * sizes directly; BENCH_SKIP_GITHUB=1 leaves the GitHub section out.
 */
async function main() {
  const full = process.env.STAGELINE_BENCH_FULL === '1';
  const rounds = Number(
    process.env.BENCH_ROUNDS ?? (full ? FULL_ROUNDS : DEFAULT_ROUNDS),
  );
  // The running backend first: the GitHub section leaves a large heap behind in this process,
  // whose collection would add to the latencies this process measures.
  await runningBackendSection(full);
  if (process.env.BENCH_SKIP_GITHUB !== '1') {
    console.log('');
    await githubSection(rounds, Number(process.env.BENCH_COMPONENTS ?? 1000));
  }

  console.log('');
  console.log(
    `github cold=${summary.githubCold ?? 'n/a'} warm=${
      summary.githubWarm ?? 'n/a'
    } (of naive, rate-limit units) readiness-p99-during-refresh=${
      summary.readinessP99 ?? 'n/a'
    } ms status-warm-p95=${summary.statusWarmP95 ?? 'n/a'} ms load-c50=${
      summary.loadC50 ?? 'n/a'
    } req/s`,
  );
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

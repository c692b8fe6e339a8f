/* eslint-disable no-console */
import { benchGithubRefresh } from './githubRefresh';
import { benchStatusLatency } from './statusLatency';

/** Refreshes in the full run (about ten minutes on 2 cores) and in the default run (under two). */
const FULL_ROUNDS = 12;
const DEFAULT_ROUNDS = 3;
/** The scheduled status refresh runs every 5 minutes (environments.status.refreshInterval). */
const REFRESHES_PER_HOUR = 12;

/**
 * Stageline environments backend benchmark; prints figures, asserts nothing.
 * Run: yarn workspace @stageline/plugin-environments-backend bench
 * Full run: STAGELINE_BENCH_FULL=1 (12 refreshes instead of 3); BENCH_ROUNDS and BENCH_REQUESTS
 * set the sizes directly.
 */
async function main() {
  const full = process.env.STAGELINE_BENCH_FULL === '1';
  const rounds = Number(
    process.env.BENCH_ROUNDS ?? (full ? FULL_ROUNDS : DEFAULT_ROUNDS),
  );
  console.log(
    `GitHub rate-limited calls to refresh promotion state (${rounds} refreshes, churn between them; the installation token rotates before the last)${
      full
        ? ''
        : ` — short run; STAGELINE_BENCH_FULL=1 for ${FULL_ROUNDS} refreshes (about ten minutes)`
    }`,
  );
  console.log(
    'components x3 envs | naive per refresh | stageline 1st | warm refresh | after token rotation | per hour: stageline / naive | ratio',
  );
  for (const count of [100, 1000]) {
    const r = await benchGithubRefresh(count, rounds);
    const warmRounds = r.stageline.slice(1, -1);
    const warm = warmRounds.length
      ? warmRounds.reduce((a, b) => a + b, 0) / warmRounds.length
      : NaN;
    const rotated = r.stageline.at(-1)!;
    const naive = r.naive.reduce((a, b) => a + b, 0) / r.naive.length;
    // Refreshed every 5 minutes with a token GitHub replaces about hourly: one refresh an hour
    // with a new token, eleven warm ones.
    const hourly = rotated + (REFRESHES_PER_HOUR - 1) * warm;
    const naiveHourly = REFRESHES_PER_HOUR * naive;
    console.log(
      [
        String(count).padStart(18),
        naive.toFixed(0).padStart(17),
        String(r.stageline[0]).padStart(13),
        warm.toFixed(0).padStart(12),
        String(rotated).padStart(20),
        `${hourly.toFixed(0)} / ${naiveHourly.toFixed(0)}`.padStart(27),
        `${(hourly / naiveHourly).toFixed(3)} (goal <= 0.100)`,
      ].join(' | '),
    );
  }
  const latency = await benchStatusLatency(
    Number(process.env.BENCH_REQUESTS ?? 300),
  );
  console.log('');
  console.log(
    `Status API, one component (3 environments), warm cache, in-process: ${
      latency.requests
    } requests, p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(
      1,
    )} ms (goal p95 <= 20 ms)`,
  );
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

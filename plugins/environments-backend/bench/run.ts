/* eslint-disable no-console */
import { benchGithubRefresh } from './githubRefresh';
import { benchStatusLatency } from './statusLatency';

/** Refreshes in the full run (about ten minutes on 2 cores) and in the default run (under two). */
const FULL_ROUNDS = 12;
const DEFAULT_ROUNDS = 3;

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
    `GitHub rate-limited calls to refresh promotion state (${rounds} refreshes, churn between them)${
      full
        ? ''
        : ` — short run; STAGELINE_BENCH_FULL=1 for ${FULL_ROUNDS} refreshes (about ten minutes)`
    }`,
  );
  console.log(
    'components x3 envs | naive 1st | naive total | stageline 1st | stageline total (304s free) | ratio | ratio after the 1st',
  );
  for (const count of [100, 1000]) {
    const r = await benchGithubRefresh(count, rounds);
    const ratio = r.stageline.total / r.naive.total;
    const warm =
      (r.stageline.total - r.stageline.cold) / (r.naive.total - r.naive.cold);
    console.log(
      `${String(count).padStart(18)} | ${String(r.naive.cold).padStart(
        9,
      )} | ${String(r.naive.total).padStart(11)} | ${String(
        r.stageline.cold,
      ).padStart(13)} | ${String(r.stageline.total).padStart(15)} (${
        r.stagelineNotModified
      }) | ${ratio.toFixed(3)} | ${
        Number.isFinite(warm) ? warm.toFixed(3) : '-'
      } (goal <= 0.100 over repeated refreshes)`,
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

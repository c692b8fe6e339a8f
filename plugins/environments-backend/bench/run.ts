/* eslint-disable no-console */
import { benchGithubRefresh } from './githubRefresh';
import { benchStatusLatency } from './statusLatency';

/**
 * Stageline environments backend benchmark; prints figures, asserts nothing.
 * Run: yarn workspace @stageline/plugin-environments-backend bench
 */
async function main() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
  console.log(
    `GitHub rate-limited calls to refresh promotion state (${rounds} refreshes, churn between them)`,
  );
  console.log(
    'components x3 envs | naive 1st | naive total | stageline 1st | stageline total (304s free) | ratio',
  );
  for (const count of [100, 1000]) {
    const r = await benchGithubRefresh(count, rounds);
    const ratio = r.stageline.total / r.naive.total;
    console.log(
      `${String(count).padStart(18)} | ${String(r.naive.cold).padStart(
        9,
      )} | ${String(r.naive.total).padStart(11)} | ${String(
        r.stageline.cold,
      ).padStart(13)} | ${String(r.stageline.total).padStart(15)} (${
        r.stagelineNotModified
      }) | ${ratio.toFixed(3)} (goal <= 0.100)`,
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

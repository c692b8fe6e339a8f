#!/usr/bin/env bash
# Runs every test in the workspace (jest through backstage-cli) and, without arguments, the
# adopter check (scripts/adopter-check.sh, counted as one test when it fails; skipped with
# STAGELINE_SKIP_ADOPTER=1); prints one closing line "N passed, N failed, N skipped". Database
# tests run on SQLite, and on PostgreSQL too when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set or a local server answers.
set -uo pipefail
cd "$(dirname "$0")/.."

# No Docker engine here: TestDatabases must only use servers we point it at.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] &&
  command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p 5432; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres:postgres@127.0.0.1:5432
fi
# The two-replica tests need Redis too: start Debian's redis-server when it is installed and
# nothing answers yet (in memory only, on loopback; it stays up for later runs).
if [ -z "${STAGELINE_TEST_REDIS_URL:-}" ] && command -v redis-server >/dev/null &&
  ! (command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1); then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  echo "stageline: database tests run on SQLite and PostgreSQL"
else
  echo "stageline: database tests run on SQLite only (no PostgreSQL server reachable)"
fi

# The adopter check (scripts/adopter-check.sh) runs with the full suite, not with a filter.
adopter_rc=0
if [ "$#" -eq 0 ] && [ "${STAGELINE_SKIP_ADOPTER:-}" != 1 ]; then
  scripts/adopter-check.sh || adopter_rc=1
fi

results="$(mktemp -d)/jest.json"
node .yarn/releases/yarn-4.13.0.cjs backstage-cli repo test --watchAll=false --ci \
  --json --outputFile="$results" "$@"
rc=$?
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const adopterFailed = process.argv[2] === "1";
    if (adopterFailed) console.log("adopter check failed: scripts/adopter-check.sh (above)");
    const failedSuites = r.testResults.filter(s => s.status === "failed" && s.assertionResults.length === 0);
    for (const s of failedSuites) console.log(`suite failed to run: ${s.name}`);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites.length + (adopterFailed ? 1 : 0)} failed, ${r.numPendingTests} skipped`);
  ' "$results" "$adopter_rc"
else
  echo "0 passed, 1 failed (jest wrote no results)"
  [ "$rc" -eq 0 ] && rc=1
fi
[ "$adopter_rc" -ne 0 ] && [ "$rc" -eq 0 ] && rc=1
exit "$rc"

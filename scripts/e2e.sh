#!/usr/bin/env bash
# Browser tests (`make e2e`), in two runs of the app (frontend :3000, backend :7007, database
# empty each time), driving Debian's Chromium with playwright-core:
#   1. `make start`'s default: app-config.yaml with no GitHub token, so the example system
#      promotes on its local git repository (a fresh copy made by scripts/local-repo.mjs;
#      e2e/app-config.local-repo.yaml points there) -> e2e/localRepository.e2e.mjs;
#   2. GitHub and AWS configured: the backend restarted with e2e/app-config.e2e.yaml on top, so
#      its GitHub client talks to the fake GitHub (e2e/fake-github: @stageline/github-stand-in
#      served over HTTP) and its AWS SDK clients to the
#      fake AWS (e2e/fake-aws, through AWS_ENDPOINT_URL) over HTTP -> e2e/environments.e2e.mjs.
# The frontend keeps running between them. Stops what it started. Screenshots go to
# e2e-screenshots/ (git-ignored). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

FRONTEND_URL="${E2E_BASE_URL:-http://localhost:3000}"
BACKEND_HEALTH="${E2E_BACKEND_HEALTH:-http://localhost:7007/.backstage/health/v1/readiness}"
START_TIMEOUT="${E2E_START_TIMEOUT:-300}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
FAKE_GITHUB_PORT="${E2E_FAKE_GITHUB_PORT:-7099}"
export CHROMIUM_PATH E2E_BASE_URL="$FRONTEND_URL"
export E2E_FAKE_GITHUB_URL="http://127.0.0.1:${FAKE_GITHUB_PORT}"
export E2E_FAKE_GITHUB_TOKEN="e2e-fake-token"
# never a real GitHub: the first run has none, the second the fake
unset GITHUB_TOKEN
FAKE_AWS_PORT="${E2E_FAKE_AWS_PORT:-7098}"
export E2E_FAKE_AWS_PORT="$FAKE_AWS_PORT" E2E_FAKE_AWS_URL="http://127.0.0.1:${FAKE_AWS_PORT}"

fail() { # message
  echo "e2e: $1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "e2e: installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    fail "$CHROMIUM_PATH is missing; install it with: apt-get update && apt-get install -y chromium"
  fi
fi

up() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }

# The run needs its own app: a fresh in-memory database and GitHub pointed at the fake.
if up "$FRONTEND_URL" || up "$BACKEND_HEALTH"; then
  fail "an app already answers on $FRONTEND_URL or $BACKEND_HEALTH; stop it first (the browser tests start their own, with the fake GitHub and an empty database)"
fi
if up "$E2E_FAKE_GITHUB_URL/_e2e/unanswered"; then
  fail "port $FAKE_GITHUB_PORT is taken; set E2E_FAKE_GITHUB_PORT to a free port"
fi
if up "$E2E_FAKE_AWS_URL/_e2e/unanswered"; then
  fail "port $FAKE_AWS_PORT is taken; set E2E_FAKE_AWS_PORT to a free port"
fi

echo "e2e: checking the fake GitHub against Octokit"
fake_github_test=(node -r sucrase/register/ts --test e2e/fake-github/server.test.ts)
"${fake_github_test[@]}" >/dev/null || {
  "${fake_github_test[@]}" 2>&1 | tail -n 30 >&2
  fail "the fake GitHub does not answer as GitHub does"
}

started_pids=()
app_log="$(mktemp -t stageline-e2e-app.XXXXXX.log)"
local_log="$(mktemp -t stageline-e2e-backend-local.XXXXXX.log)"
github_log="$(mktemp -t stageline-e2e-backend-github.XXXXXX.log)"
fake_log="$(mktemp -t stageline-e2e-github.XXXXXX.log)"
fake_aws_log="$(mktemp -t stageline-e2e-aws.XXXXXX.log)"
scratch="$(mktemp -d -t stageline-e2e.XXXXXX)"
stop_group() { # pid: the process group it leads
  kill -TERM -- "-$1" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 -- "-$1" 2>/dev/null || return 0
    sleep 1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}
stop_started() {
  for pid in "${started_pids[@]}"; do stop_group "$pid"; done
  rm -rf "$scratch"
}
trap stop_started EXIT

# Waits for a URL while the process group that should answer it lives.
wait_for() { # url pid log what
  local deadline=$((SECONDS + START_TIMEOUT))
  until up "$1"; do
    if ! kill -0 "$2" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
      echo "e2e: $4 did not come up within ${START_TIMEOUT}s; last lines of its log ($3):" >&2
      tail -n 40 "$3" >&2
      fail "$4 did not start"
    fi
    sleep 3
  done
}

# The backend with app-config.yaml and one e2e file on top, in its own process group.
start_backend() { # config log
  setsid node .yarn/releases/yarn-4.13.0.cjs workspace backend start \
    --config "$PWD/app-config.yaml" --config "$PWD/$1" >"$2" 2>&1 &
  backend_pid=$!
  started_pids+=("$backend_pid")
  wait_for "$BACKEND_HEALTH" "$backend_pid" "$2" "the backend"
  node e2e/lib/waitForCatalog.mjs "$START_TIMEOUT" || fail "the catalog did not load examples/ (log: $2)"
}

status=0

# 1. `make start`'s default: no GitHub token; the example system promotes on a fresh copy of
#    its local repository.
export E2E_LOCAL_REPO="$scratch/local-repo"
node scripts/local-repo.mjs --path "$E2E_LOCAL_REPO"
echo "e2e: starting the frontend (log: $app_log) and the backend without GitHub (log: $local_log)"
setsid node .yarn/releases/yarn-4.13.0.cjs workspace app start \
  --config "$PWD/app-config.yaml" >"$app_log" 2>&1 &
app_pid=$!
started_pids+=("$app_pid")
start_backend e2e/app-config.local-repo.yaml "$local_log"
wait_for "$FRONTEND_URL" "$app_pid" "$app_log" "the frontend"
echo "e2e: app is up, promoting on the local repository"
node e2e/localRepository.e2e.mjs || status=1
stop_group "$backend_pid"

# 2. GitHub configured (the fake GitHub): the backend restarted with a fresh database.
setsid node -r sucrase/register/ts e2e/fake-github/server.ts >"$fake_log" 2>&1 &
started_pids+=($!)
for _ in $(seq 1 20); do
  up "$E2E_FAKE_GITHUB_URL/_e2e/unanswered" && break
  sleep 0.5
done
up "$E2E_FAKE_GITHUB_URL/_e2e/unanswered" || fail "the fake GitHub did not start: $(cat "$fake_log")"
echo "e2e: fake GitHub at $E2E_FAKE_GITHUB_URL"

# The fake AWS reads the branch heads of the fake GitHub to tag its stacks, so it starts second.
setsid node -r sucrase/register/ts e2e/fake-aws/server.ts >"$fake_aws_log" 2>&1 &
started_pids+=($!)
for _ in $(seq 1 40); do
  up "$E2E_FAKE_AWS_URL/_e2e/unanswered" && break
  sleep 0.5
done
up "$E2E_FAKE_AWS_URL/_e2e/unanswered" || fail "the fake AWS did not start: $(cat "$fake_aws_log")"
echo "e2e: fake AWS at $E2E_FAKE_AWS_URL"
# Every AWS SDK client of the backend asks the fake AWS (the SDK's configurable endpoints).
export AWS_ENDPOINT_URL="$E2E_FAKE_AWS_URL"

echo "e2e: restarting the backend with the fake GitHub and the fake AWS (log: $github_log)"
start_backend e2e/app-config.e2e.yaml "$github_log"
echo "e2e: backend is up, promoting through the fake GitHub"
node e2e/environments.e2e.mjs || status=1

exit "$status"

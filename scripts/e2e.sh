#!/usr/bin/env bash
# Browser tests (`make e2e`): starts a fake GitHub (e2e/fake-github) and the app (frontend :3000,
# backend :7007) with e2e/app-config.e2e.yaml on top of app-config.yaml, so that the backend's
# GitHub client talks to the fake over HTTP and the database starts empty; then drives Debian's
# Chromium with playwright-core through a real promotion. Stops what it started. Screenshots go
# to e2e-screenshots/ (git-ignored). Exits non-zero on any failure.
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

echo "e2e: checking the fake GitHub against Octokit"
node --test e2e/fake-github/*.test.mjs >/dev/null || {
  node --test e2e/fake-github/*.test.mjs 2>&1 | tail -n 30 >&2
  fail "the fake GitHub does not answer as GitHub does"
}

started_pids=()
log_file="$(mktemp -t stageline-e2e-app.XXXXXX.log)"
fake_log="$(mktemp -t stageline-e2e-github.XXXXXX.log)"
stop_started() {
  for pid in "${started_pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 1 20); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop_started EXIT

# each in its own process group, so that stopping it stops all its children
setsid node e2e/fake-github/server.mjs >"$fake_log" 2>&1 &
started_pids+=($!)
for _ in $(seq 1 20); do
  up "$E2E_FAKE_GITHUB_URL/_e2e/unanswered" && break
  sleep 0.5
done
up "$E2E_FAKE_GITHUB_URL/_e2e/unanswered" || fail "the fake GitHub did not start: $(cat "$fake_log")"
echo "e2e: fake GitHub at $E2E_FAKE_GITHUB_URL"

echo "e2e: starting the app (log: $log_file)"
setsid node .yarn/releases/yarn-4.13.0.cjs start \
  --config "$PWD/app-config.yaml" --config "$PWD/e2e/app-config.e2e.yaml" >"$log_file" 2>&1 &
app_pid=$!
started_pids+=("$app_pid")
deadline=$((SECONDS + START_TIMEOUT))
until up "$FRONTEND_URL" && up "$BACKEND_HEALTH"; do
  if ! kill -0 "$app_pid" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "e2e: the app did not come up within ${START_TIMEOUT}s; last lines of its log:" >&2
    tail -n 40 "$log_file" >&2
    fail "the app did not start"
  fi
  sleep 3
done
echo "e2e: app is up"

node e2e/environments.e2e.mjs

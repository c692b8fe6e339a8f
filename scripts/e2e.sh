#!/usr/bin/env bash
# Browser tests (`make e2e`): drives Debian's Chromium with playwright-core through the running
# app (frontend :3000, backend :7007). Starts the app when it is not running and stops what it
# started. Screenshots go to e2e-screenshots/ (git-ignored). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

FRONTEND_URL="${E2E_BASE_URL:-http://localhost:3000}"
BACKEND_HEALTH="${E2E_BACKEND_HEALTH:-http://localhost:7007/.backstage/health/v1/readiness}"
START_TIMEOUT="${E2E_START_TIMEOUT:-300}"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH E2E_BASE_URL="$FRONTEND_URL"

if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "e2e: installing Debian's chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "e2e: $CHROMIUM_PATH is missing; install it with: apt-get update && apt-get install -y chromium" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

up() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }

started_pid=""
log_file="$(mktemp -t stageline-e2e-app.XXXXXX.log)"
stop_app() {
  if [ -n "$started_pid" ]; then
    echo "e2e: stopping the app it started (process group $started_pid)"
    kill -TERM -- "-$started_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 -- "-$started_pid" 2>/dev/null || break
      sleep 1
    done
    kill -KILL -- "-$started_pid" 2>/dev/null || true
  fi
}
trap stop_app EXIT

wait_for_app() { # seconds; true once both halves answer
  local deadline=$((SECONDS + $1))
  until up "$FRONTEND_URL" && up "$BACKEND_HEALTH"; do
    if [ -n "$started_pid" ] && ! kill -0 "$started_pid" 2>/dev/null; then return 1; fi
    [ $SECONDS -ge $deadline ] && return 1
    sleep 3
  done
}

if up "$FRONTEND_URL" || up "$BACKEND_HEALTH"; then
  # a running app (maybe restarting its backend after a file change): wait for both halves
  if ! wait_for_app 120; then
    echo "e2e: only half of the running app answers (frontend $FRONTEND_URL, backend $BACKEND_HEALTH); stop it or start it fully" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "e2e: using the app already running at $FRONTEND_URL"
else
  echo "e2e: starting the app (log: $log_file)"
  # its own process group, so that stopping it stops the frontend and the backend
  setsid node .yarn/releases/yarn-4.13.0.cjs start >"$log_file" 2>&1 &
  started_pid=$!
  if ! wait_for_app "$START_TIMEOUT"; then
    echo "e2e: the app did not come up within ${START_TIMEOUT}s; last lines of its log:" >&2
    tail -n 40 "$log_file" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  echo "e2e: app is up"
fi

node e2e/environments.e2e.mjs

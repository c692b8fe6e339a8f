#!/usr/bin/env bash
# Installs dependencies with the committed yarn release; skips when nothing changed since the
# last install (yarn.lock and every package.json older than node_modules' install state).
set -euo pipefail
cd "$(dirname "$0")/.."
state=node_modules/.yarn-state.yml
if [ -f "$state" ] && [ -z "$(find yarn.lock package.json packages/*/package.json plugins/*/package.json -newer "$state" 2>/dev/null)" ]; then
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  node .yarn/releases/yarn-4.13.0.cjs install --immutable
else
  node .yarn/releases/yarn-4.13.0.cjs install
fi
touch "$state"

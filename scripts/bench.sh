#!/usr/bin/env bash
# Benchmarks: prints figures, asserts nothing. The environments backend's summary line comes last.
set -euo pipefail
cd "$(dirname "$0")/.."
YARN="node .yarn/releases/yarn-4.13.0.cjs"

echo "== cost model: synth and estimate time per profile, monthly estimate vs budget"
node packages/cost-model/bench/run.js

echo
echo "== scaffolder actions: AWS and GitHub calls and wall time of a rollback, per kind"
$YARN workspace @stageline/plugin-scaffolder-backend-module-environments bench

echo
echo "== environments backend: a running backend under load and during a cold refresh; GitHub rate-limit units per refresh"
$YARN workspace @stageline/plugin-environments-backend bench


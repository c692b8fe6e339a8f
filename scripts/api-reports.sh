#!/usr/bin/env bash
# Writes the API reports of the published packages (report*.api.md), or with --ci checks that
# they match the code. The declarations come from a full, non-incremental `tsc` into dist-types:
# in types TypeScript infers (zod schemas), members are ordered as the compiler first met their
# names, which an incremental build changes. (backstage-repo-tools' own --tsc also checks the
# libraries' declarations, skipLibCheck false, which fails on node_modules here.)
set -euo pipefail
cd "$(dirname "$0")/.."
yarn() { node .yarn/releases/yarn-4.13.0.cjs "$@"; }
rm -rf dist-types
yarn tsc --incremental false
yarn build:api-reports:only "$@"

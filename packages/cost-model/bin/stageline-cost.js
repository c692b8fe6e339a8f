#!/usr/bin/env node
/*
 * stageline-cost <template> --region <region> [--currency GBP] [--schedule "0 18 * * 1-5"] [--json]
 * Runs the TypeScript source through the transform shipped with @backstage/cli, so it needs
 * no build step inside this monorepo (the root script `yarn stageline-cost` calls it).
 */
require('@backstage/cli/config/nodeTransform.cjs');
process.exitCode = require('../src/cli/main.ts').runCli(process.argv.slice(2));

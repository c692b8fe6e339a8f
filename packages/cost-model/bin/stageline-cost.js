#!/usr/bin/env node
/*
 * stageline-cost <template> [--region <region>] [--currency GBP] [--schedule "0 18 * * 1-5"] [--json]
 * Installed from the published package it runs the built `dist`; inside this monorepo (no
 * `dist`) it runs the TypeScript source through the transform shipped with @backstage/cli.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'dist', 'index.cjs.js');
let cli;
if (existsSync(built)) {
  cli = require(built);
} else {
  require('@backstage/cli/config/nodeTransform.cjs');
  cli = require('../src/cli/main.ts');
}
cli.runCli(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`stageline-cost: ${error.message}\n`);
    process.exitCode = 1;
  },
);

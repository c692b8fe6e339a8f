#!/usr/bin/env node
// Runs bench.ts through the TypeScript transform shipped with @backstage/cli.
require('@backstage/cli/config/nodeTransform.cjs');
require('./bench.ts');

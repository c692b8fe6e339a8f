#!/usr/bin/env node
/*
 * CDK app of one Stageline environment. A service repository points its cdk.json at it:
 *   { "app": "npx stageline-cdk-app" }
 * and sets CDK_DEPLOY_ENV, CDK_DEPLOY_SCALE and CDK_APP_NAME in its pipeline.
 * Runs the built package when there is one, otherwise the TypeScript source through the
 * transform shipped with @backstage/cli (inside this monorepo).
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'dist', 'index.cjs.js');
let entry = built;
if (!existsSync(built)) {
  require('@backstage/cli/config/nodeTransform.cjs');
  entry = join(__dirname, '..', 'src', 'index.ts');
}

try {
  const { createApp } = require(entry);
  createApp(process.env).app.synth();
} catch (error) {
  console.error(`stageline-cdk-app: ${error.message}`);
  process.exit(1);
}

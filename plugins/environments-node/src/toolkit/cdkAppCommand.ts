import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { CdkAppDeploymentSpec } from '@stageline/plugin-environments-common';

/** Characters that would need a shell; the app command runs without one. */
const SHELL_SYNTAX = /[;&|<>`$(){}*?~\\]/;

/** `npx tsx "bin/app.ts"` → `['npx', 'tsx', 'bin/app.ts']`; quotes group, nothing else is special. */
function splitWords(command: string): string[] {
  const words: string[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of command.matchAll(pattern)) {
    words.push(match[1] ?? match[2] ?? match[3]);
  }
  return words;
}

/**
 * Where a CDK app is in the task workspace, and the command that synthesizes it.
 *
 * @public
 */
export type CdkAppCommand = {
  /** The app's folder, inside the workspace. */
  directory: string;
  /** The command and its arguments, run there without a shell. */
  argv: string[];
  /** As written: `node bin/app.js`. */
  command: string;
};

/**
 * Finds the app of an Environment's `spec.deployment.cdkApp` in the task workspace: its folder
 * (which must stay inside the workspace) and its command (`cdkApp.app`, else the `app` of the
 * folder's `cdk.json`).
 *
 * @throws InputError saying what is missing or not allowed, naming the field
 *
 * @public
 */
export function cdkAppCommand(
  workspacePath: string,
  cdkApp: CdkAppDeploymentSpec,
): CdkAppCommand {
  const workspace = path.resolve(workspacePath);
  const directory = path.resolve(workspace, cdkApp.path);
  const relative = path.relative(workspace, directory);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new InputError(
      `spec.deployment.cdkApp.path ${JSON.stringify(
        cdkApp.path,
      )} is outside the repository; give a folder relative to its root`,
    );
  }
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    throw new InputError(
      `The CDK app folder ${cdkApp.path} (spec.deployment.cdkApp.path) is not in the task workspace: fetch the service's repository into the workspace first, e.g. with a fetch:plain step before this one`,
    );
  }
  let command = cdkApp.app;
  if (!command) {
    const cdkJson = path.join(directory, 'cdk.json');
    if (!fs.existsSync(cdkJson)) {
      throw new InputError(
        `${cdkApp.path} has no cdk.json, so its app command is unknown: add spec.deployment.cdkApp.app, e.g. node bin/app.js`,
      );
    }
    command = (JSON.parse(fs.readFileSync(cdkJson, 'utf8')) as { app?: string })
      .app;
    if (!command) {
      throw new InputError(
        `${cdkApp.path}/cdk.json has no "app": add spec.deployment.cdkApp.app, e.g. node bin/app.js`,
      );
    }
  }
  if (SHELL_SYNTAX.test(command.replace(/"[^"]*"|'[^']*'/g, ''))) {
    throw new InputError(
      `The CDK app command ${JSON.stringify(
        command,
      )} needs a shell, and it runs without one: give one command with its arguments (spec.deployment.cdkApp.app), e.g. node bin/app.js`,
    );
  }
  return { directory, argv: splitWords(command), command };
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { synthesizeEnvironmentAssembly } from '@stageline/cdk-environments';
import type { CdkAppDeploymentSpec } from '@stageline/plugin-environments-common';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import { referenceSynthesisInput } from './referenceSynthesisInput';
import { AssemblyStack, selectAssemblyStack } from './assemblyStack';
import { cdkAppCommand } from './cdkAppCommand';
import { runCdkApp } from './runCdkApp';

/**
 * A synthesized cloud assembly in a temporary folder, and the target's stack in it.
 *
 * @public
 */
export type PreparedAssembly = {
  dir: string;
  stack: AssemblyStack;
  /** Removes the folder. */
  dispose(): void;
};

function temporaryAssemblyDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-out-'));
}

/**
 * The variables a CDK app of a Stageline environment reads (see `@stageline/cdk-environments`).
 *
 * @public
 */
export function cdkAppVariables(target: EnvironmentTarget) {
  return {
    CDK_DEFAULT_REGION: target.region,
    CDK_DEFAULT_ACCOUNT: target.accountId,
    CDK_APP_NAME: target.appName,
    CDK_DEPLOY_ENV: target.stage,
    CDK_DEPLOY_SCALE: target.scale,
    CDK_PREVIEW_ID: target.previewId,
  };
}

/**
 * The `reference` stack: the `@stageline/cdk-environments` profile for the target's stage and
 * scale, synthesized in process (no assets, no bootstrap version check).
 *
 * @throws InputError with the synthesizer's message
 *
 * @public
 */
export function referenceAssembly(target: EnvironmentTarget): PreparedAssembly {
  const dir = temporaryAssemblyDir();
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    synthesizeEnvironmentAssembly(referenceSynthesisInput(target), {
      outdir: dir,
    });
    return {
      dir,
      stack: selectAssemblyStack(dir, target, 'the reference profile'),
      dispose,
    };
  } catch (error) {
    dispose();
    throw new InputError(
      `Could not synthesize the stack of ${target.name} (${target.stage}, ${
        target.scale
      }): ${(error as Error).message}`,
    );
  }
}

/**
 * A `cdk-app` stack: the service's CDK app in the task workspace, synthesized as a child process
 * (see `runCdkApp`), and the target's stack selected from it.
 *
 * @public
 */
export async function cdkAppAssembly(options: {
  target: EnvironmentTarget;
  cdkApp: CdkAppDeploymentSpec;
  workspacePath: string;
  timeoutMs: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<PreparedAssembly> {
  const { target, cdkApp } = options;
  const app = cdkAppCommand(options.workspacePath, cdkApp);
  const dir = temporaryAssemblyDir();
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    await runCdkApp({
      app,
      appPath: cdkApp.path,
      outdir: dir,
      variables: cdkAppVariables(target),
      timeoutMs: options.timeoutMs,
      logger: options.logger,
      signal: options.signal,
    });
    return {
      dir,
      stack: selectAssemblyStack(dir, target, cdkApp.path),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

/**
 * How long a CDK app may take to synthesize, unless the module says otherwise.
 *
 * @public
 */
export const DEFAULT_SYNTH_TIMEOUT_MS = 10 * 60_000;

/**
 * The cloud assembly of a `reference` or `cdk-app` target's stack, as its mode builds it.
 *
 * @public
 */
export async function assemblyForTarget(options: {
  target: EnvironmentTarget;
  workspacePath: string;
  timeoutMs?: number;
  logger: LoggerService;
  signal?: AbortSignal;
}): Promise<PreparedAssembly> {
  const { target } = options;
  if (target.deployment.mode === 'cdk-app') {
    return cdkAppAssembly({
      target,
      cdkApp: target.deployment.cdkApp,
      workspacePath: options.workspacePath,
      timeoutMs: options.timeoutMs ?? DEFAULT_SYNTH_TIMEOUT_MS,
      logger: options.logger,
      signal: options.signal,
    });
  }
  return referenceAssembly(target);
}

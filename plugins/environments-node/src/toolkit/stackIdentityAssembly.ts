import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, DefaultStackSynthesizer, Stack } from 'aws-cdk-lib';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import { selectAssemblyStack } from './assemblyStack';
import type { PreparedAssembly } from './prepareAssembly';

/**
 * A cloud assembly holding only the target stack's identity — its name, account and region —
 * as an empty stack with CDK's default synthesizer. Enough for the CDK toolkit library to
 * delete the deployed stack with the deploy role `cdk bootstrap` made (the roles an app with the
 * default synthesizer names), when the app itself is not at hand: the environments backend has
 * no checkout of a `cdk-app` Environment's repository.
 *
 * @public
 */
export function stackIdentityAssembly(
  target: Pick<EnvironmentTarget, 'stackName' | 'region' | 'accountId'>,
): PreparedAssembly {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-out-'));
  const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const app = new App({ outdir: dir });
    // eslint-disable-next-line no-new -- a CDK construct registers itself with its scope
    new Stack(app, target.stackName, {
      stackName: target.stackName,
      env: { account: target.accountId, region: target.region },
      synthesizer: new DefaultStackSynthesizer(),
    });
    app.synth();
    return {
      dir,
      stack: selectAssemblyStack(dir, target, 'the stack identity'),
      dispose,
    };
  } catch (error) {
    dispose();
    throw error;
  }
}

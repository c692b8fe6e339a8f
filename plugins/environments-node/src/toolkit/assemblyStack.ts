import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';
import type { CloudFormationTemplate } from './referenceSynthesisInput';

type Manifest = {
  artifacts?: Record<
    string,
    {
      type: string;
      environment?: string;
      properties?: { templateFile?: string; stackName?: string };
    }
  >;
};

/**
 * A stack of a cloud assembly, as its manifest lists it.
 *
 * @public
 */
export type AssemblyStack = {
  artifactId: string;
  stackName: string;
  /** Undefined when the app left it to the deploy (`unknown-account`). */
  account?: string;
  region?: string;
  template: CloudFormationTemplate;
  /** Size of the template file, in bytes. */
  templateBytes: number;
};

function stacksOf(outdir: string): AssemblyStack[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'),
  ) as Manifest;
  return Object.entries(manifest.artifacts ?? {})
    .filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack')
    .map(([artifactId, artifact]) => {
      const [, account, region] =
        artifact.environment?.match(/^aws:\/\/([^/]+)\/(.+)$/) ?? [];
      const file = path.join(outdir, artifact.properties?.templateFile ?? '');
      const body = fs.readFileSync(file, 'utf8');
      return {
        artifactId,
        stackName: artifact.properties?.stackName ?? artifactId,
        account: account?.startsWith('unknown-') ? undefined : account,
        region: region?.startsWith('unknown-') ? undefined : region,
        template: JSON.parse(body),
        templateBytes: Buffer.byteLength(body, 'utf8'),
      };
    });
}

/**
 * The one stack of the assembly that the Environment describes: the same name, and no other
 * region or account. The deploy touches that stack only, never another stack of the app, so
 * what it changes is what was authorized.
 *
 * @throws InputError naming the stacks the app has, or the region or account it gives the stack
 *
 * @public
 */
export function selectAssemblyStack(
  outdir: string,
  target: Pick<EnvironmentTarget, 'stackName' | 'region' | 'accountId'>,
  appPath: string,
): AssemblyStack {
  const stacks = stacksOf(outdir);
  const stack = stacks.find(s => s.stackName === target.stackName);
  if (!stack) {
    throw new InputError(
      `The CDK app in ${appPath} has no stack ${
        target.stackName
      } (spec.deployment.stackName); it has ${
        stacks.map(s => s.stackName).join(', ') || 'no stacks'
      }`,
    );
  }
  if (stack.region && stack.region !== target.region) {
    throw new InputError(
      `The CDK app in ${appPath} puts ${stack.stackName} in ${stack.region}, but its Environment says ${target.region} (spec.deployment.region)`,
    );
  }
  if (stack.account && target.accountId && stack.account !== target.accountId) {
    throw new InputError(
      `The CDK app in ${appPath} puts ${stack.stackName} in account ${stack.account}, but its Environment says ${target.accountId} (spec.deployment.accountId)`,
    );
  }
  return stack;
}

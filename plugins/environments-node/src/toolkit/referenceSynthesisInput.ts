import type { SynthesizeEnvironmentInput } from '@stageline/cdk-environments';
import type { EnvironmentTarget } from '../target/EnvironmentTarget';

/**
 * The parts of a CloudFormation template Stageline looks at.
 *
 * @public
 */
export interface CloudFormationTemplate {
  Resources?: Record<
    string,
    { Type: string; Metadata?: Record<string, unknown> }
  >;
  [section: string]: unknown;
}

/**
 * What `@stageline/cdk-environments` synthesizes for the target: its reference profile.
 *
 * @public
 */
export function referenceSynthesisInput(
  target: EnvironmentTarget,
): SynthesizeEnvironmentInput {
  return {
    appName: target.appName,
    stage: target.stage,
    scale: target.scale,
    region: target.region,
    account: target.accountId,
    previewId: target.previewId,
    stackName: target.stackName,
  };
}

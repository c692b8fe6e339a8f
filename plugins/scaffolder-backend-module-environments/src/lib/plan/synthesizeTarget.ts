import { InputError } from '@backstage/errors';
import {
  synthesizeEnvironment,
  SynthesizeEnvironmentInput,
} from '@stageline/cdk-environments';
import type { EnvironmentTarget } from '../environment/EnvironmentTarget';

/** The parts of a CloudFormation template the actions look at. */
export interface CloudFormationTemplate {
  Resources?: Record<
    string,
    { Type: string; Metadata?: Record<string, unknown> }
  >;
  [section: string]: unknown;
}

/** A synthesized environment stack. */
export interface SynthesizedStack {
  template: CloudFormationTemplate;
  /** The template as sent to CloudFormation. */
  templateBody: string;
  /** Logical ids of resources that need a CDK asset (code or files uploaded before deploy). */
  assetResources: string[];
}

/** CloudFormation's limit for a template passed inline (`TemplateBody`). */
export const TEMPLATE_BODY_LIMIT_BYTES = 51_200;

/** What `@stageline/cdk-environments` synthesizes for the target: its reference profile. */
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

/**
 * Synthesizes the environment's stack with `@stageline/cdk-environments` for its stage, scale,
 * region and account.
 *
 * @throws InputError with the synthesizer's message (it names the bad value)
 */
export async function synthesizeTarget(
  target: EnvironmentTarget,
): Promise<SynthesizedStack> {
  let template: CloudFormationTemplate;
  try {
    const synthesized = await synthesizeEnvironment(
      referenceSynthesisInput(target),
    );
    template = synthesized.template as CloudFormationTemplate;
  } catch (error) {
    throw new InputError(
      `Could not synthesize the stack of ${target.name} (${target.stage}, ${
        target.scale
      }): ${(error as Error).message}`,
    );
  }
  const assetResources = Object.entries(template.Resources ?? {})
    .filter(
      ([, resource]) => resource.Metadata?.['aws:asset:path'] !== undefined,
    )
    .map(([logicalId]) => logicalId);
  return { template, templateBody: JSON.stringify(template), assetResources };
}

/**
 * Refuses a stack the deploy action cannot send to CloudFormation directly: one with CDK assets
 * (they must be published first, which `cdk deploy` does) or one over the inline template limit.
 *
 * @throws InputError saying why and what to use instead
 */
export function assertDeployableInline(
  stack: SynthesizedStack,
  stackName: string,
): void {
  if (stack.assetResources.length > 0) {
    throw new InputError(
      `Stack ${stackName} has CDK assets (${stack.assetResources.join(
        ', ',
      )}), which this action cannot publish; deploy it with \`cdk deploy\` from the service's workflow instead`,
    );
  }
  const size = Buffer.byteLength(stack.templateBody, 'utf8');
  if (size > TEMPLATE_BODY_LIMIT_BYTES) {
    throw new InputError(
      `Stack ${stackName} template is ${size} bytes, over CloudFormation's ${TEMPLATE_BODY_LIMIT_BYTES}-byte inline limit; deploy it with \`cdk deploy\` from the service's workflow instead`,
    );
  }
}

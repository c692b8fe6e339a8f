import { InputError } from '@backstage/errors';
import { synthesizeEnvironment } from '@stageline/cdk-environments';
import {
  CloudFormationTemplate,
  EnvironmentTarget,
  referenceSynthesisInput,
} from '@stageline/plugin-environments-node';

export type { CloudFormationTemplate };

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

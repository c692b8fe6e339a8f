import {
  CloudFormationClient,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { ConflictError } from '@backstage/errors';
import { codeResources } from '@stageline/cdk-environments';
import { isDeepStrictEqual } from 'node:util';
import yaml from 'yaml';
import type { CloudFormationTemplate } from '../plan/synthesizeTarget';

/**
 * The code a deployed template runs that deploying `next` would replace with placeholder code,
 * one description each (`ApiFunction (AWS::Lambda::Function) runs s3://bucket/key`). Empty when
 * `next` has no placeholder code, or keeps every piece of the deployed stack's own code as it is.
 */
export function codeReplacedByPlaceholder(
  deployed: CloudFormationTemplate | undefined,
  next: CloudFormationTemplate,
): string[] {
  const incoming = codeResources(next);
  if (!deployed || !incoming.some(resource => resource.placeholder)) return [];
  return codeResources(deployed)
    .filter(resource => !resource.placeholder)
    .filter(
      resource =>
        !incoming.some(
          kept =>
            kept.logicalId === resource.logicalId &&
            isDeepStrictEqual(kept.code, resource.code),
        ),
    )
    .map(
      resource =>
        `${resource.logicalId} (${resource.type}) runs ${resource.source}`,
    );
}

/**
 * Refuses a template whose placeholder code would replace code the deployed stack already runs,
 * before anything is created in AWS. The deployed template is read with `GetTemplate`; a stack
 * that does not exist runs nothing.
 *
 * @throws ConflictError naming each resource whose code would be replaced
 */
export async function refusePlaceholderOverRealCode(options: {
  cloudFormation: CloudFormationClient;
  stackId: string | undefined;
  stackName: string;
  template: CloudFormationTemplate;
  signal?: AbortSignal;
}): Promise<void> {
  const { cloudFormation, stackId, stackName, template, signal } = options;
  if (!stackId) return;
  const { TemplateBody } = await cloudFormation.send(
    new GetTemplateCommand({ StackName: stackId, TemplateStage: 'Original' }),
    { abortSignal: signal },
  );
  const deployed = TemplateBody
    ? (yaml.parse(TemplateBody, {
        logLevel: 'silent',
      }) as CloudFormationTemplate)
    : undefined;
  const replaced = codeReplacedByPlaceholder(deployed, template);
  if (replaced.length) {
    throw new ConflictError(
      `Refusing to deploy ${stackName}: the template runs Stageline's placeholder code, and the deployed stack runs its own: ${replaced.join(
        '; ',
      )}. Deploying would replace that code with the placeholder. Deploy this environment from the service's pipeline or CDK app instead (spec.deployment.mode: pipeline or cdk-app)`,
    );
  }
}

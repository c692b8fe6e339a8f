import {
  describeTarget,
  type AssemblyStack,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';
import { TEMPLATE_BODY_LIMIT_BYTES } from '../plan/synthesizeTarget';

/**
 * What the toolkit does with a synthesized stack's template: a template synthesized for
 * `cdk bootstrap` (a `BootstrapVersion` parameter) is an asset the toolkit uploads to the
 * bootstrap bucket; a bootstrapless one (the reference profile) is sent inline up to
 * CloudFormation's limit and uploaded to the bootstrap bucket above it.
 */
export function describeTemplateDelivery(stack: AssemblyStack): string {
  const resources = Object.keys(stack.template.Resources ?? {}).length;
  const size = stack.templateBytes.toLocaleString('en-GB');
  const limit = TEMPLATE_BODY_LIMIT_BYTES.toLocaleString('en-GB');
  const parameters = (stack.template.Parameters ?? {}) as Record<
    string,
    unknown
  >;
  let delivery: string;
  if ('BootstrapVersion' in parameters) {
    delivery = 'uploaded to the bootstrap bucket with the assets';
  } else if (stack.templateBytes > TEMPLATE_BODY_LIMIT_BYTES) {
    delivery = `over CloudFormation's ${limit}-byte inline limit, so uploaded to the bootstrap bucket`;
  } else {
    delivery = `sent inline, within CloudFormation's ${limit}-byte limit`;
  }
  return `${resources} resources, template ${size} bytes (${delivery})`;
}

/**
 * One sentence saying exactly what a deploy of a `reference` or `cdk-app` Environment does,
 * for dry runs: what is synthesized how, and how it reaches CloudFormation.
 */
export function describeToolkitDeploy(
  target: EnvironmentTarget,
  changeSetName: string,
  synthesized?: AssemblyStack,
): string {
  const where = describeTarget(target);
  const through = `with the CDK toolkit library through change set ${changeSetName} (file assets published to the bootstrap bucket, the change set shown in the log, then executed and its stack events streamed)`;
  if (target.deployment.mode === 'cdk-app') {
    const { path, app } = target.deployment.cdkApp;
    return `synthesize the CDK app in ${path} of the task workspace (${
      app ? `\`${app}\`` : 'the app of its cdk.json'
    }, without a shell and without the backend's credentials) and deploy its stack ${where} ${through}`;
  }
  const template = synthesized
    ? `: ${describeTemplateDelivery(synthesized)}`
    : '';
  return `deploy ${where} from the @stageline/cdk-environments reference profile${template}, ${through}`;
}

import type { EnvironmentEntityV1alpha1 } from './EnvironmentEntityV1alpha1';

const PROJECT_SLUG = 'github.com/project-slug';

/**
 * The problems JSON Schema cannot say clearly: what each `spec.deployment.mode` needs, and
 * settings given for a mode the Environment does not use. One sentence each, naming the field.
 */
export function deploymentModeErrors(
  entity: EnvironmentEntityV1alpha1,
): string[] {
  const deployment = entity.spec.deployment;
  if (!deployment) return [];
  const mode = deployment.mode ?? 'reference';
  const errors: string[] = [];
  const unused = (field: 'pipeline' | 'cdkApp', itsMode: string) => {
    if (deployment[field] && mode !== itsMode) {
      errors.push(
        `spec.deployment.${field} is only read when spec.deployment.mode is ${itsMode}; got mode ${JSON.stringify(
          mode,
        )}: set mode: ${itsMode} or remove ${field}`,
      );
    }
  };
  unused('pipeline', 'pipeline');
  unused('cdkApp', 'cdk-app');
  if (mode === 'pipeline') {
    if (!deployment.pipeline) {
      errors.push(
        'spec.deployment.pipeline is required when spec.deployment.mode is pipeline: name the workflow that deploys the stack, e.g. pipeline: { workflow: deploy.yml }',
      );
    }
    if (!entity.spec.branch) {
      errors.push(
        'spec.branch is required when spec.deployment.mode is pipeline: the workflow is dispatched on that branch',
      );
    }
    if (!entity.metadata.annotations?.[PROJECT_SLUG]) {
      errors.push(
        `metadata.annotations.${PROJECT_SLUG} is required when spec.deployment.mode is pipeline: it names the repository (owner/repo) whose workflow deploys the stack`,
      );
    }
  }
  if (mode === 'cdk-app') {
    if (!deployment.cdkApp) {
      errors.push(
        'spec.deployment.cdkApp is required when spec.deployment.mode is cdk-app: give the app folder in the repository, e.g. cdkApp: { path: infrastructure }',
      );
    }
    if (!deployment.stackName) {
      errors.push(
        'spec.deployment.stackName is required when spec.deployment.mode is cdk-app: it selects the one stack of the app to deploy',
      );
    }
  }
  return errors;
}

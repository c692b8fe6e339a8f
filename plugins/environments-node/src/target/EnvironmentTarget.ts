import type {
  BudgetCurrency,
  CdkAppDeploymentSpec,
  EnvironmentScale,
  EnvironmentStage,
  PipelineDeploymentSpec,
} from '@stageline/plugin-environments-common';

/**
 * How the target's stack is built and deployed (`spec.deployment.mode`).
 *
 * @public
 */
export type TargetDeployment =
  | { mode: 'reference' }
  | { mode: 'cdk-app'; cdkApp: CdkAppDeploymentSpec }
  | { mode: 'pipeline'; pipeline: PipelineDeploymentSpec };

/**
 * Everything an action needs to know about the environment it works on, whether it came from an
 * Environment entity in the catalog or from explicit action input.
 *
 * @public
 */
export interface EnvironmentTarget {
  /** Entity ref of the Environment, when the target was read from the catalog. */
  entityRef?: string;
  /** Environment name, e.g. `macro-ai-api-staging`. */
  name: string;
  /** Kebab-case application name, the first part of stack names, e.g. `macro-ai` (`MacroAi…Stack`). */
  appName: string;
  stage: EnvironmentStage;
  /** The scale to act at: the `scale` input when given, else the Environment's. */
  scale: EnvironmentScale;
  /** The Environment's own `spec.scale` (what it runs at); the scale input for app + stage. */
  currentScale: EnvironmentScale;
  region: string;
  accountId?: string;
  /** The CloudFormation stack the environment runs in. */
  stackName: string;
  /** Pull request number (or other id) of a preview environment. */
  previewId?: string;
  budget?: { monthly: number; currency: BudgetCurrency };
  schedule?: { shutdown?: string; startup?: string };
  branch?: string;
  /** Entity ref of the environment this one promotes to. */
  promotesTo?: string;
  /** `owner/repo` from the `github.com/project-slug` annotation. */
  projectSlug?: string;
  /**
   * How the stack is built and deployed: the Environment's `spec.deployment.mode`; `reference`
   * for an environment given as app + stage.
   */
  deployment: TargetDeployment;
}

/**
 * `MacroAi` → `macro-ai`, `macroAI` → `macro-ai`; a kebab-case name is kept.
 *
 * @public
 */
export function toKebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLocaleLowerCase('en-US');
}

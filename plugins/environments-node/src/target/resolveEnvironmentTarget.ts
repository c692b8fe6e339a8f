import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PULL_REQUEST,
  BudgetCurrency,
  EnvironmentEntityV1alpha1,
  EnvironmentScale,
  EnvironmentStage,
  isEnvironmentEntity,
} from '@stageline/plugin-environments-common';
import { stackNameFor } from '@stageline/cdk-environments';
import {
  EnvironmentTarget,
  TargetDeployment,
  toKebabCase,
} from './EnvironmentTarget';

const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/**
 * The parsed `environmentTargetFields` of the scaffolder actions, plus optional budget overrides.
 *
 * @public
 */
export interface EnvironmentTargetInput {
  environmentRef?: string;
  app?: string;
  stage?: EnvironmentStage;
  scale?: EnvironmentScale;
  region?: string;
  accountId?: string;
  previewId?: string;
  budget?: number;
  currency?: BudgetCurrency;
  /** Shutdown schedule of an explicit target; an Environment's own spec.schedule is used otherwise. */
  schedule?: EnvironmentTarget['schedule'];
}

/**
 * The kebab-case app name in a stack named `{App}{Stage}Stack` or `{App}Pr{n}Stack`, e.g.
 * `MacroAiStagingStack` → `macro-ai`; undefined when the name does not follow the convention.
 *
 * @public
 */
export function appNameFromStackName(
  stackName: string,
  stage: EnvironmentStage,
): string | undefined {
  const stageWord = stage[0].toLocaleUpperCase('en-US') + stage.slice(1);
  const suffix =
    stage === 'preview' ? /Pr[0-9]+Stack$/ : new RegExp(`${stageWord}Stack$`);
  const app = stackName.replace(suffix, '');
  return app && app !== stackName ? toKebabCase(app) : undefined;
}

function budgetOf(
  input: EnvironmentTargetInput,
  spec?: EnvironmentEntityV1alpha1['spec']['budget'],
): EnvironmentTarget['budget'] {
  if (input.budget !== undefined) {
    return {
      monthly: input.budget,
      currency: input.currency ?? spec?.currency ?? 'GBP',
    };
  }
  return spec ? { monthly: spec.monthly, currency: spec.currency } : undefined;
}

/**
 * The deployment mode of an Environment with what the mode needs; the catalog's validator checks
 * this already, so this only guards against entities that reached the catalog otherwise.
 */
function deploymentOf(
  entity: EnvironmentEntityV1alpha1,
  entityRef: string,
): TargetDeployment {
  const deployment = entity.spec.deployment;
  switch (deployment?.mode ?? 'reference') {
    case 'pipeline':
      if (!deployment?.pipeline) {
        throw new InputError(
          `${entityRef} has spec.deployment.mode pipeline but no spec.deployment.pipeline.workflow`,
        );
      }
      return { mode: 'pipeline', pipeline: deployment.pipeline };
    case 'cdk-app':
      if (!deployment?.cdkApp) {
        throw new InputError(
          `${entityRef} has spec.deployment.mode cdk-app but no spec.deployment.cdkApp.path`,
        );
      }
      return { mode: 'cdk-app', cdkApp: deployment.cdkApp };
    default:
      return { mode: 'reference' };
  }
}

/**
 * The target of an Environment entity: its stack, region, account, mode and the rest, with
 * `input` overriding what an action may override (scale, preview id, budget).
 *
 * @throws InputError when it has no region, or its mode lacks what the mode needs
 * @public
 */
export function environmentTargetOf(
  entity: EnvironmentEntityV1alpha1,
  input: EnvironmentTargetInput = {},
): EnvironmentTarget {
  const { spec } = entity;
  const entityRef = stringifyEntityRef(entity);
  const region = spec.deployment?.region ?? input.region;
  if (!region) {
    throw new InputError(
      `${entityRef} has no spec.deployment.region; add it to the entity or pass region`,
    );
  }
  const previewId =
    input.previewId ?? entity.metadata.annotations?.[ANNOTATION_PULL_REQUEST];
  const componentName = parseEntityRef(spec.component, {
    defaultKind: 'component',
  }).name;
  const stackName = spec.deployment?.stackName;
  const appName =
    input.app ??
    (stackName && appNameFromStackName(stackName, spec.type)) ??
    toKebabCase(componentName);
  return {
    entityRef,
    name: entity.metadata.name,
    appName,
    stage: spec.type,
    scale: input.scale ?? spec.scale,
    currentScale: spec.scale,
    region,
    accountId: spec.deployment?.accountId ?? input.accountId,
    stackName: stackName ?? stackNameFor(appName, spec.type, previewId),
    previewId,
    budget: budgetOf(input, spec.budget),
    schedule: spec.schedule,
    branch: spec.branch,
    promotesTo: spec.promotesTo,
    projectSlug: entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION],
    deployment: deploymentOf(entity, entityRef),
  };
}

function fromExplicitInput(input: EnvironmentTargetInput): EnvironmentTarget {
  const missing = (['app', 'stage', 'region'] as const).filter(
    field => !input[field],
  );
  if (missing.length) {
    throw new InputError(
      `Either environmentRef or app, stage and region are required; missing ${missing.join(
        ', ',
      )}`,
    );
  }
  const stage = input.stage!;
  if (stage === 'preview' && !input.previewId) {
    throw new InputError('previewId is required for a preview environment');
  }
  const appName = input.app!;
  return {
    name:
      stage === 'preview'
        ? `${appName}-pr-${input.previewId}`
        : `${appName}-${stage}`,
    appName,
    stage,
    scale: input.scale ?? 'hobby',
    currentScale: input.scale ?? 'hobby',
    region: input.region!,
    accountId: input.accountId,
    stackName: stackNameFor(appName, stage, input.previewId),
    previewId: input.previewId,
    budget: budgetOf(input),
    ...(input.schedule ? { schedule: input.schedule } : {}),
    deployment: { mode: 'reference' },
  };
}

/**
 * Works out the environment an action targets: reads the Environment entity through the catalog
 * when `environmentRef` is given, otherwise builds the target from explicit input.
 *
 * @throws NotFoundError for an unknown entity ref, InputError for anything else wrong
 *
 * @public
 */
export async function resolveEnvironmentTarget(options: {
  input: EnvironmentTargetInput;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<EnvironmentTarget> {
  const { input, catalog, credentials } = options;
  if (!input.environmentRef) {
    return fromExplicitInput(input);
  }
  if (input.schedule) {
    throw new InputError(
      `schedule is for an environment given as app + stage; ${input.environmentRef} is planned with its own spec.schedule`,
    );
  }
  let ref;
  try {
    ref = parseEntityRef(input.environmentRef, {
      defaultKind: 'environment',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(
      `environmentRef ${JSON.stringify(
        input.environmentRef,
      )} is not an entity ref`,
    );
  }
  const refString = stringifyEntityRef(ref);
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `Environment ${refString} was not found in the catalog; check environmentRef, or register the Environment entity first`,
    );
  }
  if (!isEnvironmentEntity(entity)) {
    throw new InputError(
      `environmentRef ${refString} is a ${entity.kind} (${entity.apiVersion}), not a stageline.dev/v1alpha1 Environment`,
    );
  }
  return environmentTargetOf(entity, input);
}

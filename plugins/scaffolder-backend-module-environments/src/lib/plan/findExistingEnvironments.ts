import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  findEnvironmentsOfComponent,
  findEnvironmentsOfStack,
  type EnvironmentTarget,
} from '@stageline/plugin-environments-node';

/** Environments already in the catalog for a new environment, and what to say about them. */
export type ExistingEnvironments = {
  /** Entity refs, those of the component at the stage first. */
  refs: string[];
  /** One sentence per way they collide with the new environment. */
  warnings: string[];
};

/**
 * Looks for Environments a new environment (planned from app + stage) would duplicate: those of
 * the same component at the same stage, when the component is known, and those describing the
 * same stack.
 */
export async function findExistingEnvironments(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  target: EnvironmentTarget;
  componentRef?: string;
}): Promise<ExistingEnvironments> {
  const { catalog, credentials, target, componentRef } = options;
  const warnings: string[] = [];
  const ofComponent = componentRef
    ? await findEnvironmentsOfComponent({
        catalog,
        credentials,
        componentRef,
        stage: target.stage,
      })
    : [];
  if (ofComponent.length) {
    warnings.push(
      `${componentRef} already has a ${
        target.stage
      } environment in the catalog: ${ofComponent.join(
        ', ',
      )}; registering another makes a duplicate`,
    );
  }
  const ofStack = (
    await findEnvironmentsOfStack({ catalog, credentials, target })
  ).filter(ref => !ofComponent.includes(ref));
  if (ofStack.length) {
    warnings.push(
      `Stack ${target.stackName} in ${
        target.region
      } is already described by ${ofStack.join(
        ', ',
      )}; another Environment for it makes a duplicate`,
    );
  }
  return { refs: [...ofComponent, ...ofStack], warnings };
}

import { ConflictError } from '@backstage/errors';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';
import type { ProviderConfiguration } from '@stageline/plugin-environments-node';

/**
 * Why the environments cannot be compared when one of them names no branch (`spec.branch`);
 * undefined when all of them do.
 */
export function missingBranch(
  ...environments: EnvironmentEntity[]
): Extract<ProviderConfiguration, { configured: false }> | undefined {
  const without = environments.find(environment => !environment.spec.branch);
  return without
    ? {
        configured: false,
        message: `${without.metadata.name} has no spec.branch: set the branch it runs to show what waits to be promoted`,
        missing: 'entity',
      }
    : undefined;
}

/** The branch an environment runs; ConflictError when it names none. */
export function branchOf(environment: EnvironmentEntity): string {
  const branch = environment.spec.branch;
  if (!branch) {
    throw new ConflictError(`${environment.metadata.name} has no spec.branch`);
  }
  return branch;
}

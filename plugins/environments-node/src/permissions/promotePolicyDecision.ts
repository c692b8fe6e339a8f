import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { environmentsPromotePermission } from '@stageline/plugin-environments-common';
import {
  createEnvironmentConditionalDecision,
  environmentConditions,
} from './rules';

/**
 * Options of {@link promotePolicyDecision}.
 *
 * @public
 */
export interface PromotePolicyOptions {
  /**
   * Entity refs (groups or users) whose members may promote into any environment, production
   * included, e.g. `['group:default/platform']`.
   */
  productionPromoters: string[];
}

/**
 * A ready-made rule for `environments.promote` in a permission policy: members of
 * `productionPromoters` may promote anywhere; everyone else may promote into environments they
 * own, except production. Returns undefined for other permissions so the policy can decide.
 *
 * @public
 */
export function promotePolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: PromotePolicyOptions,
): PolicyDecision | undefined {
  if (!isPermission(request.permission, environmentsPromotePermission))
    return undefined;
  const claims = (user?.info.ownershipEntityRefs ?? []).map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );
  const promoters = options.productionPromoters.map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );
  if (claims.some(claim => promoters.includes(claim))) {
    return { result: AuthorizeResult.ALLOW };
  }
  return createEnvironmentConditionalDecision(request.permission, {
    allOf: [
      environmentConditions.isEnvironmentOwner({ claims }),
      {
        not: environmentConditions.isEnvironmentStage({
          stages: ['production'],
        }),
      },
    ],
  });
}

import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  environmentsDeployPermission,
  environmentsDestroyPermission,
  environmentsPromotePermission,
} from '@stageline/plugin-environments-common';
import {
  createEnvironmentConditionalDecision,
  environmentConditions,
} from './rules';

/**
 * Options of {@link promotePolicyDecision} and {@link environmentsPolicyDecision}.
 *
 * @public
 */
export interface PromotePolicyOptions {
  /**
   * Entity refs (groups or users) whose members may act on any environment, production
   * included, e.g. `['group:default/platform']`.
   */
  productionPromoters: string[];
}

/** The permissions that act on an environment's code or stack. */
const ENVIRONMENT_ACTIONS = [
  environmentsPromotePermission,
  environmentsDeployPermission,
  environmentsDestroyPermission,
];

function decide(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: PromotePolicyOptions,
): PolicyDecision {
  const claims = (user?.info.ownershipEntityRefs ?? []).map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );
  const trusted = options.productionPromoters.map(ref =>
    ref.toLocaleLowerCase('en-US'),
  );
  if (claims.some(claim => trusted.includes(claim))) {
    return { result: AuthorizeResult.ALLOW };
  }
  return createEnvironmentConditionalDecision(
    request.permission as typeof environmentsPromotePermission,
    {
      allOf: [
        environmentConditions.isEnvironmentOwner({ claims }),
        {
          not: environmentConditions.isEnvironmentStage({
            stages: ['production'],
          }),
        },
      ],
    },
  );
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
  return isPermission(request.permission, environmentsPromotePermission)
    ? decide(request, user, options)
    : undefined;
}

/**
 * The same rule for every permission that acts on an environment — `environments.promote`,
 * `environments.deploy` and `environments.destroy`: members of `productionPromoters` may act on
 * any environment; everyone else on environments they own, except production. Stageline applies
 * the decision to every Environment the action really changes (all Environments on the target's
 * branch of the repository, or describing the stack), so the strictest of them decides. Returns
 * undefined for other permissions.
 *
 * @public
 */
export function environmentsPolicyDecision(
  request: PolicyQuery,
  user: PolicyQueryUser | undefined,
  options: PromotePolicyOptions,
): PolicyDecision | undefined {
  return ENVIRONMENT_ACTIONS.some(p => isPermission(request.permission, p))
    ? decide(request, user, options)
    : undefined;
}

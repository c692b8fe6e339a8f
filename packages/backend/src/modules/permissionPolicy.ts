import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { environmentsPolicyDecision } from '@stageline/plugin-environments-node';

const PLATFORM = 'group:default/platform';

/**
 * Changes to what the catalog holds: registering a location and deleting an entity or a
 * location. A deleted User entity changes the ownership claims of tokens already issued, so
 * these are for the platform team only.
 */
const CATALOG_MUTATIONS = [
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogEntityDeletePermission,
];

function isPlatformMember(user: PolicyQueryUser | undefined): boolean {
  return (user?.info.ownershipEntityRefs ?? []).some(
    ref => ref.toLocaleLowerCase('en-US') === PLATFORM,
  );
}

/**
 * The example app's permission policy:
 * - promotion, deploy and destroy: members of group `platform` may act on any environment;
 *   owners of an environment may act on it unless it is production (Stageline decides on every
 *   Environment the action changes — on the target's branch of the repository, or describing the
 *   stack — so a self-labelled "staging" on the production branch is production);
 * - catalog mutations (register a location, delete an entity or a location): `platform` only;
 * - everything else is allowed.
 */
class ExamplePermissionPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (CATALOG_MUTATIONS.some(p => isPermission(request.permission, p))) {
      return {
        result: isPlatformMember(user)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    return (
      environmentsPolicyDecision(request, user, {
        productionPromoters: [PLATFORM],
      }) ?? { result: AuthorizeResult.ALLOW }
    );
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new ExamplePermissionPolicy());
      },
    });
  },
});

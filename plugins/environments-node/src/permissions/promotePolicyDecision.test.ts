import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  environmentsDeployPermission,
  environmentsDestroyPermission,
  environmentsPromotePermission,
} from '@stageline/plugin-environments-common';
import {
  environmentsPolicyDecision,
  promotePolicyDecision,
} from './promotePolicyDecision';

const user = (...ownershipEntityRefs: string[]) =>
  ({
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
  } as any);
const options = { productionPromoters: ['group:default/platform'] };

describe('environmentsPolicyDecision', () => {
  it.each([
    environmentsPromotePermission,
    environmentsDeployPermission,
    environmentsDestroyPermission,
  ])(
    'lets platform act anywhere and owners outside production ($name)',
    permission => {
      expect(
        environmentsPolicyDecision(
          { permission },
          user('user:default/guest', 'group:default/platform'),
          options,
        ),
      ).toEqual({ result: AuthorizeResult.ALLOW });
      expect(
        environmentsPolicyDecision(
          { permission },
          user('user:default/alice', 'group:default/team-a'),
          options,
        ),
      ).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'environments',
        resourceType: 'catalog-entity',
        conditions: {
          allOf: [
            {
              rule: 'IS_ENVIRONMENT_OWNER',
              resourceType: 'catalog-entity',
              params: {
                claims: ['user:default/alice', 'group:default/team-a'],
              },
            },
            {
              not: {
                rule: 'IS_ENVIRONMENT_STAGE',
                resourceType: 'catalog-entity',
                params: { stages: ['production'] },
              },
            },
          ],
        },
      });
    },
  );

  it('leaves other permissions to the policy; promotePolicyDecision only takes promote', () => {
    const read = {
      permission: {
        type: 'basic',
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
      },
    } as any;
    expect(
      environmentsPolicyDecision(read, user('user:default/x'), options),
    ).toBeUndefined();
    expect(
      promotePolicyDecision(
        { permission: environmentsDeployPermission },
        user('user:default/x'),
        options,
      ),
    ).toBeUndefined();
  });
});

import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { environmentsPromotePermission } from '@stageline/plugin-environments-common';
import { promotePolicyDecision } from '@stageline/plugin-environments-node';
import { startEnvironmentsBackend } from '../__testUtils__/startEnvironmentsBackend';
import { apiComponent, environmentEntity } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const entities = [
  apiComponent,
  environmentEntity('macro-ai-api-staging', {
    type: 'staging',
    owner: 'group:default/team-a',
  }),
  environmentEntity('macro-ai-api-production', {
    type: 'production',
    owner: 'group:default/team-a',
  }),
];

/**
 * The decision the example policy makes for a user, then — for a conditional decision — the
 * verdict of the environments backend's own rules on the target entity, through the endpoint
 * the permission backend calls (`apply-conditions`).
 */
async function verdict(targetName: string, ownershipEntityRefs: string[]) {
  const decision: PolicyDecision = promotePolicyDecision(
    { permission: environmentsPromotePermission },
    {
      identity: {
        type: 'user',
        userEntityRef: ownershipEntityRefs[0],
        ownershipEntityRefs,
      },
      info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
      token: 'unused',
      credentials: mockCredentials.user(ownershipEntityRefs[0]),
    } as any,
    { productionPromoters: ['group:default/platform'] },
  )!;
  if (decision.result !== AuthorizeResult.CONDITIONAL) return decision.result;
  expect(decision).toMatchObject({
    pluginId: 'environments',
    resourceType: 'catalog-entity',
  });
  const { server } = await startEnvironmentsBackend({ entities });
  const res = await request(server)
    .post(
      '/api/environments/.well-known/backstage/permissions/apply-conditions',
    )
    .set('Authorization', mockCredentials.service.header())
    .send({
      items: [
        {
          id: '1',
          resourceRef: `environment:default/${targetName}`,
          resourceType: 'catalog-entity',
          conditions: decision.conditions,
        },
      ],
    });
  expect(res.status).toBe(200);
  return res.body.items[0].result as AuthorizeResult;
}

describe('environments.promote under the example policy (owners to staging, platform to production)', () => {
  it('lets an owner promote into staging', async () => {
    expect(
      await verdict('macro-ai-api-staging', [
        'user:default/jane',
        'group:default/team-a',
      ]),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('refuses an owner outside platform promotion into production', async () => {
    expect(
      await verdict('macro-ai-api-production', [
        'user:default/jane',
        'group:default/team-a',
      ]),
    ).toBe(AuthorizeResult.DENY);
  });

  it('refuses someone who does not own the target', async () => {
    expect(
      await verdict('macro-ai-api-staging', [
        'user:default/bob',
        'group:default/other',
      ]),
    ).toBe(AuthorizeResult.DENY);
  });

  it('lets a member of platform promote into production without conditions', async () => {
    expect(
      await verdict('macro-ai-api-production', [
        'user:default/bob',
        'group:default/platform',
      ]),
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('publishes the rules in the permission metadata', async () => {
    const { server } = await startEnvironmentsBackend({ entities });
    const res = await request(server)
      .get('/api/environments/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(res.body.rules.map((r: { name: string }) => r.name)).toEqual([
      'IS_ENVIRONMENT_OWNER',
      'IS_ENVIRONMENT_STAGE',
    ]);
    expect(res.body.permissions.map((p: { name: string }) => p.name)).toContain(
      'environments.promote',
    );
  });
});

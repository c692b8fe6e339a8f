import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { startEnvironmentsBackend } from '../__testUtils__/startEnvironmentsBackend';

/*
 * Every query and path parameter is checked, bounded and answered 400 naming it before any
 * upstream call: what reached the catalog before came back as its errors (431 for a 10 KB ref,
 * a wrapped "malformed uri" with a stack for a NUL).
 */

jest.setTimeout(60_000);

const BASE = '/api/environments/environments';

describe('query and path validation', () => {
  let server: Parameters<typeof request>[0];
  beforeAll(async () => {
    ({ server } = await startEnvironmentsBackend());
  });

  async function get(path: string) {
    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.user.header());
    return {
      status: res.status,
      message: res.body.error?.message,
      name: res.body.error?.name,
      stack: res.body.error?.stack,
    };
  }

  it.each([
    [
      'a 10 KB entityRef',
      `${BASE}?entityRef=component:default/${'a'.repeat(10_000)}`,
      'Invalid query: entityRef must be at most 200 characters',
    ],
    [
      'a NUL in entityRef',
      `${BASE}?entityRef=component:default/x%00y`,
      'Invalid query: entityRef must be an entity ref of kind component, e.g. component:default/name',
    ],
    [
      'an owner that is no entity ref',
      `${BASE}?owner=garbage::x`,
      'Invalid query: owner must be an entity ref of kind group or user, e.g. group:default/name',
    ],
    [
      'an entityRef of another kind',
      `${BASE}?entityRef=group:default/platform`,
      'Invalid query: entityRef must be an entity ref of kind component, e.g. component:default/name',
    ],
    [
      'an unknown query parameter',
      `${BASE}?entityref=component:default/macro-ai-api`,
      'Invalid query: unknown field entityref; allowed: entityRef, owner, system',
    ],
    [
      'limit as a list',
      `${BASE}/default/macro-ai-api-staging/promotions?limit[]=1`,
      'Invalid query: limit must be a string, given once',
    ],
    [
      'limit in hex',
      `${BASE}/default/macro-ai-api-staging/promotions?limit=0x10`,
      'Invalid query: limit must be a whole number from 1 to 500',
    ],
    [
      'limit 0',
      `${BASE}/default/macro-ai-api-staging/promotions?limit=0`,
      'Invalid query: limit must be a whole number from 1 to 500',
    ],
    [
      'a name longer than the catalog allows',
      `${BASE}/default/${'n'.repeat(64)}/status`,
      'Invalid path: name must be an entity name: 1-63 letters, digits, -, _ or .',
    ],
    [
      'a scale given twice',
      `${BASE}/default/macro-ai-api-staging/cost?scale=hobby&scale=enterprise`,
      'Invalid query: scale must be one of hobby, enhanced-hobby, enterprise',
    ],
  ])(
    'answers 400 naming the parameter for %s',
    async (_what, path, message) => {
      const res = await get(path);
      expect(res).toMatchObject({ status: 400, name: 'InputError', message });
      expect(res.stack).toBeUndefined();
    },
  );

  it('still answers the well-formed requests', async () => {
    expect((await get(`${BASE}?entityRef=macro-ai-api`)).status).toBe(200);
    expect(
      (await get(`${BASE}/default/macro-ai-api-staging/promotions?limit=20`))
        .status,
    ).toBe(200);
  });
});

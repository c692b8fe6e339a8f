import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { exampleEntities } from '../__testUtils__/fixtures';
import { CallerLookups } from './CallerLookups';
import { EnvironmentCatalog } from './EnvironmentCatalog';

const COMPONENT = 'component:default/macro-ai-api';

describe('EnvironmentCatalog lookups for the read routes', () => {
  const setup = (lookupTtlMs: number) => {
    const service = catalogServiceMock({ entities: exampleEntities });
    const getEntities = jest.spyOn(service, 'getEntities');
    return {
      catalog: new EnvironmentCatalog(service, { lookupTtlMs }),
      getEntities,
    };
  };
  const alice = mockCredentials.user('user:default/alice');
  const bob = mockCredentials.user('user:default/bob');

  it('asks the catalog once per caller for lookups within the time, and once for lookups at the same moment', async () => {
    const { catalog, getEntities } = setup(5000);
    const [first, second] = await Promise.all([
      catalog.forComponent(COMPONENT, alice),
      catalog.forComponent(COMPONENT, alice),
    ]);
    expect(first.length).toBeGreaterThan(0);
    expect(second).toBe(first);
    await catalog.forComponent(COMPONENT, alice);
    expect(getEntities).toHaveBeenCalledTimes(1);

    // what the catalog shows bob is bob's own answer, never alice's
    await catalog.forComponent(COMPONENT, bob);
    expect(getEntities).toHaveBeenCalledTimes(2);
    expect(getEntities.mock.calls[1][1]).toEqual({ credentials: bob });
  });

  it('asks the catalog every time without a lookup time (promotions)', async () => {
    const { catalog, getEntities } = setup(0);
    await catalog.forComponent(COMPONENT, alice);
    await catalog.forComponent(COMPONENT, alice);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});

describe('CallerLookups', () => {
  const alice = mockCredentials.user('user:default/alice');

  it('loads again once the time is over, and after a failure', async () => {
    let now = 0;
    const lookups = new CallerLookups(5000, () => now);
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('catalog down'))
      .mockResolvedValue('answer');
    await expect(lookups.get(alice, 'x', load)).rejects.toThrow('catalog down');
    await expect(lookups.get(alice, 'x', load)).resolves.toBe('answer');
    now = 4999;
    await lookups.get(alice, 'x', load);
    expect(load).toHaveBeenCalledTimes(2);
    now = 5000;
    await lookups.get(alice, 'x', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('lets go of expired lookups', async () => {
    let now = 0;
    const lookups = new CallerLookups(5000, () => now);
    await lookups.get(alice, 'x', async () => 'answer');
    now = 1000;
    await lookups.get(alice, 'y', async () => 'answer');
    expect(lookups.size).toBe(2);
    now = 5500;
    await lookups.get(alice, 'z', async () => 'answer');
    expect(lookups.size).toBe(2); // x expired and was dropped
    now = 20_000;
    await lookups.get(alice, 'z', async () => 'answer');
    expect(lookups.size).toBe(1);
  });

  it('never keeps lookups of unauthenticated callers', async () => {
    const lookups = new CallerLookups(5000);
    const load = jest.fn(async () => 'answer');
    await lookups.get(mockCredentials.none(), 'x', load);
    await lookups.get(mockCredentials.none(), 'x', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

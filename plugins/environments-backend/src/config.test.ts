import { ConfigReader } from '@backstage/config';
import { readEnvironmentsBackendSettings } from './config';

const read = (environments: object) =>
  readEnvironmentsBackendSettings(new ConfigReader({ environments }));

describe('readEnvironmentsBackendSettings', () => {
  it('defaults: errors cached 30 s, Cost Explorer half the provider timeout, no health host allowed', () => {
    expect(read({})).toMatchObject({
      providerTimeoutMs: 2000,
      statusCacheTtlMs: 600_000,
      statusErrorCacheTtlMs: 30_000,
      actualsTimeoutMs: 1000,
      healthAllowedHosts: undefined,
    });
  });

  it('reads the error cache time, Cost Explorer timeout and allowed hosts', () => {
    expect(
      read({
        status: { errorCacheTtl: { seconds: 5 } },
        cost: { actualsTimeout: { milliseconds: 800 } },
        health: { allowedHosts: ['*.Macro-AI.com', 'localhost', '::1'] },
      }),
    ).toMatchObject({
      statusErrorCacheTtlMs: 5000,
      actualsTimeoutMs: 800,
      healthAllowedHosts: ['*.macro-ai.com', 'localhost', '[::1]'],
    });
  });

  it('refuses a Cost Explorer timeout not shorter than the provider timeout', () => {
    expect(() => read({ cost: { actualsTimeout: { seconds: 2 } } })).toThrow(
      'environments.cost.actualsTimeout must be shorter than environments.status.providerTimeout (2000 ms), so a slow Cost Explorer cannot cost the estimate; got 2000 ms',
    );
  });

  it('names the allowed host pattern it cannot use', () => {
    expect(() =>
      read({ health: { allowedHosts: ['localhost', 'https://x.test/'] } }),
    ).toThrow(
      'environments.health.allowedHosts[1]: "https://x.test/" is not a host pattern',
    );
  });

  it('reads GitHub through GraphQL unless told rest, and names a bad value', () => {
    expect(read({}).githubReads).toBe('graphql');
    expect(read({ status: { githubReads: 'rest' } }).githubReads).toBe('rest');
    expect(() => read({ status: { githubReads: 'soap' } })).toThrow(
      'environments.status.githubReads must be graphql or rest; got "soap"',
    );
  });
});

import { fillFromDiscovery } from './fillFromDiscovery';
import type { DiscoveredStack } from './listStacks';

const stack = (accountId: string, region: string): DiscoveredStack => ({
  stackId: `arn:aws:cloudformation:${region}:${accountId}:stack/MacroAiStagingStack/1`,
  stackName: 'MacroAiStagingStack',
  accountId,
  region,
  status: 'UPDATE_COMPLETE',
  tags: {},
  outputs: { HealthCheckUrl: 'https://api-staging.macro-ai.com/api/health' },
});

const declared = (
  deployment: Record<string, string>,
  healthCheck?: { url: string },
) => ({
  apiVersion: 'stageline.dev/v1alpha1',
  kind: 'Environment',
  metadata: { name: 'macro-ai-api-staging' },
  spec: {
    type: 'staging',
    owner: 'group:default/platform',
    component: 'macro-ai-api',
    scale: 'hobby',
    deployment: {
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
      ...deployment,
    },
    ...(healthCheck ? { healthCheck } : {}),
  },
});

describe('fillFromDiscovery', () => {
  it('fills what a declared Environment leaves out from the one stack it describes; what it declares wins', async () => {
    const find = jest.fn(async () => [stack('123456789012', 'eu-west-2')]);
    const filled = (await fillFromDiscovery(
      declared({}, { url: 'https://status.macro-ai.com/staging' }),
      find,
    )) as any;
    expect(find).toHaveBeenCalledWith({
      stackName: 'MacroAiStagingStack',
      region: undefined,
      accountId: undefined,
    });
    expect(filled.spec.deployment).toEqual({
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
      region: 'eu-west-2',
      accountId: '123456789012',
    });
    expect(filled.spec.healthCheck).toEqual({
      url: 'https://status.macro-ai.com/staging',
    });
    expect(filled.metadata.annotations['stageline.dev/discovered-stack']).toBe(
      'arn:aws:cloudformation:eu-west-2:123456789012:stack/MacroAiStagingStack/1',
    );
    const withoutHealth = (await fillFromDiscovery(
      declared({ region: 'eu-west-2' }),
      find,
    )) as any;
    expect(withoutHealth.spec.healthCheck).toEqual({
      url: 'https://api-staging.macro-ai.com/api/health',
    });
  });

  it('fills nothing when several stacks match, or none', async () => {
    const two = async () => [
      stack('123456789012', 'eu-west-2'),
      stack('210987654321', 'eu-west-2'),
    ];
    const entity = declared({});
    expect(await fillFromDiscovery(entity, two)).toBe(entity);
    expect(await fillFromDiscovery(entity, async () => [])).toBe(entity);
  });

  it('leaves other kinds and discovered Environments alone', async () => {
    const find = jest.fn(async () => [stack('123456789012', 'eu-west-2')]);
    const component = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
      spec: {},
    };
    expect(await fillFromDiscovery(component, find)).toBe(component);
    const discovered = declared({});
    discovered.metadata = {
      name: 'x',
      annotations: {
        'backstage.io/managed-by-location':
          'stageline-stacks:123456789012/eu-west-2',
      },
    } as any;
    expect(await fillFromDiscovery(discovered, find)).toBe(discovered);
    expect(find).not.toHaveBeenCalled();
  });
});

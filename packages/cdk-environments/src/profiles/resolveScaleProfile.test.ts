import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Scale } from '../stages';
import {
  SCALE_PROFILES,
  ScaleProfileOverrides,
  resolveScaleProfile,
} from './index';

describe('resolveScaleProfile', () => {
  it('returns the built-in profile without overrides', () => {
    expect(resolveScaleProfile('enterprise', undefined, 3)).toBe(
      SCALE_PROFILES.enterprise,
    );
  });

  it('merges overrides field by field, leaving the built-in profile untouched', () => {
    const profile = resolveScaleProfile(
      'enterprise',
      {
        network: { natGateways: 1 },
        compute: { autoScaling: { maxCapacity: 4 } },
        database: { instanceClass: 'db.t4g.medium' },
      },
      3,
    );
    expect(profile.network).toMatchObject({ maxAzs: 3, natGateways: 1 });
    expect(profile.compute).toMatchObject({
      kind: 'fargate',
      desiredCount: 3,
      autoScaling: { minCapacity: 2, maxCapacity: 4, targetCpuUtilization: 70 },
    });
    expect(profile.database).toMatchObject({
      provider: 'rds',
      instanceClass: 'db.t4g.medium',
      multiAz: true,
    });
    expect(SCALE_PROFILES.enterprise.network.natGateways).toBe(3);
  });

  it('replaces a section whose provider changes instead of mixing fields', () => {
    const profile = resolveScaleProfile(
      'enhanced-hobby',
      {
        network: { isolatedSubnets: true },
        database: {
          provider: 'rds',
          instanceClass: 'db.t4g.micro',
          multiAz: false,
          allocatedStorageGiB: 20,
          storageType: 'gp3',
          backupRetentionDays: 7,
          deletionProtection: false,
          performanceInsights: false,
          connectionsAlarmThreshold: 50,
        },
      },
      3,
    );
    expect(profile.database).not.toHaveProperty('backupRetentionDays', 14);
    expect(profile.database.provider).toBe('rds');
  });

  it.each<[Scale, ScaleProfileOverrides, string]>([
    [
      'hobby',
      { network: { natGateways: 1 } },
      'network.natGateways is 1; expected 0 when network.enabled is false',
    ],
    [
      'enhanced-hobby',
      { network: { natGateways: 3 } },
      'network.natGateways is 3; expected an integer from 0 to 2',
    ],
    [
      'enhanced-hobby',
      { network: { maxAzs: 4 } },
      'network.maxAzs is 4; expected an integer from 1 to 3',
    ],
    [
      'enterprise',
      { network: { natGateways: 0 } },
      'network.natGateways is 0; the API runs in private subnets',
    ],
    [
      'enterprise',
      { compute: { memoryMiB: 1024 } },
      'compute.memoryMiB is 1024; with cpu 1024 Fargate accepts 2048–8192',
    ],
    [
      'enterprise',
      { compute: { cpu: 3000 } },
      'compute.cpu is 3000; expected one of 256, 512, 1024, 2048, 4096',
    ],
    [
      'enterprise',
      { compute: { desiredCount: 12 } },
      'compute.desiredCount is 12; expected an integer from 2 to 10',
    ],
    [
      'enterprise',
      { compute: { autoScaling: { maxCapacity: 1 } } },
      'compute.autoScaling.maxCapacity is 1',
    ],
    [
      'enterprise',
      { database: { instanceClass: 'r6g.large' } },
      'database.instanceClass is "r6g.large"; expected a value like "db.t4g.medium"',
    ],
    [
      'enterprise',
      { cache: { numCacheNodes: 1 } },
      'cache.multiAz is true; Multi-AZ needs cache.numCacheNodes ≥ 2',
    ],
    [
      'hobby',
      { compute: { timeoutSeconds: 60 } },
      'compute.timeoutSeconds is 60; expected an integer from 1 to 29',
    ],
    [
      'hobby',
      { edge: { waf: true } },
      'edge.waf is true; WAF attaches to the load balancer',
    ],
    [
      'hobby',
      { monitoring: { logRetention: 8 as RetentionDays } },
      'monitoring.logRetention is 8',
    ],
    [
      'hobby',
      { secrets: { store: 'vault' as 'parameter-store' } },
      'secrets.store is "vault"',
    ],
    [
      'hobby',
      {
        cache: {
          provider: 'elasticache',
          engine: 'redis',
          nodeType: 'cache.t4g.micro',
          numCacheNodes: 1,
          multiAz: false,
        },
      },
      'cache.provider is "elasticache"; ElastiCache needs network.enabled true',
    ],
  ])(
    '%s with %j fails naming the field and value',
    (scale, overrides, message) => {
      expect(() => resolveScaleProfile(scale, overrides, 3)).toThrow(message);
    },
  );

  it('rejects unknown sections and fields by name', () => {
    expect(() =>
      resolveScaleProfile('hobby', { storage: {} } as ScaleProfileOverrides, 3),
    ).toThrow('Unknown scale profile override section "storage"');
    expect(() =>
      resolveScaleProfile(
        'enterprise',
        { compute: { cpus: 2 } } as ScaleProfileOverrides,
        3,
      ),
    ).toThrow('Unknown scale profile override compute.cpus');
    expect(() =>
      resolveScaleProfile(
        'hobby',
        { compute: { kind: 'fargate', cpus: 2 } } as ScaleProfileOverrides,
        3,
      ),
    ).toThrow('Unknown scale profile override compute.cpus');
  });
});

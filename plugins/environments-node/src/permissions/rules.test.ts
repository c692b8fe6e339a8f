import { isEnvironmentOwner, isEnvironmentStage } from './rules';

const entity = (owner: string, type: string, relations = true) => ({
  apiVersion: 'stageline.dev/v1alpha1',
  kind: 'Environment',
  metadata: { name: 'x', namespace: 'default' },
  spec: { owner, type },
  relations: relations
    ? [{ type: 'ownedBy', targetRef: 'group:default/team-a' }]
    : [],
});

describe('isEnvironmentOwner', () => {
  it('matches the ownedBy relation or spec.owner, case-insensitively', () => {
    expect(
      isEnvironmentOwner.apply(entity('team-a', 'staging'), {
        claims: ['Group:default/Team-A'],
      }),
    ).toBe(true);
    expect(
      isEnvironmentOwner.apply(entity('team-a', 'staging', false), {
        claims: ['group:default/team-a'],
      }),
    ).toBe(true);
    expect(
      isEnvironmentOwner.apply(entity('team-a', 'staging'), {
        claims: ['user:default/bob'],
      }),
    ).toBe(false);
  });

  it('queries the catalog by relation', () => {
    expect(
      isEnvironmentOwner.toQuery({ claims: ['group:default/team-a'] }),
    ).toEqual({
      key: 'relations.ownedBy',
      values: ['group:default/team-a'],
    });
  });
});

describe('isEnvironmentStage', () => {
  it('matches spec.type', () => {
    expect(
      isEnvironmentStage.apply(entity('t', 'production'), {
        stages: ['production'],
      }),
    ).toBe(true);
    expect(
      isEnvironmentStage.apply(entity('t', 'staging'), {
        stages: ['production'],
      }),
    ).toBe(false);
  });
});

/**
 * A small org and system for policy tests: group `team-a` (member `alice`) owns the
 * macro-ai-api component and its environments development → staging → production; group
 * `platform` (member `guest`) owns nothing; `mallory` belongs to no group.
 */
const users: Record<string, string[]> = {
  alice: ['team-a'],
  guest: ['platform'],
  mallory: [],
};

/** The ownership refs the auth backend's default sign-in resolver gives a user: itself and its groups. */
export function ownershipOf(userEntityRef: string): string[] {
  const name = userEntityRef.replace(/^user:default\//, '');
  return [
    userEntityRef,
    ...(users[name] ?? []).map(group => `group:default/${group}`),
  ];
}

function environment(
  repo: string,
  name: string,
  type: string,
  branch: string,
  promotesTo?: string,
): object {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: `macro-ai-api-${name}`,
      annotations: { 'github.com/project-slug': repo },
    },
    spec: {
      type,
      owner: 'group:default/team-a',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      branch,
      ...(promotesTo
        ? { promotesTo: `environment:default/macro-ai-api-${promotesTo}` }
        : {}),
    },
  };
}

/** The catalog file (JSON documents are YAML) of the org and the environments in `repo`. */
export function catalogYaml(repo: string): string {
  const entities = [
    ...['team-a', 'platform'].map(name => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name },
      spec: { type: 'team', children: [] },
    })),
    ...Object.entries(users).map(([name, groups]) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { name },
      spec: { memberOf: groups },
    })),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'macro-ai-api',
        annotations: { 'github.com/project-slug': repo },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    },
    environment(repo, 'development', 'development', 'feature', 'staging'),
    environment(repo, 'staging', 'staging', 'develop', 'production'),
    environment(repo, 'production', 'production', 'main'),
  ];
  return entities.map(e => `---\n${JSON.stringify(e, null, 2)}\n`).join('');
}

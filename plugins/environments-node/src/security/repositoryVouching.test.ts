import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { ScmIntegrations } from '@backstage/integration';
import { repositoryVouchingProblem } from './repositoryVouching';
import { readTrustedLocations } from './trustedLocations';

const REPO = { owner: 'acme', repo: 'macro-ai' };
const OWN = 'url:https://github.com/acme/macro-ai/blob/main/catalog-info.yaml';

function entity(kind: string, name: string, location?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'github.com/project-slug': 'acme/macro-ai',
        ...(location ? { 'backstage.io/managed-by-location': location } : {}),
      },
    },
    spec: {},
  };
}

function options(config: object = {}, components: Entity[] = []) {
  const reader = new ConfigReader(config);
  return {
    trustedLocations: readTrustedLocations(reader),
    integrations: ScmIntegrations.fromConfig(reader),
    loadComponent: async (ref: string) =>
      components.find(c => `component:default/${c.metadata.name}` === ref),
  };
}

describe('repositoryVouchingProblem', () => {
  it('vouches for an entity read from its repository, on github.com only', async () => {
    expect(
      await repositoryVouchingProblem(
        entity('Environment', 'staging', OWN),
        REPO,
        options(),
      ),
    ).toBeUndefined();
    expect(
      await repositoryVouchingProblem(
        entity(
          'Environment',
          'staging',
          'url:https://gitlab.com/acme/macro-ai/-/blob/main/catalog-info.yaml',
        ),
        REPO,
        options(),
      ),
    ).toMatch(/registered from url:https:\/\/gitlab.com/);
    expect(
      await repositoryVouchingProblem(
        entity(
          'Environment',
          'staging',
          'url:https://github.com/acme/macro-ai-fork/blob/main/catalog-info.yaml',
        ),
        REPO,
        options(),
      ),
    ).toBeDefined();
  });

  it("never vouches for a location pinned to a commit, which may be a fork's (GitHub serves them under the parent's URLs)", async () => {
    const forkCommit =
      'url:https://github.com/acme/macro-ai/blob/4f2a9c81d0e5b7a3c6f1e8d2b9a0c7e4f5d6a1b2/catalog-info.yaml';
    expect(
      await repositoryVouchingProblem(
        entity('Environment', 'staging', forkCommit),
        REPO,
        options({
          environments: {
            security: { trustedLocations: ['url:https://github.com/acme/*'] },
          },
        }),
      ),
    ).toBe(
      `acme/macro-ai is not read for environment:default/staging: it was registered from ${forkCommit}, a file at a commit, which may come from a fork (GitHub serves a fork's commits under its parent's URLs); register it from a branch of acme/macro-ai`,
    );
  });

  it('shows a location without the user and password its URL may carry', async () => {
    const problem = await repositoryVouchingProblem(
      entity(
        'Environment',
        'staging',
        'url:https://reader:s3cr3t-t0ken@github.com/mallory/app/blob/main/catalog-info.yaml',
      ),
      REPO,
      options(),
    );
    expect(problem).toContain(
      'registered from url:https://github.com/mallory/app/blob/main/catalog-info.yaml',
    );
    expect(problem).not.toContain('s3cr3t-t0ken');
  });

  it('refuses an entity without a managed-by location', async () => {
    expect(
      await repositoryVouchingProblem(
        entity('Environment', 'staging'),
        REPO,
        options(),
      ),
    ).toMatch(/has no backstage.io\/managed-by-location/);
  });

  it('matches trustedLocations exactly or by a prefix ending in *', async () => {
    const config = {
      environments: {
        security: {
          trustedLocations: [
            'url:https://github.com/acme/platform/blob/main/envs.yaml',
            'file:/srv/catalog/*',
          ],
        },
      },
    };
    const problem = (location: string) =>
      repositoryVouchingProblem(
        entity('Environment', 'staging', location),
        REPO,
        options(config),
      );
    expect(
      await problem('url:https://github.com/acme/platform/blob/main/envs.yaml'),
    ).toBeUndefined();
    expect(
      await problem(
        'url:https://github.com/acme/platform/blob/main/other.yaml',
      ),
    ).toBeDefined();
    expect(await problem('file:/srv/catalog/team-a/envs.yaml')).toBeUndefined();
    expect(
      await problem('file:/srv/catalog/../elsewhere/envs.yaml'),
    ).toBeDefined();
  });

  it('rejects a trustedLocations entry that is not a location, naming it', () => {
    expect(() =>
      readTrustedLocations(
        new ConfigReader({
          environments: { security: { trustedLocations: ['github.com/*'] } },
        }),
      ),
    ).toThrow(
      /environments.security.trustedLocations\[0\] must start with a location type/,
    );
    expect(() =>
      readTrustedLocations(
        new ConfigReader({
          environments: {
            security: { trustedLocations: ['url:https://*/acme/*'] },
          },
        }),
      ),
    ).toThrow(
      /trustedLocations\[0\] must be a location \(type:target\) or a prefix/,
    );
  });

  it('refuses a prefix that does not end at a path boundary, which would match its neighbours, without repeating a password', () => {
    expect(() =>
      readTrustedLocations(
        new ConfigReader({
          environments: {
            security: {
              trustedLocations: [
                'url:https://github.com/acme/platform/*',
                'url:https://reader:s3cr3t@github.com/acme*',
              ],
            },
          },
        }),
      ),
    ).toThrow(
      'environments.security.trustedLocations[1] must be a location (type:target) or a prefix of one ending in /*; got "url:https://github.com/acme*"',
    );
  });

  it('compares a prefix as the catalog writes locations (host in lower case)', async () => {
    const problem = await repositoryVouchingProblem(
      entity(
        'Environment',
        'staging',
        'url:https://github.com/acme/platform/blob/main/envs.yaml',
      ),
      REPO,
      options({
        environments: {
          security: { trustedLocations: ['url:https://GitHub.com/acme/*'] },
        },
      }),
    );
    expect(problem).toBeUndefined();
  });

  it('vouches for a provider preview when its component is vouched for the same repository', async () => {
    const preview = entity(
      'Environment',
      'macro-ai-api-pr-7',
      'stageline-previews:component:default/macro-ai-api',
    );
    expect(
      await repositoryVouchingProblem(
        preview,
        REPO,
        options({}, [entity('Component', 'macro-ai-api', OWN)]),
      ),
    ).toBeUndefined();
    expect(
      await repositoryVouchingProblem(
        preview,
        REPO,
        options({}, [
          entity(
            'Component',
            'macro-ai-api',
            'url:https://github.com/mallory/notes/blob/main/catalog-info.yaml',
          ),
        ]),
      ),
    ).toMatch(
      /its component component:default\/macro-ai-api \(registered from url:https:\/\/github.com\/mallory/,
    );
    expect(await repositoryVouchingProblem(preview, REPO, options())).toMatch(
      /is not vouched for acme\/macro-ai/,
    );
  });
});

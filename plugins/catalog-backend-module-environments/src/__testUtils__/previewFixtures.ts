import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  GithubRepositoryClients,
  repositoryVouchingFromConfig,
} from '@stageline/plugin-environments-node';
import { PreviewEnvironmentProvider } from '../previews/PreviewEnvironmentProvider';
import type { PreviewProviderConfig } from '../previews/readPreviewProviderConfig';

export const SLUG = 'acme/macro-ai';
export const GITHUB_TOKEN = 'ghp_previewprovidertesttoken000000001';
/** Where the catalog read the component: acme/macro-ai's own catalog-info.yaml. */
export const REPO_LOCATION = `url:https://github.com/${SLUG}/blob/main/catalog-info.yaml`;

/** The component macro-ai-api of the example system, owned by platform, in acme/macro-ai. */
export function component(
  annotations: Record<string, string> = {
    'github.com/project-slug': SLUG,
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'macro-ai-api',
      title: 'Macro AI API',
      annotations: {
        'backstage.io/managed-by-location': REPO_LOCATION,
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/platform',
      system: 'macro-ai',
    },
  };
}

/** macro-ai-api-staging, deployed by its pipeline, declaring previews unless told otherwise. */
export function staging(
  changes: {
    owner?: string;
    annotations?: Record<string, string>;
    previews?: unknown;
  } = {},
): Entity {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: 'macro-ai-api-staging',
      annotations: changes.annotations ?? { 'github.com/project-slug': SLUG },
    },
    spec: {
      type: 'staging',
      owner: changes.owner ?? 'group:default/platform',
      system: 'macro-ai',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      branch: 'develop',
      deployment: {
        provider: 'cloudformation',
        stackName: 'MacroAiStagingStack',
        region: 'eu-west-2',
        accountId: '123456789012',
        mode: 'pipeline',
        pipeline: { workflow: 'deploy.yml' },
      },
      previews: changes.previews ?? {
        enabled: true,
        ttl: '72h',
        scale: 'hobby',
      },
    },
  };
}

/** A provider over an in-memory catalog holding `entities`, connected to a recording connection. */
export async function connectedProvider(
  entities: Entity[],
  filters: Partial<PreviewProviderConfig['filters']> = {},
) {
  const logger = mockServices.logger.mock();
  const catalog = catalogServiceMock({ entities });
  const auth = mockServices.auth();
  const provider = new PreviewEnvironmentProvider({
    catalog,
    auth,
    logger,
    github: GithubRepositoryClients.fromConfig(
      new ConfigReader({
        integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
      }),
    ),
    filters: { includeDrafts: true, includeForks: false, ...filters },
    trustedOwners: [],
    vouching: repositoryVouchingFromConfig(new ConfigReader({}), {
      catalog,
      auth,
    }),
  });
  const mutations: Array<{
    entities: Array<{ entity: Entity; locationKey?: string }>;
  }> = [];
  const connection: EntityProviderConnection = {
    applyMutation: async mutation => {
      if (mutation.type === 'full')
        mutations.push({ entities: mutation.entities });
    },
    refresh: async () => undefined,
  };
  await provider.connect(connection);
  /** Runs the provider once; the previews it emitted. */
  const read = async () => {
    await provider.read();
    return mutations[mutations.length - 1].entities;
  };
  return { provider, read, logger };
}

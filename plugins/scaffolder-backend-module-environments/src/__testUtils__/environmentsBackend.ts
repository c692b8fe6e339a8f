import type { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
// Tests only: environment:promote calls this plugin over HTTP, so tests run it in process.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import environmentsBackend from '@stageline/plugin-environments-backend';
import type { PromotionRecord } from '@stageline/plugin-environments-common';
import { awsConfig } from './cloudFormationStandIn';
import { exampleCatalog } from './entities';
import { GITHUB_TOKEN } from './githubStandIn';

/** Backend config with a GitHub token and static AWS keys for the example account. */
export function githubAndAwsConfig(): JsonObject {
  return {
    integrations: { github: [{ host: 'github.com', token: GITHUB_TOKEN }] },
    aws: awsConfig(),
  };
}

/**
 * `config` with the environments backend's scheduled status refresh off, as tests want it, and
 * providers given 30 s instead of 2 s: on a test machine busy with other suites the first cost
 * estimate (a worker starting) can take longer, and these tests read the sections, not the
 * timeout (the backend's own tests cover that).
 */
export function withoutScheduledRefresh(config: JsonObject): JsonObject {
  const environments = (config.environments ?? {}) as JsonObject;
  return {
    ...config,
    environments: {
      ...environments,
      status: {
        providerTimeout: { seconds: 30 },
        ...((environments.status ?? {}) as JsonObject),
        scheduledRefresh: false,
      },
    },
  };
}

/**
 * What startEnvironmentsBackend returns. Written out because the inferred type would name the
 * backend-defaults copy inside backend-test-utils, which declarations cannot reference.
 */
export type EnvironmentsTestBackend = {
  server: TestBackend['server'];
  baseUrl: string;
  discovery: DiscoveryService;
  /** `GET .../promotions` of an environment of the default namespace, as the cards read it. */
  history(name: string): Promise<PromotionRecord[]>;
};

/**
 * The real environments backend (`@stageline/plugin-environments-backend`, SQLite in memory)
 * in a test backend with the example catalog and a permission policy that allows or denies
 * everything; GitHub and AWS are reached at the network edge. Returns the server, a discovery
 * that points the promote action at it, and the promotion history of an environment.
 */
export async function startEnvironmentsBackend(
  options: {
    config?: JsonObject;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    entities?: Entity[];
    features?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
): Promise<EnvironmentsTestBackend> {
  const { server } = await startTestBackend({
    features: [
      environmentsBackend,
      mockServices.rootConfig.factory({
        data: withoutScheduledRefresh(options.config ?? githubAndAwsConfig()),
      }),
      catalogServiceMock.factory({
        entities: options.entities ?? exampleCatalog(),
      }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      ...(options.features ?? []),
    ],
  });
  const baseUrl = `http://localhost:${server.port()}/api/environments`;
  const discovery: DiscoveryService = {
    getBaseUrl: async () => baseUrl,
    getExternalBaseUrl: async () => baseUrl,
  };

  /** `GET .../promotions` of an environment of the default namespace, as the cards read it. */
  async function history(name: string): Promise<PromotionRecord[]> {
    const response = await fetch(
      `${baseUrl}/environments/default/${name}/promotions`,
      { headers: { Authorization: mockCredentials.user.header() } },
    );
    if (!response.ok) {
      throw new Error(`GET promotions of ${name}: ${response.status}`);
    }
    return ((await response.json()) as { items: PromotionRecord[] }).items;
  }

  return { server, baseUrl, discovery, history };
}

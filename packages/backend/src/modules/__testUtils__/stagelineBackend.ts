import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type {
  BackendFeature,
  BackstageCredentials,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleEnvironments from '@stageline/plugin-catalog-backend-module-environments';
import environmentsPlugin from '@stageline/plugin-environments-backend';
import permissionPolicyModule from '../permissionPolicy';
import { ownershipOf } from './exampleOrg';
import { onBehalfOfAuthServiceFactory } from './onBehalfOfAuth';

/** The GitHub token of the backend's integration in these tests. */
export const GITHUB_TOKEN = 'ghp_testtokentesttokentesttoken1234';

/**
 * The permission backend asks `userInfo` for the caller's ownership refs; with mock tokens
 * there is no signed `ent` claim to read them from, so they come from the same org the catalog
 * holds (what the auth backend's default sign-in resolver would have put in the token).
 */
const userInfoFromOrg = mockServices.userInfo.mock({
  async getUserInfo(credentials: BackstageCredentials) {
    const principal = credentials.principal as { userEntityRef: string };
    return {
      userEntityRef: principal.userEntityRef,
      ownershipEntityRefs: ownershipOf(principal.userEntityRef),
    };
  },
});

/** Writes catalog YAML to a temporary file and returns its path. */
function catalogFile(yaml: string): string {
  const file = join(
    mkdtempSync(join(tmpdir(), 'stageline-catalog-')),
    'catalog.yaml',
  );
  writeFileSync(file, yaml);
  return file;
}

/**
 * The local backend's real parts — permission backend with the example policy, catalog with the
 * Environment kind, the environments plugin — reading the given catalog files as static
 * locations (as an organisation's discovery of every repository's catalog-info.yaml would), with
 * GitHub configured. Only GitHub (msw, set up by the test) and the caller's identity are stand-ins.
 */
export async function startStagelineBackend(options: {
  catalogs: string[];
  config?: JsonObject;
  /** More features, e.g. a scheduler the test triggers. */
  features?: Array<ServiceFactory | BackendFeature>;
}) {
  const environments = (options.config?.environments ?? {}) as JsonObject;
  return startTestBackend({
    features: [
      permissionPlugin,
      permissionPolicyModule,
      catalogPlugin,
      catalogModuleEnvironments,
      environmentsPlugin,
      userInfoFromOrg.factory,
      onBehalfOfAuthServiceFactory,
      ...(options.features ?? []),
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          permission: { enabled: true },
          catalog: {
            ...(options.config?.catalog as JsonObject | undefined),
            rules: [
              {
                allow: [
                  'Component',
                  'Group',
                  'User',
                  'Environment',
                  'Location',
                ],
              },
            ],
            locations: options.catalogs.map(yaml => ({
              type: 'file',
              target: catalogFile(yaml),
            })),
          },
          integrations: {
            github: [{ host: 'github.com', token: GITHUB_TOKEN }],
          },
          environments: {
            ...environments,
            status: { scheduledRefresh: false },
          },
        },
      }),
    ],
  });
}

/** Waits until the catalog holds `names` as processed Environments (with their relations). */
export async function waitForEnvironments(server: any, names: string[]) {
  for (let attempt = 0; attempt < 150; attempt++) {
    const res = await request(server)
      .get('/api/catalog/entities?filter=kind=environment')
      .set('Authorization', mockCredentials.service.header());
    const processed = (res.body as any[])
      .filter(e => e.relations?.length)
      .map(e => e.metadata.name);
    if (names.every(name => processed.includes(name))) return;
    await sleep(200);
  }
  throw new Error(`the catalog did not process ${names.join(', ')}`);
}

/** `POST .../promote` of an Environment of the default namespace, as `user`. */
export function promote(server: any, source: string, user: string, body = {}) {
  return request(server)
    .post(`/api/environments/environments/default/${source}/promote`)
    .set('Authorization', mockCredentials.user.header(user))
    .send(body);
}

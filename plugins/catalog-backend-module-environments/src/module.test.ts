import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'path';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogModuleEnvironments } from './module';

const examples = resolve(__dirname, '../../../examples');

/** An invalid Environment next to a valid Component in one file. */
function brokenLocation(): string {
  const dir = mkdtempSync(resolve(tmpdir(), 'stageline-catalog-'));
  const file = resolve(dir, 'broken.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: stageline.dev/v1alpha1',
      'kind: Environment',
      'metadata: { name: broken-env }',
      'spec: { type: staging, owner: platform, component: macro-ai-api, scale: huge }',
      '---',
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata: { name: survivor }',
      'spec: { type: service, lifecycle: production, owner: platform }',
    ].join('\n'),
  );
  return file;
}

async function startCatalog() {
  return startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleEnvironments,
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'Group',
                  'User',
                  'Environment',
                  'Location',
                ],
              },
            ],
            locations: [
              { type: 'file', target: resolve(examples, 'entities.yaml') },
              { type: 'file', target: resolve(examples, 'environments.yaml') },
              { type: 'file', target: brokenLocation() },
            ],
          },
        },
      }),
    ],
  });
}

async function waitFor<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const value = await fn();
    if (value !== undefined) return value;
    await sleep(200);
  }
  throw new Error('condition not met within 30 s');
}

describe('catalog with the environments module', () => {
  jest.setTimeout(60_000);

  it('ingests the examples alone (no org of the app) with their relations, and keeps going past an invalid one', async () => {
    const backend = await startCatalog();
    const server = backend.server;
    try {
      const environments = await waitFor(async () => {
        const res = await request(server).get(
          '/api/catalog/entities?filter=kind=environment',
        );
        const withRelations = res.body.filter((e: any) => e.relations?.length);
        return withRelations.length === 5 ? res.body : undefined;
      });
      expect(environments.map((e: any) => e.metadata.name).sort()).toEqual([
        'macro-ai-api-pr-42',
        'macro-ai-api-production',
        'macro-ai-api-staging',
        'macro-ai-web-production',
        'macro-ai-web-staging',
      ]);

      const staging = environments.find(
        (e: any) => e.metadata.name === 'macro-ai-api-staging',
      );
      expect(
        staging.relations.map((r: any) => `${r.type} ${r.targetRef}`).sort(),
      ).toEqual([
        'environmentOf component:default/macro-ai-api',
        'ownedBy group:default/macro-ai-team',
        'partOf system:default/macro-ai',
        'promotesTo environment:default/macro-ai-api-production',
      ]);

      // The owner is a group the examples create: they need none of the app's own groups.
      const team = await request(server).get(
        '/api/catalog/entities/by-name/group/default/macro-ai-team',
      );
      expect(team.status).toBe(200);

      const api = await waitFor(async () => {
        const res = await request(server).get(
          '/api/catalog/entities/by-name/component/default/macro-ai-api',
        );
        const count = res.body.relations?.filter(
          (r: any) => r.type === 'hasEnvironment',
        ).length;
        return count === 3 ? res.body : undefined;
      });
      expect(
        api.relations
          .filter((r: any) => r.type === 'hasEnvironment')
          .map((r: any) => r.targetRef)
          .sort(),
      ).toEqual([
        'environment:default/macro-ai-api-pr-42',
        'environment:default/macro-ai-api-production',
        'environment:default/macro-ai-api-staging',
      ]);

      const survivor = await waitFor(async () => {
        const res = await request(server).get(
          '/api/catalog/entities/by-name/component/default/survivor',
        );
        return res.status === 200 ? res.body : undefined;
      });
      expect(survivor.metadata.name).toBe('survivor');
      const broken = await request(server).get(
        '/api/catalog/entities/by-name/environment/default/broken-env',
      );
      expect(broken.status).toBe(404);
    } finally {
      await backend.stop();
    }
  });

  it('answers validate-entity with the field and the allowed values', async () => {
    const backend = await startCatalog();
    const server = backend.server;
    try {
      const res = await request(server)
        .post('/api/catalog/validate-entity')
        .send({
          location: 'url:https://example.com/catalog-info.yaml',
          entity: {
            apiVersion: 'stageline.dev/v1alpha1',
            kind: 'Environment',
            metadata: { name: 'macro-ai-api-huge' },
            spec: {
              type: 'staging',
              owner: 'platform',
              component: 'macro-ai-api',
              scale: 'huge',
            },
          },
        });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(
        'spec.scale must be one of hobby, enhanced-hobby, enterprise; got \\"huge\\"',
      );
    } finally {
      await backend.stop();
    }
  });
});

import type { Entity } from '@backstage/catalog-model';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';

/** Where the catalog read the example's entities: the repository's own catalog-info.yaml. */
const REPO_LOCATION =
  'url:https://github.com/acme/macro-ai/blob/main/catalog-info.yaml';

type Overrides = {
  name: string;
  spec?: Partial<EnvironmentEntity['spec']>;
  annotations?: Record<string, string>;
};

/** An Environment entity of the example system (macro-ai), with overrides. */
export function environmentEntity({
  name,
  spec,
  annotations,
}: Overrides): EnvironmentEntity {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': REPO_LOCATION,
        'github.com/project-slug': 'acme/macro-ai',
        ...annotations,
      },
    },
    spec: {
      type: 'staging',
      owner: 'group:default/platform',
      system: 'macro-ai',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      ...spec,
    },
  };
}

/**
 * The example catalog: the environments of macro-ai-api, the components macro-ai-api and
 * macro-ai-web (which has no environments here), the platform group and the guest user.
 */
export function exampleCatalog(): Entity[] {
  const deployment = (stackName: string) => ({
    provider: 'cloudformation',
    stackName,
    region: 'eu-west-2',
    accountId: '123456789012',
  });
  return [
    environmentEntity({
      name: 'macro-ai-api-staging',
      spec: {
        type: 'staging',
        branch: 'develop',
        promotesTo: 'environment:default/macro-ai-api-production',
        deployment: deployment('MacroAiStagingStack'),
        budget: { monthly: 5, currency: 'GBP' },
        schedule: { shutdown: '0 18 * * 1-5' },
      },
    }),
    environmentEntity({
      name: 'macro-ai-api-production',
      spec: {
        type: 'production',
        branch: 'main',
        deployment: deployment('MacroAiProductionStack'),
        budget: { monthly: 10, currency: 'GBP' },
      },
    }),
    environmentEntity({
      name: 'macro-ai-api-pr-42',
      annotations: { 'stageline.dev/pull-request': '42' },
      spec: {
        type: 'preview',
        branch: 'feature/streaming-responses',
        deployment: deployment('MacroAiPr42Stack'),
        budget: { monthly: 2, currency: 'GBP' },
      },
    }),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'macro-ai-api',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': REPO_LOCATION,
          'github.com/project-slug': 'acme/macro-ai',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/platform',
        system: 'macro-ai',
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'macro-ai-web',
        namespace: 'default',
        annotations: {
          'backstage.io/managed-by-location': REPO_LOCATION,
          'github.com/project-slug': 'acme/macro-ai',
        },
      },
      spec: {
        type: 'website',
        lifecycle: 'production',
        owner: 'group:default/platform',
        system: 'macro-ai',
      },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'platform', namespace: 'default' },
      spec: { type: 'team', children: [] },
    },
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name: 'guest',
        namespace: 'default',
        annotations: { 'github.com/user-login': 'octo-guest' },
      },
      spec: { memberOf: ['platform'] },
    },
  ];
}

/** macro-ai-web's staging, deployed from the CDK app in web/infrastructure of its repository. */
export function cdkAppEnvironment(): EnvironmentEntity {
  return environmentEntity({
    name: 'macro-ai-web-staging',
    spec: {
      component: 'component:default/macro-ai-web',
      branch: 'develop',
      deployment: {
        provider: 'cloudformation',
        stackName: 'MacroAiWebStagingStack',
        region: 'eu-west-2',
        accountId: '123456789012',
        mode: 'cdk-app',
        cdkApp: { path: 'web/infrastructure' },
      },
    },
  });
}

/**
 * The example catalog with macro-ai-api's Environments deployed by its own workflow
 * (`mode: pipeline`, `deploy.yml`) and macro-ai-web's staging by its CDK app.
 */
export function exampleCatalogWithModes(): Entity[] {
  return [
    ...exampleCatalog().map(entity =>
      entity.kind === 'Environment'
        ? {
            ...entity,
            spec: {
              ...entity.spec,
              deployment: {
                ...(entity.spec as EnvironmentEntity['spec']).deployment!,
                mode: 'pipeline',
                pipeline: { workflow: 'deploy.yml' },
              },
            },
          }
        : entity,
    ),
    cdkAppEnvironment(),
  ];
}

/**
 * Mallory's component `mallory-tool`, which says it lives in acme/macro-ai, and its staging
 * Environment deployed by acme/macro-ai's pipeline from `branch` (a branch no other Environment
 * runs), both registered from `location`.
 */
export function mallorysPipelineEnvironment(options: {
  location: string;
  branch: string;
}): Entity[] {
  const annotations = { 'backstage.io/managed-by-location': options.location };
  return [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'mallory-tool',
        namespace: 'default',
        annotations: {
          ...annotations,
          'github.com/project-slug': 'acme/macro-ai',
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'experimental',
        owner: 'group:default/mallory',
      },
    },
    environmentEntity({
      name: 'mallory-tool-staging',
      annotations: { ...annotations, 'github.com/project-slug': '' },
      spec: {
        owner: 'group:default/mallory',
        component: 'component:default/mallory-tool',
        branch: options.branch,
        deployment: {
          provider: 'cloudformation',
          stackName: 'MalloryToolStagingStack',
          region: 'eu-west-2',
          mode: 'pipeline',
          pipeline: { workflow: 'deploy.yml' },
        },
      },
    }),
  ];
}

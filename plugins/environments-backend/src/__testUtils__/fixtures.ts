import type { Entity } from '@backstage/catalog-model';
import type { EnvironmentEntity } from '@stageline/plugin-environments-common';

/**
 * The template of the staging stack as its pipeline deployed it: a function behind an HTTP API,
 * and a NAT gateway (billed by the hour) that the reference profile does not have.
 */
export const STAGING_TEMPLATE = JSON.stringify({
  Parameters: {
    MemorySize: { Type: 'Number', Default: '512' },
  },
  Resources: {
    ApiFunction: {
      Type: 'AWS::Lambda::Function',
      Properties: {
        Runtime: 'nodejs22.x',
        Handler: 'index.handler',
        MemorySize: { Ref: 'MemorySize' },
        Code: {
          S3Bucket: 'cdk-hnb659fds-assets-123456789012-eu-west-2',
          S3Key: 'api.zip',
        },
      },
    },
    HttpApi: {
      Type: 'AWS::ApiGatewayV2::Api',
      Properties: { Name: 'macro-ai-api-staging', ProtocolType: 'HTTP' },
    },
    EgressNat: {
      Type: 'AWS::EC2::NatGateway',
      Properties: {
        SubnetId: 'subnet-0123456789abcdef0',
        AllocationId: 'eipalloc-0123456789abcdef0',
      },
    },
  },
  Outputs: {
    ApiUrl: { Value: 'https://api-staging.macro-ai.com' },
    Version: { Value: '1.4.0' },
  },
});

/** The health URL the stand-ins answer. */
export const HEALTH_URL = 'http://health.test/api/health';
export const REPO = 'acme/macro-ai';
/** Where the catalog read the example's entities: the repository's own catalog-info.yaml. */
export const REPO_LOCATION =
  'url:https://github.com/acme/macro-ai/blob/main/catalog-info.yaml';

/** `entity` with more annotations (or some replaced). */
export function withAnnotations<T extends Entity>(
  entity: T,
  annotations: Record<string, string>,
): T {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}

/**
 * An Environment entity of the example system, with overrides; unless the annotations say
 * otherwise, managed by the repository's own location, as the catalog records it.
 */
export function environmentEntity(
  name: string,
  spec: Partial<EnvironmentEntity['spec']> = {},
  annotations: Record<string, string> = { 'github.com/project-slug': REPO },
): EnvironmentEntity {
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': REPO_LOCATION,
        ...annotations,
      },
    },
    spec: {
      type: 'staging',
      owner: 'group:default/team-a',
      system: 'system:default/macro-ai',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      ...spec,
    },
    relations: [
      {
        type: 'ownedBy',
        targetRef: (spec.owner ?? 'group:default/team-a').toLocaleLowerCase(
          'en-US',
        ),
      },
    ],
  };
}

export const stagingEnvironment = environmentEntity('macro-ai-api-staging', {
  type: 'staging',
  branch: 'develop',
  promotesTo: 'environment:default/macro-ai-api-production',
  deployment: {
    provider: 'cloudformation',
    stackName: 'MacroAiStagingStack',
    region: 'eu-west-2',
    accountId: '123456789012',
  },
  healthCheck: { url: HEALTH_URL },
  budget: { monthly: 5, currency: 'GBP' },
  schedule: { shutdown: '0 18 * * 1-5' },
});

export const productionEnvironment = environmentEntity(
  'macro-ai-api-production',
  {
    type: 'production',
    branch: 'main',
    deployment: {
      provider: 'cloudformation',
      stackName: 'MacroAiProductionStack',
      region: 'eu-west-2',
      accountId: '123456789012',
    },
    healthCheck: { url: HEALTH_URL },
    budget: { monthly: 10, currency: 'GBP' },
  },
);

export const previewEnvironment = environmentEntity(
  'macro-ai-api-pr-42',
  {
    type: 'preview',
    branch: 'feature/login',
    deployment: {
      provider: 'cloudformation',
      stackName: 'MacroAiPr42Stack',
      region: 'eu-west-2',
    },
  },
  { 'github.com/project-slug': REPO, 'stageline.dev/pull-request': '42' },
);

export const apiComponent: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'macro-ai-api',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': REPO_LOCATION,
      'github.com/project-slug': REPO,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
};

/** The example catalog: the component, its previews first (to check ordering), then stages. */
export const exampleEntities: Entity[] = [
  apiComponent,
  previewEnvironment,
  productionEnvironment,
  stagingEnvironment,
];

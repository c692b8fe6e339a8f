import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  ACCOUNT,
  AwsStandIn,
  DEPLOYER_KEYS,
  REGION,
} from '@stageline/aws-stand-in';
import { GithubStandIn } from '@stageline/github-stand-in';
import {
  AwsAccess,
  GithubRepositoryClients,
  repositoryVouchingFromConfig,
} from '@stageline/plugin-environments-node';
import { setupServer } from 'msw/node';
import type { Knex } from 'knex';
import { REPO_LOCATION } from './fixtures';
import { PreviewCleanup } from '../previews/PreviewCleanup';
import { PreviewStore } from '../previews/PreviewStore';
import type { PreviewCleanupSettings } from '../previews/readPreviewCleanupSettings';

export const SLUG = 'acme/macro-ai';
const TOKEN = 'ghp_previewcleanuptesttoken00000000001';

/** AWS (`aws.accounts`, the stand-in's deployer) and GitHub (a token) turned on. */
export const edgeConfig = {
  aws: {
    accounts: [
      {
        accountId: ACCOUNT,
        accessKeyId: DEPLOYER_KEYS.accessKeyId,
        secretAccessKey: DEPLOYER_KEYS.secretAccessKey,
      },
    ],
  },
  integrations: { github: [{ host: 'github.com', token: TOKEN }] },
};

/**
 * AWS and GitHub at the HTTP edge for a test file: fresh stand-ins before each test (the AWS
 * account bootstrapped for the CDK toolkit library, `acme/macro-ai` with `main` and `develop`),
 * a temporary CDK home, and a test that fails when a stand-in itself failed.
 */
export function useEdgeStandIns() {
  const server = setupServer();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-home-'));
  const edge = {} as { aws: AwsStandIn; github: GithubStandIn };
  beforeAll(() => {
    process.env.CDK_HOME = home;
    server.listen({
      onUnhandledRequest(request, print) {
        if (
          !['127.0.0.1', 'localhost', '::1'].includes(
            new URL(request.url).hostname,
          )
        ) {
          print.error();
        }
      },
    });
  });
  beforeEach(() => {
    server.resetHandlers();
    edge.aws = new AwsStandIn(server);
    edge.aws.bootstrap();
    edge.github = new GithubStandIn(server);
    edge.github.addRepo(SLUG, ['main', 'develop']);
    edge.github.addWorkflow(SLUG, 'deploy.yml', {
      inputs: ['stage', 'scale', 'command', 'preview-id'],
      runName:
        'cdk ${{ inputs.command }} ${{ inputs.stage }} ${{ inputs.preview-id }}',
    });
  });
  afterEach(() => edge.aws.assertNoBugs());
  afterAll(() => {
    server.close();
    delete process.env.CDK_HOME;
    fs.rmSync(home, { recursive: true, force: true });
  });
  return edge;
}

/** The stack tags a preview of pull request `n` carries (the CDK stack's vocabulary). */
export const previewStackTags = (n: number) => [
  { Key: 'stageline:app', Value: 'macro-ai' },
  { Key: 'stageline:stage', Value: 'preview' },
  { Key: 'stageline:preview', Value: `pr-${n}` },
];

/** A small deployed template. */
export const SMALL_TEMPLATE = JSON.stringify({
  Resources: {
    Assets: { Type: 'AWS::S3::Bucket' },
    Queue: { Type: 'AWS::SQS::Queue' },
  },
});

/** The preview the provider emits for pull request `n` of macro-ai-api (see the catalog module). */
export function providerPreview(
  n: number,
  options: {
    mode?: 'pipeline' | 'reference' | 'cdk-app';
    lastPush?: string;
    branch?: string;
    stackName?: string;
  } = {},
): Entity {
  const location = 'stageline-previews:component:default/macro-ai-api';
  const mode = options.mode ?? 'reference';
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: `macro-ai-api-pr-${n}`,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        'github.com/project-slug': SLUG,
        'stageline.dev/pull-request': String(n),
        'stageline.dev/pull-request-url': `https://github.com/${SLUG}/pull/${n}`,
        'stageline.dev/pull-request-author': 'alice',
        'stageline.dev/pull-request-branch': options.branch ?? `feature/${n}`,
        'stageline.dev/pull-request-opened': '2026-03-01T09:00:00Z',
        'stageline.dev/last-push': options.lastPush ?? '2026-03-02T09:00:00Z',
        'stageline.dev/preview-ttl': '72h',
        'stageline.dev/preview-of': 'environment:default/macro-ai-api-staging',
      },
    },
    spec: {
      type: 'preview',
      owner: 'group:default/team-a',
      component: 'component:default/macro-ai-api',
      scale: 'hobby',
      branch: options.branch ?? `feature/${n}`,
      deployment: {
        provider: 'cloudformation',
        stackName: options.stackName ?? `MacroAiPr${n}Stack`,
        region: REGION,
        accountId: ACCOUNT,
        mode,
        ...(mode === 'pipeline'
          ? { pipeline: { workflow: 'deploy.yml' } }
          : {}),
        ...(mode === 'cdk-app' ? { cdkApp: { path: 'infrastructure' } } : {}),
      },
    },
  };
}

/** The component the previews belong to, living in `acme/macro-ai`; in every cleanup's catalog. */
export const macroAiApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'macro-ai-api',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': REPO_LOCATION,
      'github.com/project-slug': SLUG,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
};

/** macro-ai-api-staging, which previews are modelled on (it runs develop). */
export const modelledOn: Entity = {
  apiVersion: 'stageline.dev/v1alpha1',
  kind: 'Environment',
  metadata: { name: 'macro-ai-api-staging', namespace: 'default' },
  spec: {
    type: 'staging',
    owner: 'group:default/team-a',
    component: 'component:default/macro-ai-api',
    scale: 'hobby',
    branch: 'develop',
    deployment: {
      provider: 'cloudformation',
      stackName: 'MacroAiStagingStack',
      region: REGION,
    },
  },
};

export const CLEANUP_SETTINGS: PreviewCleanupSettings = {
  enabled: true,
  frequency: { minutes: 10 },
  retryInitialMs: 5 * 60_000,
  retryMaxMs: 6 * 3_600_000,
  destroyTimeoutMs: 60_000,
  pollIntervalMs: 5,
};

/**
 * A cleanup over a catalog holding `entities`, with real AWS and GitHub clients (the stand-ins
 * answer them), the store on `knex`, the clock at `now`.
 */
export function cleanupOver(options: {
  knex: Knex;
  entities: Entity[];
  now: () => Date;
  /** The previews' component; default {@link macroAiApi}. */
  component?: Entity;
  auditor?: ReturnType<typeof mockServices.auditor.mock>;
}) {
  const config = new ConfigReader(edgeConfig);
  const auditor = options.auditor ?? mockServices.auditor.mock();
  const store = new PreviewStore(options.knex);
  const catalog = catalogServiceMock({
    entities: [options.component ?? macroAiApi, ...options.entities],
  });
  const auth = mockServices.auth();
  const cleanup = new PreviewCleanup({
    store,
    catalog,
    auth,
    auditor,
    aws: AwsAccess.fromConfig(config, { env: {}, homeDir: os.tmpdir() }),
    github: GithubRepositoryClients.fromConfig(config, {
      delays: { writeIntervalMs: 0, retryAfterUnitMs: 0 },
    }),
    settings: CLEANUP_SETTINGS,
    trustedOwners: [],
    vouching: repositoryVouchingFromConfig(config, { catalog, auth }),
    logger: mockServices.logger.mock(),
    runSearch: { attempts: 3, intervalMs: 1 },
    now: options.now,
  });
  return { cleanup, store, auditor };
}

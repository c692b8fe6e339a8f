import os from 'node:os';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ACCOUNT, REGION } from '@stageline/aws-stand-in';
import {
  AwsAccess,
  GithubRepositoryClients,
  repositoryVouchingFromConfig,
} from '@stageline/plugin-environments-node';
import type { Knex } from 'knex';
import { ScheduleRunner, ScheduleSettings } from '../schedules/ScheduleRunner';
import { ScheduleStore } from '../schedules/ScheduleStore';
import { REPO_LOCATION } from './fixtures';
import { edgeConfig, SLUG } from './previews';

/** A template with an ECS service and an RDS database: what a schedule scales to zero. */
export const SERVICE_TEMPLATE = JSON.stringify({
  Resources: {
    Api: { Type: 'AWS::ECS::Service' },
    Database: { Type: 'AWS::RDS::DBInstance' },
    Assets: { Type: 'AWS::S3::Bucket' },
  },
});

export const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'macro-ai-web',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': REPO_LOCATION,
      'github.com/project-slug': SLUG,
    },
  },
  spec: {
    type: 'website',
    lifecycle: 'production',
    owner: 'group:default/team-a',
  },
};

/** macro-ai-web-staging: shut down at 18:00 and started at 08:00 on weekdays. */
export function scheduledStaging(
  changes: {
    mode?: 'reference' | 'pipeline';
    schedule?: object;
    name?: string;
  } = {},
): Entity {
  const mode = changes.mode ?? 'reference';
  return {
    apiVersion: 'stageline.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: changes.name ?? 'macro-ai-web-staging',
      namespace: 'default',
      annotations: { 'github.com/project-slug': SLUG },
    },
    spec: {
      type: 'staging',
      owner: 'group:default/team-a',
      component: 'component:default/macro-ai-web',
      scale: 'hobby',
      branch: 'develop',
      deployment: {
        provider: 'cloudformation',
        stackName: 'MacroAiWebStagingStack',
        region: REGION,
        accountId: ACCOUNT,
        mode,
        ...(mode === 'pipeline'
          ? { pipeline: { workflow: 'deploy.yml' } }
          : {}),
      },
      schedule: changes.schedule ?? {
        shutdown: '0 18 * * 1-5',
        startup: '0 8 * * 1-5',
      },
    },
  };
}

export const SCHEDULE_SETTINGS: ScheduleSettings = {
  enabled: true,
  dryRun: false,
  retryInitialMs: 5 * 60_000,
  retryMaxMs: 3_600_000,
  timeoutMs: 60_000,
  pollIntervalMs: 5,
};

/** A schedule runner over a catalog holding `entities`, its clock at `clock.now`. */
export function runnerOver(options: {
  knex: Knex;
  entities: Entity[];
  clock: { now: Date };
  settings?: Partial<ScheduleSettings>;
}) {
  const config = new ConfigReader(edgeConfig);
  const auditor = mockServices.auditor.mock();
  const store = new ScheduleStore(options.knex);
  const catalog = catalogServiceMock({ entities: options.entities });
  const auth = mockServices.auth();
  const runner = new ScheduleRunner({
    store,
    catalog,
    auth,
    auditor,
    aws: AwsAccess.fromConfig(config, { env: {}, homeDir: os.tmpdir() }),
    github: GithubRepositoryClients.fromConfig(config, {
      delays: { writeIntervalMs: 0, retryAfterUnitMs: 0 },
    }),
    trustedOwners: [],
    vouching: repositoryVouchingFromConfig(config, { catalog, auth }),
    settings: { ...SCHEDULE_SETTINGS, ...options.settings },
    logger: mockServices.logger.mock(),
    now: () => options.clock.now,
  });
  return { runner, store, auditor };
}

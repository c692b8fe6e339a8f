/* eslint-disable no-console */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ActionContext } from '@backstage/plugin-scaffolder-node';
import type { JsonObject, JsonValue } from '@backstage/types';
import { AwsStandIn } from '@stageline/aws-stand-in';
import { setupServer } from 'msw/node';
import { configuredAws } from '../src/__testUtils__/cloudFormationStandIn';
import { exampleCatalogWithModes } from '../src/__testUtils__/entities';
import { startEnvironmentsBackend } from '../src/__testUtils__/environmentsBackend';
import { githubWithDeployWorkflow } from '../src/__testUtils__/deployWorkflow';
import {
  githubClientsWithoutWaits,
  SETUP_SLUG,
} from '../src/__testUtils__/githubStandIn';
import { FIXTURES } from '../src/__testUtils__/aws/toolkitTestSetup';
import { createEnvironmentDeployAction } from '../src/actions/deploy/environmentDeploy';
import { createEnvironmentRollbackAction } from '../src/actions/rollback/environmentRollback';
import { DeploymentHistoryClient } from '../src/lib/history/DeploymentHistoryClient';
import { ConfigReader } from '@backstage/config';
import { repositoryVouchingFromConfig } from '@stageline/plugin-environments-node';

/**
 * Rollback benchmark: AWS and GitHub calls and wall time of one `environment:rollback` per kind,
 * against the HTTP-edge stand-ins (which finish a stack operation, a change set or a workflow
 * step at the next look) and the real environments backend in process. The module's default
 * poll interval (5 s) is used, so the time is what Stageline itself adds to the services' own
 * time; prints figures, asserts nothing.
 */

const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 5_000);
/** The task log: dropped, or printed with BENCH_VERBOSE=1. */
const print = (message: string) =>
  process.env.BENCH_VERBOSE ? console.log(`      ${message}`) : undefined;
const quiet: LoggerService = {
  info: print,
  warn: print,
  error: print,
  debug: () => undefined,
  child: () => quiet,
};

/** A task's context, as the scaffolder gives an action one (without jest). */
function taskContext(
  input: JsonObject,
  taskId: string,
  workspacePath = os.tmpdir(),
): ActionContext<any, any> {
  return {
    input,
    logger: quiet,
    logStream: new PassThrough(),
    output: () => undefined,
    createTemporaryDirectory: async () =>
      fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')),
    workspacePath,
    task: { id: taskId },
    user: { ref: 'user:default/guest' },
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/guest'),
    checkpoint: async <T extends JsonValue | void>(opts: {
      key: string;
      fn: () => Promise<T> | T;
    }) => opts.fn(),
  } as unknown as ActionContext<any, any>;
}

function summarize(actions: string[]): string {
  const counts = new Map<string, number>();
  for (const action of actions)
    counts.set(action, (counts.get(action) ?? 0) + 1);
  return [...counts].map(([action, count]) => `${action} ×${count}`).join(', ');
}

async function main() {
  const cdkHome = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cdk-home-'));
  process.env.CDK_HOME = cdkHome;
  const server = setupServer();
  const local: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
      local.push(
        `${request.method} ${url.pathname.replace(
          /^.*\/environments\/[^/]+\/[^/]+\//,
          '',
        )}`,
      );
    }
  });
  server.listen({ onUnhandledRequest: 'bypass' });
  const aws = new AwsStandIn(server);
  aws.cloudFormation().stepsPerLook = 10_000;
  aws.bootstrap();
  const staging = 'MacroAiStagingStack';
  const github = githubWithDeployWorkflow(server, () => ({
    name: 'Run npx cdk deploy',
    onStart: ({ headSha }) =>
      aws.cloudFormation().startUpdate(
        staging,
        JSON.stringify({
          Resources: {
            Api: {
              Type: 'AWS::SNS::Topic',
              Properties: { DisplayName: headSha },
            },
          },
        }),
        [{ Key: 'stageline.dev/commit', Value: headSha }],
      ),
  }));
  github.runQueuedLooks = 0;
  aws.cloudFormation().seedStack(
    staging,
    JSON.stringify({
      Resources: { Api: { Type: 'AWS::SNS::Topic' } },
    }),
  );
  const backend = await startEnvironmentsBackend({
    entities: exampleCatalogWithModes(),
  });
  const catalog = catalogServiceMock({ entities: exampleCatalogWithModes() });
  const auth = mockServices.auth();
  const options = {
    catalog,
    aws: configuredAws(),
    permissions: mockServices.permissions(),
    auth,
    trustedOwners: [],
    vouching: repositoryVouchingFromConfig(new ConfigReader({}), {
      catalog,
      auth,
    }),
    github: githubClientsWithoutWaits(),
    history: new DeploymentHistoryClient({
      discovery: backend.discovery,
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
    }),
    pollIntervalMs: POLL_MS,
    runSearch: { attempts: 10, intervalMs: POLL_MS },
  };
  const deploy = createEnvironmentDeployAction(options);
  const rollback = createEnvironmentRollbackAction(options);

  console.log(
    `One rollback per kind against the HTTP-edge stand-ins (a stack operation, change set or workflow step finishes at the next look), polling every ${POLL_MS} ms (the module default):`,
  );
  console.log(
    'kind | AWS calls | GitHub calls | environments backend calls | wall time',
  );
  const measure = async (
    kind: string,
    run: () => Promise<void>,
  ): Promise<void> => {
    const [awsBefore, githubBefore, localBefore] = [
      aws.requests.length,
      github.requests.length,
      local.length,
    ];
    const started = performance.now();
    await run();
    const seconds = (performance.now() - started) / 1000;
    const awsCalls = aws.requests
      .slice(awsBefore)
      .map(r => `${r.service}:${r.action.replace(/ .*$/, '')}`);
    const githubCalls = github.requests
      .slice(githubBefore)
      .map(
        r =>
          `${r.method} ${r.path
            .replace(/\?.*$/, '')
            .replace(/^\/repos\/[^/]+\/[^/]+/, '')}`,
      );
    console.log(
      `${kind} | ${awsCalls.length} | ${githubCalls.length} | ${
        local.length - localBefore
      } | ${seconds.toFixed(1)} s`,
    );
    console.log(`    AWS: ${summarize(awsCalls) || 'none'}`);
    console.log(`    GitHub: ${summarize(githubCalls) || 'none'}`);
    console.log(
      `    environments backend: ${
        summarize(local.slice(localBefore)) || 'none'
      }`,
    );
  };

  // pipeline: two deploys at two commits, then the first run again
  for (const task of ['pipeline-1', 'pipeline-2']) {
    github.push(SETUP_SLUG, 'develop');
    await deploy.handler(
      taskContext(
        { environmentRef: 'environment:default/macro-ai-api-staging' },
        task,
      ),
    );
  }
  await measure('pipeline: re-run the previous run', () =>
    rollback.handler(
      taskContext(
        { environmentRef: 'environment:default/macro-ai-api-staging' },
        'pipeline-rollback',
      ),
    ),
  );

  // cdk-app: the service's app at hobby, then enterprise (over 51,200 bytes, uploaded), then back
  const workspace = path.join(FIXTURES, 'service-repo');
  for (const [task, scale] of [
    ['app-1', 'hobby'],
    ['app-2', 'enterprise'],
  ]) {
    await deploy.handler(
      taskContext(
        { environmentRef: 'environment:default/macro-ai-web-staging', scale },
        task,
        workspace,
      ),
    );
  }
  await measure('cdk-app: deploy the previous template again', () =>
    rollback.handler(
      taskContext(
        { environmentRef: 'environment:default/macro-ai-web-staging' },
        'app-rollback',
        workspace,
      ),
    ),
  );

  // an update by someone else fails at a new resource, and rolling the changed one back fails too
  const fake = aws.cloudFormation();
  fake.failNext(staging, {
    logicalId: 'Queue',
    reason: 'Queue name taken',
    rollbackReason: 'Topic changed outside CloudFormation',
  });
  fake.startUpdate(
    staging,
    JSON.stringify({
      Resources: {
        Api: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'x' } },
        Queue: { Type: 'AWS::SQS::Queue' },
      },
    }),
  );
  fake.describeStacks({ StackName: staging });
  await measure('UPDATE_ROLLBACK_FAILED: continue the rollback', () =>
    rollback.handler(
      taskContext(
        { environmentRef: 'environment:default/macro-ai-api-staging' },
        'continue-rollback',
      ),
    ),
  );

  server.close();
  fs.rmSync(cdkHome, { recursive: true, force: true });
}

main().then(
  // The test backend keeps timers and a database open: the figures are printed, so stop.
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);

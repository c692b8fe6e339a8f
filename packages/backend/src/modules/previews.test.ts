import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { setupServer } from 'msw/node';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  SchedulerService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  ACCOUNT,
  AwsStandIn,
  DEPLOYER_KEYS,
  REGION,
} from '@stageline/aws-stand-in';
import { GithubStandIn } from '@stageline/github-stand-in';
import { startStagelineBackend } from './__testUtils__/stagelineBackend';

/*
 * The preview lifecycle through the local backend's real parts — the catalog with the
 * Environment kind and its preview provider, the environments plugin and its cleanup, the
 * permission backend with the example policy — with GitHub and AWS answered at their HTTP edge by
 * the shared stand-ins (GitHub's REST reference: pulls, activity, workflow dispatch and runs;
 * CloudFormation's API reference: DescribeStacks, DeleteStack, through the real SDK). The
 * service's workflow deploys a preview when its pull request opens and destroys it when Stageline
 * dispatches `command=destroy`; both are modelled as effects on the AWS stand-in.
 */

jest.setTimeout(180_000);

const REPO = 'acme/macro-ai';
const server = setupServer();
const cdkHome = fs.mkdtempSync(path.join(os.tmpdir(), 'stageline-cdk-home-'));
let github: GithubStandIn;
let aws: AwsStandIn;

beforeAll(() => {
  process.env.CDK_HOME = cdkHome;
  server.listen({
    onUnhandledRequest(req, print) {
      if (
        !['127.0.0.1', 'localhost', '::1'].includes(new URL(req.url).hostname)
      )
        print.error();
    },
  });
});
beforeEach(() => {
  server.resetHandlers();
  github = new GithubStandIn(server);
  github.addRepo(REPO, ['main', 'develop']);
  github.addWorkflow(REPO, 'deploy.yml', {
    inputs: ['stage', 'scale', 'command', 'preview-id'],
  });
  aws = new AwsStandIn(server);
  aws.bootstrap();
  // The workflow's `cdk destroy` of the preview the dispatch names, waiting until it is gone.
  github.onRunStarted = run =>
    aws
      .cloudFormation()
      .startDelete(`MacroAiPr${run.inputs['preview-id']}Stack`);
  github.runConclusion = run => {
    const cloudFormation = aws.cloudFormation();
    const stack = `MacroAiPr${run.inputs['preview-id']}Stack`;
    while (cloudFormation.stack(stack)?.status === 'DELETE_IN_PROGRESS') {
      cloudFormation.describeStacks({ StackName: stack });
    }
    return cloudFormation.stack(stack) ? 'failure' : 'success';
  };
});
afterEach(() => aws.assertNoBugs());
afterAll(() => {
  server.close();
  fs.rmSync(cdkHome, { recursive: true, force: true });
});

const CATALOG = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: macro-ai-api
  annotations: { github.com/project-slug: ${REPO} }
spec: { type: service, lifecycle: production, owner: group:default/team-a }
---
apiVersion: stageline.dev/v1alpha1
kind: Environment
metadata:
  name: macro-ai-api-staging
  annotations: { github.com/project-slug: ${REPO} }
spec:
  type: staging
  owner: group:default/team-a
  component: component:default/macro-ai-api
  scale: hobby
  branch: develop
  deployment:
    provider: cloudformation
    stackName: MacroAiStagingStack
    region: ${REGION}
    accountId: '${ACCOUNT}'
    mode: pipeline
    pipeline: { workflow: deploy.yml }
  previews: { enabled: true, ttl: 72h, scale: hobby }
`;

/** The service's preview workflow deploying the preview of pull request `n` (on `opened`). */
function deployPreview(n: number) {
  aws
    .cloudFormation()
    .seedStack(
      `MacroAiPr${n}Stack`,
      JSON.stringify({ Resources: { Queue: { Type: 'AWS::SQS::Queue' } } }),
      {
        tags: [
          { Key: 'stageline:stage', Value: 'preview' },
          { Key: 'stageline:preview', Value: `pr-${n}` },
        ],
      },
    );
}

async function backend() {
  // Backstage's mock scheduler: a task runs in the test when triggered.
  const scheduler = mockServices.scheduler() as SchedulerService & {
    factory(): ServiceFactory<SchedulerService, 'plugin'>;
  };
  const { server: http } = await startStagelineBackend({
    catalogs: [CATALOG],
    features: [scheduler.factory()],
    config: {
      aws: {
        accounts: [
          {
            accountId: ACCOUNT,
            accessKeyId: DEPLOYER_KEYS.accessKeyId,
            secretAccessKey: DEPLOYER_KEYS.secretAccessKey,
          },
        ],
      },
      catalog: {
        providers: {
          stagelinePreviews: {
            schedule: {
              frequency: { trigger: 'manual' },
              timeout: { minutes: 1 },
            },
          },
        },
      },
      environments: {
        previews: { cleanup: { pollInterval: { milliseconds: 5 } } },
      },
    },
  });
  const preview = (n: number) =>
    request(http)
      .get(
        `/api/catalog/entities/by-name/environment/default/macro-ai-api-pr-${n}`,
      )
      .set('Authorization', mockCredentials.service.header());
  return {
    /** The preview provider's run, then the catalog's processing of what it emitted. */
    async readPullRequests(expect: Record<number, boolean>) {
      for (let attempt = 0; attempt < 100; attempt++) {
        await scheduler.triggerTask('stageline-previews:refresh');
        const present = await Promise.all(
          Object.keys(expect).map(
            async n => (await preview(Number(n))).status === 200,
          ),
        );
        if (Object.values(expect).every((wanted, i) => wanted === present[i]))
          return;
        await sleep(200);
      }
      throw new Error(`the catalog did not reach ${JSON.stringify(expect)}`);
    },
    cleanup: () => scheduler.triggerTask('environments-preview-cleanup'),
  };
}

const stackStatus = (name: string) =>
  aws.cloudFormation().stacks.find(s => s.stackName === name)?.status;

describe('preview environments from pull requests', () => {
  it('opening a pull request creates its preview; closing it removes the entity and destroys its stack', async () => {
    github.push(REPO, 'feature/streaming');
    const number = github.openPull(
      REPO,
      'feature/streaming',
      'develop',
      'Stream',
      { author: 'alice' },
    );
    deployPreview(number);
    const stageline = await backend();

    await stageline.readPullRequests({ [number]: true });
    await stageline.cleanup();
    expect(stackStatus(`MacroAiPr${number}Stack`)).toBe('CREATE_COMPLETE');

    github.closePull(REPO, number);
    await stageline.readPullRequests({ [number]: false });
    await stageline.cleanup();
    expect(stackStatus(`MacroAiPr${number}Stack`)).toBe('DELETE_COMPLETE');
    expect(github.repo(REPO).dispatches).toEqual([
      {
        workflow: 'deploy.yml',
        ref: 'feature/streaming',
        inputs: {
          stage: 'preview',
          scale: 'hobby',
          command: 'destroy',
          'preview-id': String(number),
        },
      },
    ]);
  });

  it('destroys the stack of a preview whose branch had no push for its time to live', async () => {
    github.clock = () => new Date(Date.now() - 80 * 3_600_000);
    github.push(REPO, 'feature/stale');
    github.clock = () => new Date();
    github.push(REPO, 'feature/fresh');
    const stale = github.openPull(REPO, 'feature/stale', 'develop');
    const fresh = github.openPull(REPO, 'feature/fresh', 'develop');
    deployPreview(stale);
    deployPreview(fresh);
    const stageline = await backend();
    await stageline.readPullRequests({ [stale]: true, [fresh]: true });
    await stageline.cleanup();
    expect(stackStatus(`MacroAiPr${stale}Stack`)).toBe('DELETE_COMPLETE');
    expect(stackStatus(`MacroAiPr${fresh}Stack`)).toBe('CREATE_COMPLETE');
  });
});

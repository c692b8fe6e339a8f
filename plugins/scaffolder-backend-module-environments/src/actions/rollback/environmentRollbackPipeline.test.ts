import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { AwsStandIn } from '@stageline/aws-stand-in';
import { actionContext } from '../../__testUtils__/actionContext';
import {
  referenceTemplate,
  useAwsStandIn,
  withServiceCode,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { startDeploymentHistory } from '../../__testUtils__/deploymentHistory';
import { exampleCatalogWithModes } from '../../__testUtils__/entities';
import { githubWithDeployWorkflow } from '../../__testUtils__/deployWorkflow';
import {
  githubClientsWithoutWaits,
  GithubStandIn,
  SETUP_SLUG,
} from '../../__testUtils__/githubStandIn';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from '../deploy/environmentDeploy';
import { createEnvironmentRollbackAction } from './environmentRollback';

jest.setTimeout(120_000);

const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';
const RUNS = '/repos/acme/macro-ai/actions/runs';

/**
 * `environment:rollback` of a `pipeline` Environment: the run of the previous deployment runs
 * again at its commit. GitHub Actions and CloudFormation at the HTTP edge (the run's `cdk deploy`
 * step deploys the commit's template and tags the stack with it, as the generated cdk.yml does),
 * the environments backend in process.
 */
describe('environment:rollback of a pipeline Environment', () => {
  const standIn = useAwsStandIn(aws => {
    aws.cloudFormation().stepsPerLook = 3;
  });
  let aws: AwsStandIn;
  let github: GithubStandIn;
  const runs = () => github.repo(SETUP_SLUG).runs;

  /** What each commit deploys: the service's code at that commit. */
  const templateAt = (sha: string) => {
    const template = withServiceCode(referenceTemplate());
    for (const resource of Object.values(template.Resources)) {
      if (resource.Type === 'AWS::Lambda::Function') {
        resource.Properties!.Code.S3Key = `${sha}.zip`;
      }
    }
    return JSON.stringify(template);
  };

  beforeEach(() => {
    aws = standIn();
    aws.cloudFormation().seedStack(STACK, JSON.stringify(referenceTemplate()));
    github = githubWithDeployWorkflow(aws.server, inputs => ({
      name: `Run npx cdk ${inputs.command}`,
      onStart: ({ headSha }) =>
        aws
          .cloudFormation()
          .startUpdate(STACK, templateAt(headSha), [
            { Key: 'stageline.dev/commit', Value: headSha },
          ]),
      poll: () => {
        aws.cloudFormation().describeStacks({ StackName: STACK });
        const { status } = aws.cloudFormation().stack(STACK)!;
        if (/_IN_PROGRESS$/.test(status)) return 'running';
        return /ROLLBACK|FAILED/.test(status) ? 'failure' : 'success';
      },
    }));
  });

  async function setup() {
    const backend = await startDeploymentHistory({
      entities: exampleCatalogWithModes(),
    });
    const actionOptions = {
      catalog: catalogServiceMock({ entities: exampleCatalogWithModes() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      github: githubClientsWithoutWaits(),
      history: backend.history,
      pollIntervalMs: 1,
    };
    const deploy = createEnvironmentDeployAction(actionOptions);
    /** A commit pushed to develop and deployed through the pipeline; returns its SHA. */
    const pushAndDeploy = async (taskId: string) => {
      const sha = github.push(SETUP_SLUG, 'develop');
      await deploy.handler(
        actionContext({ environmentRef: STAGING }, { taskId }).ctx,
      );
      return sha;
    };
    return {
      ...backend,
      actionOptions,
      pushAndDeploy,
      rollback: createEnvironmentRollbackAction(actionOptions),
    };
  }

  it('runs the previous deployment’s run again, at its commit, and follows it', async () => {
    const env = await setup();
    const first = await env.pushAndDeploy('deploy-1');
    const second = await env.pushAndDeploy('deploy-2');
    expect(aws.cloudFormation().stack(STACK)!.tags).toEqual([
      { Key: 'stageline.dev/commit', Value: second },
    ]);
    const [firstRun] = runs();
    const writes = github.writes().length;
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { taskId: 'rollback-1' },
    );

    await env.rollback.handler(ctx);

    expect(github.writes().slice(writes)).toEqual([
      { method: 'POST', path: `${RUNS}/${firstRun.id}/rerun` },
    ]);
    expect(runs()).toHaveLength(2);
    expect(firstRun.attempt).toBe(2);
    expect(aws.cloudFormation().stack(STACK)!.tags).toEqual([
      { Key: 'stageline.dev/commit', Value: first },
    ]);
    expect(aws.cloudFormation().templateOf(STACK)).toEqual(
      JSON.parse(templateAt(first)),
    );
    const [rollback, , deployed] = await env.deployments(
      'macro-ai-api-staging',
    );
    expect(outputs).toMatchObject({
      kind: 'rerun',
      mode: 'pipeline',
      restored: deployed.id,
      runId: firstRun.id,
      runUrl: `https://github.com/acme/macro-ai/actions/runs/${firstRun.id}`,
      commit: first,
      status: 'UPDATE_COMPLETE',
    });
    expect(deployed).toMatchObject({
      action: 'deploy',
      commit: first,
      runId: firstRun.id,
    });
    expect(rollback).toMatchObject({
      action: 'rollback',
      mode: 'pipeline',
      result: 'succeeded',
      restores: deployed.id,
      commit: first,
      runId: firstRun.id,
      stackStatus: 'UPDATE_COMPLETE',
    });
    expect(logs()).toEqual(
      expect.arrayContaining([
        `info: Re-running run ${
          firstRun.id
        } of deploy.yml on develop at ${first.slice(
          0,
          7,
        )} (attempt 2, with the inputs it had): https://github.com/acme/macro-ai/actions/runs/${
          firstRun.id
        }`,
        `info:   CloudFormation: UPDATE_COMPLETE AWS::CloudFormation::Stack ${STACK}`,
        `info: Rolled back ${STACK} to ${first.slice(0, 7)} through run ${
          firstRun.id
        }: UPDATE_COMPLETE`,
      ]),
    );
  });

  it('needs the permission on every Environment on the branch, before anything runs', async () => {
    const env = await setup();
    await env.pushAndDeploy('deploy-1');
    await env.pushAndDeploy('deploy-2');
    const writes = github.writes().length;
    const denied = createEnvironmentRollbackAction({
      ...env.actionOptions,
      ...permissionPolicy({
        denied: ['environment:default/macro-ai-web-staging'],
      }).authorization,
    });

    await expect(
      denied.handler(actionContext({ environmentRef: STAGING }).ctx),
    ).rejects.toThrow(
      'You are not allowed environments.deploy on environment:default/macro-ai-web-staging: the workflow of acme/macro-ai deploys branch develop to the staging stack, and it runs that branch or that stack',
    );
    expect(github.writes().slice(writes)).toEqual([]);
  });

  it('needs the permission on the branch to continue a failed rollback too, as a deploy would', async () => {
    const env = await setup();
    // An update failed at Events, and rolling Alerts back failed too.
    const fake = aws.cloudFormation();
    const topics = (a: string, b: string) =>
      JSON.stringify({
        Resources: {
          Alerts: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: a } },
          Events: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: b } },
        },
      });
    fake.stepsPerLook = 100;
    fake.startUpdate(STACK, topics('a', 'b'));
    fake.describeStacks({ StackName: STACK });
    fake.failNext(STACK, {
      logicalId: 'Events',
      reason: 'Invalid parameter: DisplayName',
      rollbackReason: 'Topic Alerts was deleted outside CloudFormation',
    });
    fake.startUpdate(STACK, topics('a2', 'b2'));
    fake.describeStacks({ StackName: STACK });
    expect(fake.stack(STACK)!.status).toBe('UPDATE_ROLLBACK_FAILED');
    const denied = createEnvironmentRollbackAction({
      ...env.actionOptions,
      ...permissionPolicy({
        denied: ['environment:default/macro-ai-web-staging'],
      }).authorization,
    });

    await expect(
      denied.handler(actionContext({ environmentRef: STAGING }).ctx),
    ).rejects.toThrow(
      'You are not allowed environments.deploy on environment:default/macro-ai-web-staging: the workflow of acme/macro-ai deploys branch develop to the staging stack, and it runs that branch or that stack',
    );
    expect(
      aws.requests.filter(r => r.action === 'ContinueUpdateRollback'),
    ).toEqual([]);
    expect(fake.stack(STACK)!.status).toBe('UPDATE_ROLLBACK_FAILED');
  });

  it('refuses a run GitHub will no longer re-run, saying why', async () => {
    const env = await setup();
    await env.pushAndDeploy('deploy-1');
    await env.pushAndDeploy('deploy-2');
    // 31 days after the first deployment's run was created.
    const later = Date.now() + 31 * 86_400_000;
    github.clock = () => new Date(later);

    await expect(
      env.rollback.handler(actionContext({ environmentRef: STAGING }).ctx),
    ).rejects.toThrow(
      /re-running run \d+.*Unable to retry this workflow run because it was created over a month ago/,
    );
    expect(aws.cloudFormation().stack(STACK)!.tags[0].Value).toBe(
      github.head(SETUP_SLUG, 'develop'),
    );
  });
});

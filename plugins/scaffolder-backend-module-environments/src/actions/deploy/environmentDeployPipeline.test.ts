import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { HttpResponse } from 'msw';
import {
  actionContext,
  CheckpointStore,
} from '../../__testUtils__/actionContext';
import type { AwsStandIn } from '@stageline/aws-stand-in';
import {
  referenceTemplate,
  useAwsStandIn,
  withServiceCode,
} from '../../__testUtils__/aws/toolkitTestSetup';
import {
  configuredAws,
  unconfiguredAws,
} from '../../__testUtils__/cloudFormationStandIn';
import {
  environmentEntity,
  exampleCatalogWithModes,
  mallorysPipelineEnvironment,
} from '../../__testUtils__/entities';
import type { StandInWorkflowStep } from '@stageline/github-stand-in';
import {
  githubWithDeployWorkflow,
  PIPELINE_ACTOR,
} from '../../__testUtils__/deployWorkflow';
import {
  githubClientsWithoutWaits,
  GithubStandIn,
  SETUP_SLUG,
} from '../../__testUtils__/githubStandIn';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from '../destroy/environmentDestroy';
import { createEnvironmentDeployAction } from './environmentDeploy';

jest.setTimeout(60_000);

const STACK = 'MacroAiStagingStack';
const STAGING = 'environment:default/macro-ai-api-staging';
const DISPATCHES =
  '/repos/acme/macro-ai/actions/workflows/deploy.yml/dispatches';

/**
 * `pipeline` Environments against GitHub Actions and CloudFormation at the HTTP edge: the GitHub
 * stand-in runs the service's deploy.yml, whose `cdk` step changes the stack in the AWS stand-in
 * as `cdk deploy` / `cdk destroy` would.
 */
describe('environment:deploy and environment:destroy of a pipeline Environment', () => {
  const standIn = useAwsStandIn(aws => {
    aws.cloudFormation().stepsPerLook = 2;
  });
  let aws: AwsStandIn;
  let github: GithubStandIn;
  /** What the next run's cdk step does. */
  let cdk: Pick<StandInWorkflowStep, 'onStart' | 'poll'>;
  const runs = () => github.repo(SETUP_SLUG).runs;
  /** The body of the `index`th request that changed something. */
  const written = (index: number) =>
    github.writes()[index].body as Record<string, any>;

  /** `cdk deploy` / `cdk destroy` watch the stack until its operation ends, then pass or fail. */
  const watchStack = (): StandInWorkflowStep['poll'] => () => {
    const stack = aws.cloudFormation().stacks.find(s => s.stackName === STACK)!;
    aws.cloudFormation().describeStacks({ StackName: stack.stackId });
    if (/_IN_PROGRESS$/.test(stack.status)) return 'running';
    return /ROLLBACK|FAILED/.test(stack.status) ? 'failure' : 'success';
  };

  beforeEach(() => {
    aws = standIn();
    aws.cloudFormation().seedStack(STACK, JSON.stringify(referenceTemplate()));
    cdk = {
      onStart: () =>
        aws
          .cloudFormation()
          .startUpdate(
            STACK,
            JSON.stringify(withServiceCode(referenceTemplate())),
          ),
      poll: watchStack(),
    };
    github = githubWithDeployWorkflow(aws.server, inputs => ({
      name: `Run npx cdk ${inputs.command}`,
      ...cdk,
    }));
  });

  function options(
    overrides: Partial<
      Parameters<typeof createEnvironmentDeployAction>[0]
    > = {},
  ) {
    return {
      catalog: catalogServiceMock({ entities: exampleCatalogWithModes() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      github: githubClientsWithoutWaits(),
      pollIntervalMs: 1,
      runSearch: { attempts: 5, intervalMs: 1 },
      ...overrides,
    };
  }

  it('dispatches the workflow on the branch with the inputs, follows the run and streams the stack events', async () => {
    const { ctx, outputs, logs } = actionContext({ environmentRef: STAGING });

    await createEnvironmentDeployAction(options()).handler(ctx);

    expect(github.writes()).toEqual([
      {
        method: 'POST',
        path: DISPATCHES,
        body: {
          ref: 'develop',
          inputs: {
            stage: 'staging',
            scale: 'hobby',
            command: 'deploy',
            'preview-id': '',
          },
          return_run_details: true,
        },
      },
    ]);
    const [run] = runs();
    expect(outputs).toMatchObject({
      stackName: STACK,
      mode: 'pipeline',
      runId: run.id,
      runUrl: `https://github.com/acme/macro-ai/actions/runs/${run.id}`,
      status: 'UPDATE_COMPLETE',
      stackId: aws.cloudFormation().stack(STACK)!.stackId,
    });
    const lines = logs();
    expect(lines).toEqual(
      expect.arrayContaining([
        "info: Dispatching deploy.yml of acme/macro-ai on develop (stage=staging, scale=hobby, command=deploy, preview-id='')",
        `info: Following run ${run.id}: https://github.com/acme/macro-ai/actions/runs/${run.id}`,
        'info: Job "cdk deploy (staging)": in_progress',
        'info:   Step "Run npm install": success',
        'info:   Step "Run npx cdk deploy": success',
        `info:   CloudFormation: UPDATE_IN_PROGRESS AWS::CloudFormation::Stack ${STACK}: User Initiated`,
        `info:   CloudFormation: UPDATE_COMPLETE AWS::CloudFormation::Stack ${STACK}`,
        'info: Job "cdk deploy (staging)": success',
      ]),
    );
    expect(
      lines.indexOf(
        `info:   CloudFormation: UPDATE_IN_PROGRESS AWS::CloudFormation::Stack ${STACK}: User Initiated`,
      ),
    ).toBeLessThan(lines.indexOf('info: Job "cdk deploy (staging)": success'));
  });

  it("fails with the failing job and step and the stack's first failed resource", async () => {
    const template = withServiceCode(referenceTemplate());
    const [fn] = Object.keys(template.Resources).filter(
      id => template.Resources[id].Type === 'AWS::Lambda::Function',
    );
    cdk = {
      poll: watchStack(),
      onStart: () => {
        aws.cloudFormation().failNext(STACK, {
          logicalId: fn,
          reason:
            'Resource handler returned message: "Uploaded file must be a non-empty zip"',
        });
        aws.cloudFormation().startUpdate(STACK, JSON.stringify(template));
      },
    };
    const { ctx } = actionContext({ environmentRef: STAGING });

    const error = await createEnvironmentDeployAction(options())
      .handler(ctx)
      .catch(e => e);

    const [run] = runs();
    expect(error.message).toMatch(
      new RegExp(
        `^Run ${run.id} of deploy\\.yml on develop ended failure: job "cdk deploy \\(staging\\)" failed at step "Run npx cdk deploy"; the stack's first failure: ${fn} \\(AWS::Lambda::Function\\) UPDATE_FAILED: Resource handler returned message: "Uploaded file must be a non-empty zip" \\(stack UPDATE_ROLLBACK_(IN_PROGRESS|COMPLETE_CLEANUP_IN_PROGRESS|COMPLETE)\\)\\. See https://github\\.com/acme/macro-ai/actions/runs/${run.id}$`,
      ),
    );
  });

  it('picks up the same run when the task is retried, never dispatching twice', async () => {
    // GitHub answers one look at the run 404, right after the run started.
    github.onRunStarted = run =>
      github.failNext(`GET /repos/${SETUP_SLUG}/actions/runs/${run.id}`, () =>
        HttpResponse.json({ message: 'Not Found' }, { status: 404 }),
      );
    const checkpoints = new CheckpointStore();
    await expect(
      createEnvironmentDeployAction(options()).handler(
        actionContext({ environmentRef: STAGING }, { checkpoints }).ctx,
      ),
    ).rejects.toThrow(/GitHub answered 404 following run \d+ of deploy\.yml/);

    const retry = actionContext({ environmentRef: STAGING }, { checkpoints });
    await createEnvironmentDeployAction(options()).handler(retry.ctx);

    expect(github.writes()).toHaveLength(1);
    expect(runs()).toHaveLength(1);
    expect(retry.outputs).toMatchObject({
      runId: runs()[0].id,
      status: 'UPDATE_COMPLETE',
    });
  });

  it('finds the run by listing when GitHub does not return it, passing over runs of others', async () => {
    github.returnsRunDetails = false;
    const foreign = github.addRun(SETUP_SLUG, {
      workflow: 'deploy.yml',
      branch: 'develop',
      inputs: { stage: 'staging' },
      actor: 'someone-else',
    });
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await createEnvironmentDeployAction(options()).handler(ctx);

    expect([0, 1].map(i => written(i).return_run_details)).toEqual([
      true,
      undefined,
    ]);
    expect(github.writes()).toHaveLength(2);
    const ours = runs().find(run => run !== foreign)!;
    expect(outputs).toMatchObject({ runId: ours.id });
    expect(
      github
        .calls(SETUP_SLUG)
        .some(call =>
          new RegExp(
            `^GET /actions/workflows/deploy\\.yml/runs\\?.*actor=${PIPELINE_ACTOR}`,
          ).test(call),
        ),
    ).toBe(true);
  });

  it('says exactly what it would dispatch in a dry run, and calls nothing', async () => {
    const { ctx, outputs, logs } = actionContext(
      { environmentRef: STAGING },
      { isDryRun: true },
    );

    await createEnvironmentDeployAction(options()).handler(ctx);

    expect(github.requests).toEqual([]);
    expect(aws.requests).toEqual([]);
    expect(outputs).toMatchObject({ mode: 'pipeline', status: 'DRY_RUN' });
    expect(logs()).toContain(
      "info: Dry run: would dispatch workflow deploy.yml of acme/macro-ai on develop with inputs stage=staging, scale=hobby, command=deploy, preview-id='', follow its run (each job and step and its conclusion) in this log and stream the CloudFormation events of MacroAiStagingStack while it runs; GitHub and AWS were not called",
    );
  });

  it('follows the run without stack events when AWS is not configured', async () => {
    const { ctx, outputs, logs } = actionContext({ environmentRef: STAGING });

    await createEnvironmentDeployAction(
      options({ aws: unconfiguredAws() }),
    ).handler(ctx);

    expect(aws.calls('cloudformation')).toEqual([]);
    expect(outputs).toMatchObject({
      status: 'SUCCESS',
      runId: runs()[0].id,
    });
    expect(logs()).toContain(
      "info: AWS is not configured: following the run without MacroAiStagingStack's CloudFormation events",
    );
  });

  it('needs the permission on every Environment on the branch the workflow deploys, before anything is dispatched', async () => {
    const policy = permissionPolicy({
      denied: ['environment:default/macro-ai-web-staging'],
    });
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(
      createEnvironmentDeployAction(
        options({ permissions: policy.permissions }),
      ).handler(ctx),
    ).rejects.toThrow(
      'You are not allowed environments.deploy on environment:default/macro-ai-web-staging: the workflow of acme/macro-ai deploys branch develop to the staging stack, and it runs that branch or that stack',
    );
    expect(github.requests).toEqual([]);
  });

  it('needs the permission on the Environments of the stage the workflow deploys, whatever branch it is dispatched on', async () => {
    // Mallory owns a component registered from acme/macro-ai itself (she can write there), and
    // gives it a staging Environment on a branch no Environment runs: the workflow would deploy
    // that branch to the real staging stack, since it picks the stack by its stage input.
    const mallorys = mallorysPipelineEnvironment({
      location:
        'url:https://github.com/acme/macro-ai/blob/main/tools/catalog-info.yaml',
      branch: 'feature/unreviewed',
    });
    const policy = permissionPolicy({ denied: [STAGING] });
    const { ctx } = actionContext({
      environmentRef: 'environment:default/mallory-tool-staging',
    });

    await expect(
      createEnvironmentDeployAction(
        options({
          permissions: policy.permissions,
          catalog: catalogServiceMock({
            entities: [...exampleCatalogWithModes(), ...mallorys],
          }),
        }),
      ).handler(ctx),
    ).rejects.toThrow(
      `You are not allowed environments.deploy on ${STAGING}: the workflow of acme/macro-ai deploys branch feature/unreviewed to the staging stack, and it runs that branch or that stack`,
    );
    expect(github.requests).toEqual([]);
  });

  it("dispatches on the component's repository only: an Environment naming another repository is refused", async () => {
    const squatter = environmentEntity({
      name: 'macro-ai-api-sandbox',
      annotations: { 'github.com/project-slug': 'victim/payments' },
      spec: {
        type: 'development',
        branch: 'main',
        deployment: {
          provider: 'cloudformation',
          stackName: 'MacroAiSandboxStack',
          region: 'eu-west-2',
          mode: 'pipeline',
          pipeline: { workflow: 'deploy.yml' },
        },
      },
    });
    const { ctx } = actionContext({
      environmentRef: 'environment:default/macro-ai-api-sandbox',
    });

    await expect(
      createEnvironmentDeployAction(
        options({
          catalog: catalogServiceMock({
            entities: [...exampleCatalogWithModes(), squatter],
          }),
        }),
      ).handler(ctx),
    ).rejects.toThrow(
      'says its repository is victim/payments, but its component component:default/macro-ai-api lives in acme/macro-ai',
    );
    expect(github.requests).toEqual([]);
  });

  it('says what to configure when GitHub is not configured', async () => {
    const { ctx } = actionContext({ environmentRef: STAGING });

    await expect(
      createEnvironmentDeployAction(options({ github: undefined })).handler(
        ctx,
      ),
    ).rejects.toThrow(
      'Cannot deploy MacroAiStagingStack through its pipeline: GitHub is not configured',
    );
  });

  it('destroys through the workflow with command destroy', async () => {
    cdk = {
      onStart: () => aws.cloudFormation().startDelete(STACK),
      poll: watchStack(),
    };
    const { ctx, outputs } = actionContext({ environmentRef: STAGING });

    await createEnvironmentDestroyAction(options()).handler(ctx);

    expect(written(0).inputs).toEqual({
      stage: 'staging',
      scale: 'hobby',
      command: 'destroy',
      'preview-id': '',
    });
    expect(outputs).toMatchObject({
      mode: 'pipeline',
      deleted: true,
      status: 'DELETE_COMPLETE',
      runId: runs()[0].id,
    });
    expect(aws.cloudFormation().stack(STACK)).toBeUndefined();
  });
});

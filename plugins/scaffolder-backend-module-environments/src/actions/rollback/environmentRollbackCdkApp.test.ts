import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { QUALIFIER, REGION, type AwsStandIn } from '@stageline/aws-stand-in';
import { actionContext } from '../../__testUtils__/actionContext';
import {
  FIXTURES,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { startDeploymentHistory } from '../../__testUtils__/deploymentHistory';
import {
  cdkAppEnvironment,
  exampleCatalog,
} from '../../__testUtils__/entities';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from '../deploy/environmentDeploy';
import { createEnvironmentRollbackAction } from './environmentRollback';

jest.setTimeout(180_000);

const STACK = 'MacroAiWebStagingStack';
const WEB_STAGING = 'environment:default/macro-ai-web-staging';
const BUCKET = `cdk-${QUALIFIER}-assets-123456789012-${REGION}`;

/**
 * `environment:rollback` of a `cdk-app` Environment: the service's own CDK app (the fixture
 * repository's web/infrastructure) deployed twice through `environment:deploy`, then rolled back
 * to the first deployment's template from the snapshot in the history — no checkout of the app
 * needed, its code still in the bootstrap bucket. CloudFormation, S3 and STS at the HTTP edge.
 */
describe('environment:rollback of a cdk-app Environment', () => {
  const standIn = useAwsStandIn(aws => {
    aws.cloudFormation().looksWhileCreating = 0;
    aws.cloudFormation().stepsPerLook = 1000;
  });
  let aws: AwsStandIn;
  beforeEach(() => {
    aws = standIn();
    aws.bootstrap();
  });

  it('deploys the first deployment’s template again, with its code from the bootstrap bucket, and records it', async () => {
    const entities = [
      ...exampleCatalog().filter(
        e => e.metadata.name !== 'macro-ai-web-staging',
      ),
      cdkAppEnvironment(),
    ];
    const backend = await startDeploymentHistory({ entities });
    const options = {
      catalog: catalogServiceMock({ entities }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      history: backend.history,
      pollIntervalMs: 1,
    };
    const deploy = createEnvironmentDeployAction(options);
    const workspacePath = path.join(FIXTURES, 'service-repo');
    await deploy.handler(
      actionContext(
        { environmentRef: WEB_STAGING, commit: 'aaaaaaa' },
        { taskId: 'deploy-1', workspacePath },
      ).ctx,
    );
    const first = aws.cloudFormation().templateOf(STACK)!;
    await deploy.handler(
      actionContext(
        { environmentRef: WEB_STAGING, scale: 'enterprise', commit: 'bbbbbbb' },
        { taskId: 'deploy-2', workspacePath },
      ).ctx,
    );
    expect(aws.cloudFormation().templateOf(STACK)).not.toEqual(first);
    const [, deployed] = await backend.deployments('macro-ai-web-staging');
    expect(deployed).toMatchObject({
      action: 'deploy',
      mode: 'cdk-app',
      commit: 'aaaaaaa',
      rollbackSnapshot: true,
    });

    // No workspace: a rollback needs no checkout of the app.
    const { ctx, outputs } = actionContext(
      { environmentRef: WEB_STAGING },
      { taskId: 'rollback-1' },
    );
    await createEnvironmentRollbackAction(options).handler(ctx);

    const restored = aws.cloudFormation().templateOf(STACK)!;
    expect(restored).toEqual(first);
    const codeKeys = Object.values<any>(restored.Resources ?? {})
      .filter(r => r.Type === 'AWS::Lambda::Function')
      .map(r => r.Properties.Code.S3Key);
    expect(codeKeys.length).toBeGreaterThan(0);
    for (const key of codeKeys) expect(aws.s3.keys(BUCKET)).toContain(key);
    expect(outputs).toMatchObject({
      mode: 'cdk-app',
      kind: 'redeploy',
      restored: deployed.id,
      commit: 'aaaaaaa',
      status: 'UPDATE_COMPLETE',
    });
    expect(aws.cloudFormation().stack(STACK)!.tags).toEqual(
      expect.arrayContaining([
        { Key: 'stageline.dev/commit', Value: 'aaaaaaa' },
        { Key: 'stageline.dev/scale', Value: 'hobby' },
      ]),
    );
    const [rollback] = await backend.deployments('macro-ai-web-staging');
    expect(rollback).toMatchObject({
      action: 'rollback',
      mode: 'cdk-app',
      result: 'succeeded',
      restores: deployed.id,
      templateHash: deployed.templateHash,
      commit: 'aaaaaaa',
      taskId: 'rollback-1',
    });
  });
});

import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { actionContext } from '../../__testUtils__/actionContext';
import {
  referenceTemplate,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { startDeploymentHistory } from '../../__testUtils__/deploymentHistory';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from '../deploy/environmentDeploy';
import { createEnvironmentRollbackAction } from './environmentRollback';
import { examples } from './environmentRollback.examples';

jest.setTimeout(120_000);
const standIn = useAwsStandIn(aws => {
  aws.cloudFormation().looksWhileCreating = 0;
  aws.cloudFormation().stepsPerLook = 20;
});

/** The stack of each example's Environment, and how it is made ready to roll back. */
const STACKS: Record<string, string> = {
  'environment:default/macro-ai-api-staging': 'MacroAiStagingStack',
  'environment:default/macro-ai-api-production': 'MacroAiProductionStack',
};

describe('environment:rollback examples', () => {
  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const aws = standIn();
    const environmentRef = input.environmentRef as string;
    const stackName = STACKS[environmentRef];
    const { history } = await startDeploymentHistory();
    const options = {
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      history,
      pollIntervalMs: 1,
    };
    if (input.resourcesToSkip) {
      // An update failed, and so did rolling back the resource the example skips.
      const [skipped] = input.resourcesToSkip as string[];
      const fake = aws.cloudFormation();
      const template = (name: string) =>
        JSON.stringify({
          Resources: {
            [skipped]: {
              Type: 'AWS::SNS::Topic',
              Properties: { DisplayName: name },
            },
            Queue: {
              Type: 'AWS::SQS::Queue',
              Properties: { QueueName: name },
            },
          },
        });
      fake.seedStack(stackName, template('before'));
      fake.failNext(stackName, {
        logicalId: 'Queue',
        reason: 'Queue name taken',
        rollbackReason: `${skipped} was changed outside CloudFormation`,
      });
      fake.startUpdate(stackName, template('after'));
      fake.describeStacks({ StackName: stackName });
    } else {
      const deploy = createEnvironmentDeployAction(options);
      for (const scale of ['hobby', 'enterprise']) {
        await deploy.handler(
          actionContext({ environmentRef, scale }, { taskId: scale }).ctx,
        );
      }
    }

    const { ctx, outputs } = actionContext(input);
    await createEnvironmentRollbackAction(options).handler(ctx);

    expect(outputs).toMatchObject({
      stackName,
      kind: input.resourcesToSkip ? 'continue-rollback' : 'redeploy',
    });
    expect(aws.cloudFormation().stack(stackName)!.status).toBe(
      input.resourcesToSkip ? 'UPDATE_ROLLBACK_COMPLETE' : 'UPDATE_COMPLETE',
    );
    // A continued rollback leaves the template from before the failed update; a redeploy the
    // previous deployment's (hobby).
    const expected = input.resourcesToSkip
      ? { QueueName: 'before' }
      : referenceTemplate('hobby').Resources;
    const resources = aws.cloudFormation().templateOf(stackName)?.Resources;
    expect(
      input.resourcesToSkip ? resources?.Queue.Properties : resources,
    ).toEqual(expected);
  });
});

import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { actionContext } from '../../__testUtils__/actionContext';
import { useAwsStandIn } from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDeployAction } from './environmentDeploy';
import { examples } from './environmentDeploy.examples';

jest.setTimeout(60_000);
const standIn = useAwsStandIn();

describe('environment:deploy examples', () => {
  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const aws = standIn();
    aws.cloudFormation().looksWhileCreating = 0;
    aws.cloudFormation().stepsPerLook = 20;
    const action = createEnvironmentDeployAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      pollIntervalMs: 1,
    });
    const { ctx, outputs } = actionContext(input);
    const stackName = input.environmentRef?.toString().endsWith('production')
      ? 'MacroAiProductionStack'
      : 'MacroAiStagingStack';

    await action.handler(ctx);

    expect(aws.calls()).toContain('cloudformation:ExecuteChangeSet');
    expect(outputs).toMatchObject({
      stackName,
      mode: 'reference',
      status: 'CREATE_COMPLETE',
      outputs: expect.any(Object),
    });
  });
});

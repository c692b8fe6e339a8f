import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { actionContext } from '../../__testUtils__/actionContext';
import {
  referenceTemplate,
  useAwsStandIn,
} from '../../__testUtils__/aws/toolkitTestSetup';
import { configuredAws } from '../../__testUtils__/cloudFormationStandIn';
import { exampleCatalog } from '../../__testUtils__/entities';
import { exampleInputs } from '../../__testUtils__/exampleInputs';
import { permissionPolicy } from '../../__testUtils__/permissionPolicy';
import { createEnvironmentDestroyAction } from './environmentDestroy';
import { examples } from './environmentDestroy.examples';

jest.setTimeout(60_000);
const standIn = useAwsStandIn();

const STACKS: Record<string, string> = {
  'environment:default/macro-ai-api-pr-42': 'MacroAiPr42Stack',
  'environment:default/macro-ai-api-staging': 'MacroAiStagingStack',
  'environment:default/macro-ai-api-production': 'MacroAiProductionStack',
};

describe('environment:destroy examples', () => {
  it.each(exampleInputs(examples))('%s', async (_description, input) => {
    const aws = standIn();
    aws.cloudFormation().stepsPerLook = 20;
    const stackName = STACKS[input.environmentRef as string];
    aws
      .cloudFormation()
      .seedStack(stackName, JSON.stringify(referenceTemplate()));
    const action = createEnvironmentDestroyAction({
      catalog: catalogServiceMock({ entities: exampleCatalog() }),
      aws: configuredAws(),
      ...permissionPolicy().authorization,
      pollIntervalMs: 1,
    });
    const { ctx, outputs } = actionContext(input);

    await action.handler(ctx);

    expect(aws.calls('cloudformation')).toContain('cloudformation:DeleteStack');
    expect(outputs).toEqual({
      stackName,
      mode: 'reference',
      deleted: true,
      status: 'DELETE_COMPLETE',
    });
  });
});

import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import type { CostSection } from '@stageline/plugin-environments-common';
import { setupStandIns } from '../__testUtils__/standIns';
import {
  awsConfig,
  startEnvironmentsBackend,
} from '../__testUtils__/startEnvironmentsBackend';
import { STAGING_TEMPLATE } from '../__testUtils__/fixtures';

jest.setTimeout(60_000);

const standIns = setupStandIns();
const STAGING = '/api/environments/environments/default/macro-ai-api-staging';

async function cost(config: object, query = ''): Promise<CostSection> {
  const { server } = await startEnvironmentsBackend({ config: config as any });
  const res = await request(server)
    .get(`${STAGING}/cost${query}`)
    .set('Authorization', mockCredentials.user.header());
  expect(res.status).toBe(200);
  return res.body as CostSection;
}

const line = (section: CostSection, logicalId: string) =>
  section.estimate?.lines.find(l => l.logicalId === logicalId);

/**
 * Which template the cost section prices: the deployed one (GetTemplate, Processed, with the
 * stack's parameter values) where AWS can read the stack, the reference profile otherwise.
 * CloudFormation at the HTTP edge.
 */
describe('the template a cost estimate prices', () => {
  beforeEach(() => {
    standIns.cloudWatch.on(DescribeAlarmsCommand).resolves({});
    standIns.costExplorer
      .on(GetCostAndUsageCommand)
      .resolves({ ResultsByTime: [] });
  });

  it('prices the deployed template with the stack’s parameter values, and says so', async () => {
    const stack = standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', STAGING_TEMPLATE, {
        parameters: [{ ParameterKey: 'MemorySize', ParameterValue: '1024' }],
      });
    stack.lastUpdatedTime = new Date('2026-01-05T12:00:00Z');

    const section = await cost(awsConfig);

    expect(section.template).toEqual({
      source: 'deployed',
      description:
        'the template of MacroAiStagingStack as deployed (CREATE_COMPLETE, updated 2026-01-05), with its parameter values',
    });
    expect(line(section, 'EgressNat')).toMatchObject({
      type: 'AWS::EC2::NatGateway',
      monthly: expect.any(Number),
    });
    expect(line(section, 'ApiFunction')?.basis).toContain('1,024 MB');
    expect(section.message).toMatch(
      /^Estimated £\d+\.\d\d\/month at hobby scale \(the deployed template\)/,
    );
    const getTemplate = standIns.aws.requests.find(
      r => r.action === 'GetTemplate',
    );
    expect(getTemplate?.params).toEqual({
      StackName: stack.stackId,
      TemplateStage: 'Processed',
    });
  });

  it('prices the template after its transforms (Processed), as CloudFormation deployed it', async () => {
    standIns.aws
      .cloudFormation()
      .seedStack(
        'MacroAiStagingStack',
        [
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Api:',
          '    Type: AWS::Serverless::Function',
          '    Properties: { Runtime: nodejs22.x, Handler: index.handler, CodeUri: s3://b/k.zip }',
        ].join('\n'),
        { processedTemplateBody: STAGING_TEMPLATE },
      );

    const section = await cost(awsConfig);

    expect(line(section, 'EgressNat')).toBeDefined();
    expect(line(section, 'Api')).toBeUndefined();
  });

  it('falls back to the reference profile only for a stack not deployed yet, saying why', async () => {
    const section = await cost(awsConfig);

    expect(section.template).toEqual({
      source: 'reference-profile',
      description:
        "Stageline's reference profile for staging × hobby: MacroAiStagingStack is not deployed yet",
    });
    expect(line(section, 'EgressNat')).toBeUndefined();
    expect(section.estimate?.monthly).toBeGreaterThan(0);
  });

  it('says the reference profile stands in where AWS is not configured', async () => {
    const section = await cost({});

    expect(section.template).toEqual({
      source: 'reference-profile',
      description:
        "Stageline's reference profile for staging × hobby: AWS is not configured, so the deployed template cannot be read",
    });
    expect(standIns.aws.requests).toEqual([]);
  });

  it('is an error, not the reference estimate, when the deployed template cannot be read', async () => {
    standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', STAGING_TEMPLATE);
    standIns.aws.deny('cloudformation:GetTemplate');

    const section = await cost(awsConfig);

    expect(section.status).toBe('error');
    expect(section.message).toMatch(
      /^Could not estimate macro-ai at staging × hobby: Could not read the deployed template of MacroAiStagingStack: User: arn:aws:iam::123456789012:user\/stageline-deployer is not authorized to perform: cloudformation:GetTemplate/,
    );
    expect(section.estimate).toBeUndefined();
  });

  it('prices a what-if at another scale from the reference profile, compared with the profile at the current scale', async () => {
    standIns.aws
      .cloudFormation()
      .seedStack('MacroAiStagingStack', STAGING_TEMPLATE);

    const current = await cost(awsConfig);
    const whatIf = await cost(awsConfig, '?scale=enterprise');

    expect(whatIf.scale).toBe('enterprise');
    expect(whatIf.template).toEqual({
      source: 'reference-profile',
      description:
        "Stageline's reference profile for staging × enterprise: a what-if prices the profile at that scale, which is what a scale change builds from the profile; the deployed template is priced at hobby scale only",
    });
    expect(whatIf.comparedWith?.scale).toBe('hobby');
    expect(whatIf.comparedWith?.monthly).toBeGreaterThan(0);
    expect(whatIf.comparedWith?.monthly).not.toBe(current.estimate?.monthly);
    expect(whatIf.estimate!.monthly).toBeGreaterThan(
      whatIf.comparedWith!.monthly,
    );
  });
});

import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, DeployEnvironmentVariables } from './app';

const base: DeployEnvironmentVariables = {
  CDK_DEPLOY_ENV: 'staging',
  CDK_DEPLOY_SCALE: 'hobby',
  CDK_APP_NAME: 'macro-ai',
  CDK_DEFAULT_REGION: 'eu-west-2',
  CDK_DEFAULT_ACCOUNT: '123456789012',
};

describe('createApp', () => {
  it('builds the stack the variables describe', () => {
    const { app, stack } = createApp(base);
    expect(stack.stackName).toBe('MacroAiStagingStack');
    expect(stack.region).toBe('eu-west-2');
    expect(stack.account).toBe('123456789012');
    expect(stack.profile.scale).toBe('hobby');
    expect(app.node.children).toContain(stack);
  });

  it('builds a preview from CDK_PREVIEW_ID and applies CDK_SCALE_OVERRIDES', () => {
    const { stack } = createApp({
      ...base,
      CDK_DEPLOY_ENV: 'preview',
      CDK_PREVIEW_ID: '42',
      CDK_SCALE_OVERRIDES: '{"compute":{"memoryMiB":256}}',
    });
    expect(stack.stackName).toBe('MacroAiPr42Stack');
    expect(stack.profile.compute).toMatchObject({
      kind: 'lambda',
      memoryMiB: 256,
    });
  });

  it('keeps the bootstrap version check: `cdk deploy` runs after `cdk bootstrap`', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'create-app-test-'));
    const previous = process.env.CDK_OUTDIR;
    process.env.CDK_OUTDIR = outdir;
    try {
      const { app, stack } = createApp(base);
      const { template } = app.synth().getStackArtifact(stack.artifactId);
      expect(template.Parameters.BootstrapVersion).toMatchObject({
        Type: 'AWS::SSM::Parameter::Value<String>',
      });
      expect(template.Rules).toHaveProperty('CheckBootstrapVersion');
    } finally {
      if (previous === undefined) delete process.env.CDK_OUTDIR;
      else process.env.CDK_OUTDIR = previous;
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('subscribes CDK_ALARM_EMAIL to the alarm topic', () => {
    const { stack } = createApp({
      ...base,
      CDK_DEPLOY_SCALE: 'enhanced-hobby',
      CDK_ALARM_EMAIL: 'alerts@example.com',
    });
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'alerts@example.com',
    });
  });

  it('is account-agnostic without CDK_DEFAULT_ACCOUNT', () => {
    const { stack } = createApp({ ...base, CDK_DEFAULT_ACCOUNT: undefined });
    expect(Token.isUnresolved(stack.account)).toBe(true);
  });

  it.each<[DeployEnvironmentVariables, string]>([
    [
      { CDK_DEPLOY_ENV: 'prod' },
      'Invalid CDK_DEPLOY_ENV "prod": expected one of development, preview, staging, production',
    ],
    [
      { CDK_DEPLOY_SCALE: 'large' },
      'Invalid CDK_DEPLOY_SCALE "large": expected one of hobby, enhanced-hobby, enterprise',
    ],
    [
      { CDK_DEPLOY_SCALE: '' },
      'Missing CDK_DEPLOY_SCALE: set it to hobby, enhanced-hobby or enterprise',
    ],
    [{ CDK_APP_NAME: undefined }, 'Missing CDK_APP_NAME'],
    [{ CDK_APP_NAME: 'Macro_AI' }, 'Invalid CDK_APP_NAME "Macro_AI"'],
    [{ CDK_DEFAULT_REGION: undefined }, 'Missing CDK_DEFAULT_REGION'],
    [
      { CDK_DEFAULT_REGION: 'London' },
      'Invalid CDK_DEFAULT_REGION "London": expected an AWS region name such as "eu-west-2"',
    ],
    [
      { CDK_DEFAULT_ACCOUNT: '1234' },
      'Invalid CDK_DEFAULT_ACCOUNT "1234": expected a 12-digit AWS account id, e.g. 123456789012, or leave it unset for an account-agnostic stack',
    ],
    [
      { CDK_DEPLOY_ENV: 'preview' },
      'Missing CDK_PREVIEW_ID: CDK_DEPLOY_ENV=preview needs the pull request number, e.g. CDK_PREVIEW_ID=42',
    ],
    [
      { CDK_DEPLOY_ENV: 'preview', CDK_PREVIEW_ID: 'pr-42' },
      'Invalid CDK_PREVIEW_ID "pr-42": expected a pull request number (a positive integer), e.g. 42',
    ],
    [
      { CDK_PREVIEW_ID: '42' },
      'Unexpected CDK_PREVIEW_ID "42": only CDK_DEPLOY_ENV=preview takes a pull request number, and CDK_DEPLOY_ENV is "staging"; unset it',
    ],
    [
      { CDK_SCALE_OVERRIDES: '{nope' },
      "Invalid CDK_SCALE_OVERRIDES '{nope': not JSON (",
    ],
    [
      { CDK_SCALE_OVERRIDES: '[1]' },
      'Invalid CDK_SCALE_OVERRIDES \'[1]\': expected a JSON object of scale profile overrides, e.g. {"network":{"natGateways":1}}',
    ],
    [
      {
        CDK_DEPLOY_SCALE: 'enterprise',
        CDK_SCALE_OVERRIDES: '{"network":{"maxAzs":9}}',
      },
      'Invalid CDK_SCALE_OVERRIDES \'{"network":{"maxAzs":9}}\' for scale enterprise in eu-west-2: Invalid scale profile: network.maxAzs is 9; expected an integer from 1 to 3',
    ],
    [
      { CDK_SCALE_OVERRIDES: '{"netwerk":{}}' },
      'Invalid CDK_SCALE_OVERRIDES \'{"netwerk":{}}\' for scale hobby in eu-west-2: Unknown scale profile override section "netwerk": expected one of network,',
    ],
    [
      { CDK_ALARM_EMAIL: 'ops-team' },
      'Invalid CDK_ALARM_EMAIL "ops-team": expected an e-mail address, e.g. alerts@example.com, or leave it unset',
    ],
  ])('%j stops with a message naming the variable', (change, message) => {
    expect(() => createApp({ ...base, ...change })).toThrow(message);
  });
});

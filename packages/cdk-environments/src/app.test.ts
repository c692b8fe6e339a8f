import { Token } from 'aws-cdk-lib';
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
    [{ CDK_SCALE_OVERRIDES: '{nope' }, 'Invalid CDK_SCALE_OVERRIDES: not JSON'],
    [{ CDK_DEPLOY_ENV: 'preview' }, 'Missing previewId'],
  ])('%j stops with a message naming the problem', (change, message) => {
    expect(() => createApp({ ...base, ...change })).toThrow(message);
  });
});

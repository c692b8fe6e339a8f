import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALES } from './stages';
import {
  synthesizeEnvironment,
  synthesizeEnvironmentAssembly,
} from './synthesizeEnvironment';

describe('synthesizeEnvironment', () => {
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'synth-test-'));
  });
  afterEach(() => rmSync(workDir, { recursive: true, force: true }));

  it('returns the stack name and template, leaving no files behind', () => {
    const { stackName, template } = synthesizeEnvironment(
      {
        appName: 'macro-ai',
        stage: 'staging',
        scale: 'hobby',
        region: 'eu-west-2',
      },
      { workDir },
    );
    expect(stackName).toBe('MacroAiStagingStack');
    expect(Object.keys(template)).toEqual(
      expect.arrayContaining(['Resources', 'Outputs']),
    );
    expect(readdirSync(workDir)).toEqual([]);
  });

  it('returns the stack tags to deploy the template with', () => {
    const { tags } = synthesizeEnvironment(
      {
        appName: 'macro-ai',
        stage: 'preview',
        previewId: 42,
        scale: 'enterprise',
        region: 'eu-west-2',
      },
      { workDir },
    );
    expect(tags).toEqual({
      'stageline.dev/app': 'macro-ai',
      'stageline.dev/stage': 'preview',
      'stageline.dev/scale': 'enterprise',
      'stageline.dev/preview': 'pr-42',
    });
  });

  it.each(SCALES)(
    'needs no `cdk bootstrap` at %s scale: no BootstrapVersion parameter or CheckBootstrapVersion rule',
    scale => {
      const { template } = synthesizeEnvironment(
        {
          appName: 'macro-ai',
          stage: 'production',
          scale,
          region: 'eu-west-2',
          account: '123456789012',
        },
        { workDir },
      );
      const text = JSON.stringify(template);
      expect(template.Parameters ?? {}).not.toHaveProperty('BootstrapVersion');
      expect(template.Rules ?? {}).not.toHaveProperty('CheckBootstrapVersion');
      expect(text).not.toContain('cdk-bootstrap');
      expect(text).not.toContain('hnb659fds');
    },
  );

  it('cleans up when the input is bad, and names the bad value', () => {
    expect(() =>
      synthesizeEnvironment(
        {
          appName: 'macro-ai',
          stage: 'production',
          scale: 'enterprise',
          region: 'eu-west-2',
          overrides: { network: { maxAzs: 9 } },
        },
        { workDir },
      ),
    ).toThrow('network.maxAzs is 9');
    expect(readdirSync(workDir)).toEqual([]);
  });

  it('passes the CDK built-in validation without a finding, and restores the setting', () => {
    const before = process.env.CDK_VALIDATION;
    const report = jest.spyOn(console, 'error').mockImplementation(() => {});
    const { stackName } = synthesizeEnvironment(
      {
        appName: 'macro-ai',
        stage: 'production',
        scale: 'enterprise',
        region: 'eu-west-2',
      },
      { workDir, validate: true },
    );
    expect(stackName).toBe('MacroAiProductionStack');
    expect(report).not.toHaveBeenCalled();
    report.mockRestore();
    expect(process.env.CDK_VALIDATION).toBe(before);
  });

  it('gives the same template for the same input', () => {
    const input = {
      appName: 'macro-ai',
      stage: 'preview',
      scale: 'hobby',
      region: 'us-east-1',
      previewId: 7,
    } as const;
    expect(synthesizeEnvironment(input, { workDir }).template).toEqual(
      synthesizeEnvironment(input, { workDir }).template,
    );
  });

  it('names the stack as asked, for an Environment whose stack is not named by convention', () => {
    const { stackName } = synthesizeEnvironment(
      {
        appName: 'macro-ai',
        stage: 'staging',
        scale: 'hobby',
        region: 'eu-west-2',
        stackName: 'LegacyMacroAiStaging',
      },
      { workDir },
    );
    expect(stackName).toBe('LegacyMacroAiStaging');
    expect(() =>
      synthesizeEnvironment({
        appName: 'macro-ai',
        stage: 'staging',
        scale: 'hobby',
        region: 'eu-west-2',
        stackName: 'legacy_stack',
      }),
    ).toThrow(
      'Invalid stackName "legacy_stack": expected a CloudFormation stack name (a letter, then up to 127 letters, digits or hyphens)',
    );
  });

  it('writes a cloud assembly the caller keeps, for the CDK toolkit library', () => {
    const outdir = join(workDir, 'cdk.out');
    const { stackName } = synthesizeEnvironmentAssembly(
      {
        appName: 'macro-ai',
        stage: 'staging',
        scale: 'hobby',
        region: 'eu-west-2',
      },
      { outdir },
    );
    expect(readdirSync(outdir)).toEqual(
      expect.arrayContaining(['manifest.json', `${stackName}.template.json`]),
    );
  });
});

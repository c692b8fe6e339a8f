import {
  SynthesizeEnvironmentInput,
  synthesizeEnvironment,
} from './synthesizeEnvironment';

/** CloudFormation's limit for a template sent inline (`TemplateBody`), in bytes. */
const TEMPLATE_BODY_LIMIT = 51_200;

/** The template as `environment:deploy` sends it: `JSON.stringify(template)`, in UTF-8 bytes. */
function inlineBytes(input: SynthesizeEnvironmentInput): number {
  return Buffer.byteLength(
    JSON.stringify(synthesizeEnvironment(input).template),
    'utf8',
  );
}

/** Every input at its longest: a 40-character name (the maximum), a 10-digit pull request. */
const LONGEST: SynthesizeEnvironmentInput = {
  appName: 'a-bcdefghij-bcdefghij-bcdefghij-klmnopqr',
  stage: 'preview',
  previewId: 9_999_999_999,
  scale: 'enterprise',
  region: 'us-east-1',
  account: '123456789012',
};

describe('enterprise template size (inline deploy limit 51,200 bytes)', () => {
  it('fits with every input at its longest, as environment:deploy synthesizes it (no overrides)', () => {
    expect(LONGEST.appName).toHaveLength(40);
    expect(inlineBytes(LONGEST)).toBeLessThan(TEMPLATE_BODY_LIMIT);
  });

  it('fits with two interface endpoints added at the longest inputs', () => {
    expect(
      inlineBytes({
        ...LONGEST,
        overrides: {
          network: { interfaceEndpoints: ['secretsmanager', 'ecr.api'] },
        },
      }),
    ).toBeLessThan(TEMPLATE_BODY_LIMIT);
  });

  it('fits for macro-ai production with a fourth zone and NAT gateway or five interface endpoints', () => {
    const production: SynthesizeEnvironmentInput = {
      appName: 'macro-ai',
      stage: 'production',
      scale: 'enterprise',
      region: 'us-east-1',
      account: '123456789012',
    };
    expect(
      inlineBytes({
        ...production,
        overrides: { network: { maxAzs: 4, natGateways: 4 } },
      }),
    ).toBeLessThan(TEMPLATE_BODY_LIMIT);
    expect(
      inlineBytes({
        ...production,
        overrides: {
          network: {
            interfaceEndpoints: [
              'secretsmanager',
              'ecr.api',
              'ecr.dkr',
              'logs',
              'ssm',
            ],
          },
        },
      }),
    ).toBeLessThan(TEMPLATE_BODY_LIMIT);
  });
});

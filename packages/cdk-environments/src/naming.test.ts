import {
  environmentKey,
  parameterPath,
  parseAppName,
  parsePreviewId,
  secretName,
  stackNameFor,
} from './naming';
import { Stage } from './stages';

describe('stackNameFor', () => {
  it.each([
    ['macro-ai', 'staging', undefined, 'MacroAiStagingStack'],
    ['macro-ai', 'production', undefined, 'MacroAiProductionStack'],
    ['macro-ai', 'development', undefined, 'MacroAiDevelopmentStack'],
    ['macro-ai', 'preview', 42, 'MacroAiPr42Stack'],
    ['macro-ai', 'preview', '7', 'MacroAiPr7Stack'],
    ['billing', 'staging', undefined, 'BillingStagingStack'],
    ['a1-b2-c3', 'production', undefined, 'A1B2C3ProductionStack'],
  ])('%s %s %s → %s', (app, stage, preview, expected) => {
    expect(stackNameFor(app, stage as Stage, preview)).toBe(expected);
  });

  it('names a bad stage and the allowed stages', () => {
    expect(() => stackNameFor('macro-ai', 'prod' as Stage)).toThrow(
      'Invalid stage "prod": expected one of development, preview, staging, production',
    );
  });

  it('needs a preview id for previews and refuses one elsewhere', () => {
    expect(() => stackNameFor('macro-ai', 'preview')).toThrow(
      /Missing previewId/,
    );
    expect(() => stackNameFor('macro-ai', 'staging', 3)).toThrow(
      'Unexpected previewId 3 for stage "staging"',
    );
  });
});

describe('parseAppName', () => {
  it.each([
    'MacroAi',
    'macro_ai',
    '-macro',
    'macro--ai',
    '1macro',
    '',
    'a'.repeat(41),
  ])('rejects %j naming it', bad => {
    expect(() => parseAppName(bad)).toThrow(
      `Invalid appName ${JSON.stringify(bad)}`,
    );
  });
});

describe('parsePreviewId', () => {
  it.each([0, -1, 1.5, '042', 'abc', ''])('rejects %j', bad => {
    expect(() => parsePreviewId(bad)).toThrow(
      `Invalid previewId ${JSON.stringify(bad)}`,
    );
  });
});

describe('hierarchies', () => {
  it('lays out Parameter Store paths as /{app}/{key}/{tier}/{name}', () => {
    expect(
      parameterPath('macro-ai', 'staging', 'critical', 'openai-api-key'),
    ).toBe('/macro-ai/staging/critical/openai-api-key');
    expect(
      parameterPath(
        'macro-ai',
        environmentKey('preview', 42),
        'standard',
        'api-url',
      ),
    ).toBe('/macro-ai/pr-42/standard/api-url');
  });

  it('names secrets /{app}/{key}/{kind}', () => {
    expect(secretName('macro-ai', 'production', 'api-keys')).toBe(
      '/macro-ai/production/api-keys',
    );
  });
});

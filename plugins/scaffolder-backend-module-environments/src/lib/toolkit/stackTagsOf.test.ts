import type { EnvironmentTarget } from '@stageline/plugin-environments-node';
import { stackTagsOf } from './stackTagsOf';

const target = (previewId?: string) =>
  ({
    name: previewId ? `macro-ai-api-pr-${previewId}` : 'macro-ai-api-staging',
    appName: 'macro-ai',
    stage: previewId ? 'preview' : 'staging',
    scale: 'hobby',
    previewId,
  } as EnvironmentTarget);

describe('the stack tags of a deploy', () => {
  it("are Stageline's vocabulary, with a preview's key", () => {
    expect(stackTagsOf(target())).toEqual({
      'stageline.dev/environment': 'macro-ai-api-staging',
      'stageline.dev/app': 'macro-ai',
      'stageline.dev/stage': 'staging',
      'stageline.dev/scale': 'hobby',
    });
    expect(stackTagsOf(target('42'))).toMatchObject({
      'stageline.dev/stage': 'preview',
      'stageline.dev/preview': 'pr-42',
    });
  });
});

import { previewTagValue, stackTag } from './stackTags';

describe('stack tags', () => {
  it('reads a tag under its key, else under the key of the release before', () => {
    const tags = [
      { Key: 'stageline.dev/stage', Value: 'preview' },
      { Key: 'stageline:preview', Value: 'pr-42' },
    ];
    expect(stackTag(tags, 'stage')).toBe('preview');
    expect(stackTag(tags, 'preview')).toBe(previewTagValue(42));
    expect(stackTag(tags, 'scale')).toBeUndefined();
    expect(
      stackTag(
        { 'stageline:stage': 'staging', 'stageline.dev/stage': 'production' },
        'stage',
      ),
    ).toBe('production');
    expect(stackTag(undefined, 'stage')).toBeUndefined();
  });
});

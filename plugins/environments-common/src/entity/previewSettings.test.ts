import { parsePreviewTtl, previewSettingsOf } from './previewSettings';

describe('preview settings', () => {
  it('reads a time to live in minutes, hours or days', () => {
    expect(parsePreviewTtl('90m')).toBe(90 * 60_000);
    expect(parsePreviewTtl('72h')).toBe(72 * 3_600_000);
    expect(parsePreviewTtl('3d')).toBe(3 * 86_400_000);
    expect(parsePreviewTtl('3 days')).toBeUndefined();
    expect(parsePreviewTtl('0h')).toBeUndefined();
  });

  it('fills in the defaults, and says nothing for disabled previews', () => {
    const spec = (previews: unknown) => ({ spec: { previews } } as any);
    expect(previewSettingsOf(spec({ enabled: true }))).toEqual({
      ttl: '72h',
      ttlMs: 72 * 3_600_000,
      scale: 'hobby',
    });
    expect(
      previewSettingsOf(
        spec({ enabled: true, ttl: '1d', scale: 'enterprise' }),
      ),
    ).toEqual({ ttl: '1d', ttlMs: 86_400_000, scale: 'enterprise' });
    expect(previewSettingsOf(spec({ enabled: false }))).toBeUndefined();
    expect(previewSettingsOf(spec(undefined))).toBeUndefined();
  });
});

import { ConfigReader } from '@backstage/config';
import { readPromotionSettings } from './readPromotionSettings';

const settings = (promotion: object) =>
  readPromotionSettings(new ConfigReader({ environments: { promotion } }));

describe('readPromotionSettings', () => {
  it('reads the merge method of the merge strategy', () => {
    expect(settings({ mergeMethod: 'squash' }).mergeMethod).toBe('squash');
    expect(settings({}).mergeMethod).toBeUndefined();
  });

  it('names the key and the expected values of a bad merge method', () => {
    expect(() => settings({ mergeMethod: 'fast-forward' })).toThrow(
      'environments.promotion.mergeMethod must be one of merge, squash, rebase; got "fast-forward"',
    );
  });
});

import { formatCount, NOUNS, pluralForm } from './plural';

describe('plural', () => {
  it('says 1 in the singular and every other count in the plural', () => {
    expect(formatCount(1, NOUNS.commit)).toBe('1 commit');
    expect(formatCount(0, NOUNS.commit)).toBe('0 commits');
    expect(formatCount(3, NOUNS.commit)).toBe('3 commits');
    expect(formatCount(1250, NOUNS.commit)).toBe('1,250 commits');
    expect(formatCount(1, NOUNS.previewEnvironment)).toBe(
      '1 preview environment',
    );
    expect(formatCount(2, NOUNS.previewEnvironment)).toBe(
      '2 preview environments',
    );
  });

  it('gives the form alone, for sentences that put the count elsewhere', () => {
    expect(pluralForm(1, NOUNS.gate)).toBe('gate');
    expect(pluralForm(2, NOUNS.gate)).toBe('gates');
  });
});

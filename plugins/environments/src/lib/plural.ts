/**
 * Counts in words, for every count the plugin shows. The interface is written in English, so
 * the plural category comes from English rules (`one` for 1, `other` for everything else,
 * 0 included) whatever the user's locale; the number itself is grouped as the words are (1,250).
 */
const ENGLISH_PLURALS = new Intl.PluralRules('en');
const ENGLISH_NUMBERS = new Intl.NumberFormat('en');

/** The forms of a noun: `{ one: 'commit', other: 'commits' }`. */
export interface NounForms {
  one: string;
  other: string;
}

/** Nouns the plugin counts, so each is spelled once. */
export const NOUNS = {
  check: { one: 'check', other: 'checks' },
  commit: { one: 'commit', other: 'commits' },
  gate: { one: 'gate', other: 'gates' },
  previewEnvironment: {
    one: 'preview environment',
    other: 'preview environments',
  },
  resource: { one: 'resource', other: 'resources' },
} satisfies Record<string, NounForms>;

/** The form of `noun` that goes with `count`: `commit` for 1, `commits` for 0 or 3. */
export function pluralForm(count: number, noun: NounForms): string {
  return ENGLISH_PLURALS.select(count) === 'one' ? noun.one : noun.other;
}

/** `1 commit`, `3 commits`, `1,250 commits`. */
export function formatCount(count: number, noun: NounForms): string {
  return `${ENGLISH_NUMBERS.format(count)} ${pluralForm(count, noun)}`;
}

/**
 * The promotion history on the macro-ai-api-production page: empty before any promotion; after
 * the two promotions, newest first, laid out without a word broken across lines, with dates in
 * the reader's locale, at the width and locale of the page given.
 */
import {
  elementScreenshot,
  openPage,
  screenshot,
  TIMEOUT,
} from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { tableLayoutProblems } from '../lib/wordBreaks.mjs';

const PRODUCTION = '/catalog/default/environment/macro-ai-api-production';

/** The date and time as each locale writes it (Intl's `medium` date, `short` time). */
const DATE_IN = {
  'en-GB': /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}$/, // 27 Nov 2026, 17:34
  'en-US': /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/, // Nov 27, 2026, 5:34 PM
};

export async function expectNoHistoryYet(page) {
  console.log('Environment page: macro-ai-api-production, before promoting');
  if (!(await openPage(page, PRODUCTION))) return;
  await expectThat('the promotion history is empty', async () => {
    await page
      .getByText('Promotion history', { exact: true })
      .waitFor({ timeout: TIMEOUT });
    await page.getByText(/^No promotions yet\./).waitFor({ timeout: TIMEOUT });
  });
}

/**
 * The text of each cell of each row, header first, as read aloud: lines joined by spaces, without
 * Backstage's hidden "Opens in a new window" note on external links.
 */
async function readTable(table) {
  return table.getByRole('row').evaluateAll(rows =>
    rows.map(row =>
      [...row.querySelectorAll('th, td')].map(cell =>
        cell.innerText
          .replace(/,\s*Opens in a new window/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ),
  );
}

export async function promotionHistory(page, { width, locale }) {
  console.log(
    `Environment page: macro-ai-api-production at ${width} px, ${locale}`,
  );
  if (!(await openPage(page, PRODUCTION))) return;
  const table = page.getByRole('table', { name: 'Promotion history' });

  await expectThat(
    `at ${width} px the history lists the merge, then the pull request, each with its commits, actor and link`,
    async () => {
      await table.getByRole('row').nth(2).waitFor({ timeout: TIMEOUT });
      const [header, merge, pullRequest, ...more] = await readTable(table);
      assert(more.length === 0, `${more.length + 2} promotions listed`);
      assert(
        header.join(' | ') === 'When | From → to | By · strategy | Result',
        `the header reads ${header.join(' | ')}`,
      );
      const expectRow = (row, [commits, strategy, outcome], what) => {
        const [, fromTo, by, result] = row;
        assert(
          fromTo ===
            `macro-ai-api-staging → macro-ai-api-production ${commits}` &&
            by === `guest ${strategy}` &&
            result.startsWith('Succeeded Open pull request ') &&
            result.includes(outcome),
          `the ${what} row reads: ${row.slice(1).join(' | ')}`,
        );
      };
      expectRow(
        merge,
        ['3 commits', 'Merge', 'Merged pull request #43'],
        'merge',
      );
      expectRow(
        pullRequest,
        ['1 commit', 'Pull request', 'Opened pull request #43'],
        'pull request',
      );
      for (const link of await table
        .getByRole('link', { name: /Open pull request/ })
        .all()) {
        const href = await link.getAttribute('href');
        assert(
          href === 'https://github.com/acme/macro-ai/pull/43',
          `a row links to ${href}`,
        );
      }
    },
  );
  await expectThat(
    `at ${width} px the history says when in ${locale}, with how long ago`,
    async () => {
      const moments = await table.locator('time').evaluateAll(times =>
        times.map(time => ({
          iso: time.getAttribute('datetime'),
          lines: time.innerText.split('\n').map(line => line.trim()),
        })),
      );
      assert(moments.length === 2, `${moments.length} dates`);
      for (const { iso, lines } of moments) {
        const [ago, date] = lines;
        assert(
          Date.now() - Date.parse(iso) < 30 * 60_000,
          `${iso} is not the time of a promotion of this run`,
        );
        assert(
          /^(just now|\d+ minutes? ago)$/.test(ago),
          `"${ago}" is not how long ago`,
        );
        assert(DATE_IN[locale].test(date), `"${date}" is not a ${locale} date`);
      }
    },
  );
  await expectThat(
    `at ${width} px no header or cell of the history breaks a word or overflows the card`,
    async () => {
      const problems = await tableLayoutProblems(table);
      assert(problems.length === 0, problems.join('; '));
    },
  );
  await screenshot(page, `5-environment-macro-ai-api-production-${width}px`);
  await elementScreenshot(table, `5b-promotion-history-${width}px`);
}

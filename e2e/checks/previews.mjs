/**
 * The previews of macro-ai-api on its page: #41's preview comes from the catalog's preview
 * provider (macro-ai-api-staging declares previews; the fake GitHub has the pull request open),
 * #42's is registered by hand in examples/.
 */
import { elementScreenshot, openPage, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { tableLayoutProblems } from '../lib/wordBreaks.mjs';

/** Opens the component page until the provider's preview is in the catalog (it runs on a schedule). */
async function openWithPreviews(page) {
  for (let attempt = 0; attempt < 12; attempt++) {
    if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
      return false;
    const summary = page.getByText('2 preview environments', { exact: true });
    if (
      await summary.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    ) {
      await summary.click();
      return true;
    }
  }
  return false;
}

export async function previews(page) {
  console.log('Previews of macro-ai-api');
  const found = await expectThat(
    "the preview provider's preview of pull request #41 shows next to #42's",
    async () =>
      assert(await openWithPreviews(page), 'still not 2 preview environments'),
  );
  if (!found) return;
  const table = page.getByRole('table', { name: 'Preview environments' });
  const row = table.getByRole('row').filter({ hasText: 'PR #41' });
  await expectThat(
    'PR #41 shows its pull request on GitHub, alice, its age, time left before cleanup and cost so far',
    async () => {
      const link = row.getByRole('link', { name: /^Pull request on GitHub/ });
      const href = await link.getAttribute('href', { timeout: TIMEOUT });
      assert(href?.endsWith('/acme/macro-ai/pull/41'), `it links to ${href}`);
      await row
        .getByText('by alice, opened yesterday', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      await row
        .getByText(
          'Destroyed in 2 days unless pushed to (72h without a push), or when its pull request closes',
          { exact: true },
        )
        .waitFor({ timeout: TIMEOUT });
      await row.getByText(/^£\d+\.\d\d so far$/).waitFor({ timeout: TIMEOUT });
      await row.getByText(/^£\d+\.\d\d a month$/).waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat('guest (platform) may destroy it now', async () => {
    await row
      .getByRole('button', { name: 'Destroy now' })
      .waitFor({ timeout: TIMEOUT });
  });
  await expectThat(
    'the preview registered by hand says Stageline does not clean it up',
    async () => {
      await table
        .getByRole('row')
        .filter({ hasText: 'PR #42' })
        .getByText('Registered by hand: not cleaned up by Stageline', {
          exact: true,
        })
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'no header or cell of the previews breaks a word or overflows the card',
    async () => {
      const problems = await tableLayoutProblems(table);
      assert(problems.length === 0, problems.join('; '));
    },
  );
  await elementScreenshot(table, '1d-previews');
}

/** The macro-ai-api-staging environment page: definition, health, stack, cost and what-if. */
import { openPage, screenshot, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { expectNoSectionErrors, STACK_DEPLOYED } from './componentPage.mjs';

export async function environmentPage(page) {
  console.log('Environment page: macro-ai-api-staging');
  if (
    !(await openPage(page, '/catalog/default/environment/macro-ai-api-staging'))
  )
    return;
  await expectThat(
    'the overview card shows the definition and the schedule in words',
    async () => {
      await page
        .getByText('Definition', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText('MacroAiStagingStack', { exact: false })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText(
          'shut down at 18:00, Monday through Friday (UTC); started at 08:00, Monday through Friday (UTC)',
          { exact: true },
        )
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'the overview card is Healthy and shows the deployed stack, in sync with its template',
    async () => {
      await page
        .getByText('Healthy', { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText(STACK_DEPLOYED, { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText('No drift', { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'the overview card shows the cost breakdown by resource',
    async () => {
      const chart = page.getByRole('list', { name: 'Cost by resource' });
      await chart.waitFor({ timeout: TIMEOUT });
      const bars = await chart.getByRole('listitem').count();
      assert(bars > 0, 'the cost breakdown has no lines');
      const state = await page
        .getByRole('meter', { name: 'Estimate against budget' })
        .getAttribute('data-budget-state', { timeout: TIMEOUT });
      assert(state === 'within', `the budget meter says ${state}`);
    },
  );
  await expectThat(
    'the enterprise scale shows a what-if cost and its basis',
    async () => {
      await page
        .getByRole('button', { name: 'enterprise', exact: true })
        .click();
      await page
        .getByText(/What if this environment ran at enterprise scale/)
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText(/^Basis: Stageline's reference profile at each scale/)
        .waitFor({ timeout: TIMEOUT });
      await page.getByRole('button', { name: 'hobby', exact: true }).click();
    },
  );
  await expectThat(
    'the promotion history lists the promotions out of staging',
    async () => {
      const rows = page
        .getByRole('table', { name: 'Promotion history' })
        .getByRole('row');
      await rows.nth(2).waitFor({ timeout: TIMEOUT });
      assert((await rows.count()) === 3, `${await rows.count()} rows`);
    },
  );
  await expectNoSectionErrors(page, 'the environment page');
  await screenshot(page, '2-environment-macro-ai-api-staging');
}

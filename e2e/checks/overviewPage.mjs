/** /environments: every component by stage; and the catalog filtered to the Environment kind. */
import { openPage, screenshot, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';

export async function overviewPage(page) {
  console.log('Overview page: /environments');
  if (!(await openPage(page, '/environments'))) return;
  await expectThat('the sidebar links to /environments', async () => {
    const link = page.locator('a[href="/environments"]', {
      hasText: 'Environments',
    });
    await link.first().waitFor({ state: 'attached', timeout: TIMEOUT });
  });
  await expectThat(
    'the overview lists macro-ai-api and macro-ai-web by stage',
    async () => {
      const table = page.getByRole('table', {
        name: 'Environments by component and stage',
      });
      await table
        .getByRole('columnheader', { name: 'Staging' })
        .waitFor({ timeout: TIMEOUT });
      await table
        .getByRole('columnheader', { name: 'Production' })
        .waitFor({ timeout: TIMEOUT });
      for (const component of ['macro-ai-api', 'macro-ai-web']) {
        await table
          .locator(`a[href="/catalog/default/component/${component}"]`)
          .first()
          .waitFor({ timeout: TIMEOUT });
      }
      // four environments (api and web, staging and production), costed, their stacks read from
      // the fake AWS; macro-ai-web's production was rolled back, so its stack check is unhealthy
      for (const [what, text, least] of [
        ['cost', / a month$/, 4],
        ['Healthy', /^Healthy$/, 3],
        ['a stack status', /(^| · )update (complete|rollback complete)$/, 4],
      ]) {
        const cells = await table.getByText(text).count();
        assert(
          cells >= least,
          `expected ${what} in ${least} cells, found ${cells}`,
        );
      }
      const failed = await table.getByText(/failed|not configured$/).count();
      assert(failed === 0, `${failed} cell(s) say a section failed`);
    },
  );
  await expectThat('a cell links to the environment page', async () => {
    const href = await page
      .locator('a[href="/catalog/default/environment/macro-ai-api-production"]')
      .first()
      .getAttribute('href', { timeout: TIMEOUT });
    assert(href, 'no link to macro-ai-api-production');
  });
  await screenshot(page, '3-environments-overview');
}

export async function catalogKindPicker(page) {
  console.log('Catalog: Environment kind');
  if (!(await openPage(page, '/environments'))) return;
  // the catalog may be mounted anywhere (the local app serves it at /): follow the sidebar
  const catalogPath =
    (await page
      .locator('a', { hasText: /^Catalog$/ })
      .first()
      .getAttribute('href')) ?? '/catalog';
  const separator = catalogPath.includes('?') ? '&' : '?';
  if (
    !(await openPage(
      page,
      `${catalogPath}${separator}filters%5Bkind%5D=environment`,
    ))
  )
    return;
  await expectThat(
    'the catalog lists Environment entities under their kind',
    async () => {
      await page
        .getByText('Environment', { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByRole('link', { name: 'Macro AI API (staging)' })
        .first()
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await screenshot(page, '4-catalog-environments');
}

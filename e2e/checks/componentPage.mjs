/** The macro-ai-api component page: the environments card before any promotion. */
import { openPage, screenshot, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';

/** macro-ai-api's stacks in the fake AWS (e2e/fake-aws): deployed, untagged. */
export const STACK_DEPLOYED = 'update complete';

/** No section of the page says it failed (SectionState's error rendering). */
export async function expectNoSectionErrors(page, where) {
  await expectThat(`no section of ${where} shows an error`, async () => {
    const errors = page.getByTestId('section-error');
    const count = await errors.count();
    const texts = count > 0 ? await errors.allInnerTexts() : [];
    assert(count === 0, `${count} section(s) failed: ${texts.join(' | ')}`);
  });
}

export function environmentPanels(page) {
  return {
    staging: page.getByTestId('environment-macro-ai-api-staging'),
    production: page.getByTestId('environment-macro-ai-api-production'),
  };
}

export async function componentPage(page) {
  console.log('Component page: macro-ai-api');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
    return;
  const { staging, production } = environmentPanels(page);

  await expectThat(
    'the environments card shows staging and production',
    async () => {
      await staging.waitFor({ timeout: TIMEOUT });
      await production.waitFor({ timeout: TIMEOUT });
      const [s, p] = [
        await staging.boundingBox(),
        await production.boundingBox(),
      ];
      assert(
        s && p && (s.x < p.x || s.y < p.y),
        'staging is not before production',
      );
    },
  );
  for (const [label, panel, budget] of [
    ['staging', staging, '£5.00'],
    ['production', production, '£10.00'],
  ]) {
    await expectThat(
      `${label} is Healthy, its stack is deployed and its deployed template costs within its ${budget} budget`,
      async () => {
        await panel
          .getByText('scale: hobby', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        await panel
          .getByText('Healthy', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        await panel
          .getByRole('region', { name: 'Deployment' })
          .getByText(STACK_DEPLOYED, { exact: true })
          .waitFor({ timeout: TIMEOUT });
        const cost = panel.getByRole('region', { name: 'Cost' });
        await cost
          .getByText('Estimate of the deployed template', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        await cost
          .getByText(`of ${budget} budget`)
          .waitFor({ timeout: TIMEOUT });
        await cost
          .getByText('within budget', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        const meter = cost.getByRole('meter', {
          name: 'Estimate against budget',
        });
        const state = await meter.getAttribute('data-budget-state', {
          timeout: TIMEOUT,
        });
        assert(state === 'within', `the budget meter says ${state}`);
      },
    );
  }
  await expectThat(
    'staging says 1 commit waits for production, linking to the comparison on GitHub',
    async () => {
      const waiting = staging
        .getByRole('region', { name: 'Promotion' })
        .getByRole('link', { name: /^1 commit waiting for Production/ });
      const href = await waiting.getAttribute('href', { timeout: TIMEOUT });
      assert(
        href === 'https://github.com/acme/macro-ai/compare/main...develop',
        `it links to ${href}`,
      );
    },
  );
  await expectNoSectionErrors(page, 'the component page');
  await expectThat('the catalog graph card shows the relations', async () => {
    await page
      .getByText('Relations', { exact: true })
      .first()
      .waitFor({ timeout: TIMEOUT });
  });
  await screenshot(page, '1-component-macro-ai-api');
}

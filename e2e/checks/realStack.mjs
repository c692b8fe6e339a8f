/**
 * macro-ai-web's real stacks, as the fake AWS (e2e/fake-aws) has them: staging drifted and
 * tagged with develop's head, production tagged with main's and stuck in UPDATE_ROLLBACK_FAILED.
 * The cards show the deployed commit, the drift and which template the cost prices; the
 * production page rolls the stack back through the Roll back button, the rollback-environment
 * template and environment:rollback, and shows it in the deployment history.
 */
import { openPage, screenshot, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { expectNoSectionErrors } from './componentPage.mjs';

const FAKE_AWS = process.env.E2E_FAKE_AWS_URL ?? 'http://127.0.0.1:7098';

/** Waits for `locator`, reloading the page while the backend has not caught up (drift runs on a schedule). */
async function eventually(page, locator, attempts = 6) {
  for (let attempt = 1; ; attempt++) {
    try {
      await locator.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await page.reload();
    }
  }
}

async function componentCard(page) {
  console.log('Component page: macro-ai-web (its stacks in the fake AWS)');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-web')))
    return;
  const staging = page.getByTestId('environment-macro-ai-web-staging');
  const production = page.getByTestId('environment-macro-ai-web-production');
  await expectThat(
    'staging shows its deployed commit, a drift badge and the cost of its deployed template',
    async () => {
      await eventually(
        page,
        staging.getByText('Drifted: 1 resource', { exact: true }),
      );
      await staging
        .getByText(/^Deployed commit [0-9a-f]{7}/)
        .waitFor({ timeout: TIMEOUT });
      await staging
        .getByRole('region', { name: 'Cost' })
        .getByText('Estimate of the deployed template', { exact: true })
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'staging says what production runs: one commit behind it',
    async () => {
      await staging
        .getByRole('link', {
          name: /^Production runs [0-9a-f]{7}, 1 commit behind [0-9a-f]{7}\b/,
        })
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'production shows its stack stuck in a failed rollback',
    async () => {
      await production
        .getByText('update rollback failed', { exact: true })
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectNoSectionErrors(page, 'the macro-ai-web page');
  await screenshot(page, '6-component-macro-ai-web');
}

async function stagingPage(page) {
  console.log('Environment page: macro-ai-web-staging');
  if (
    !(await openPage(page, '/catalog/default/environment/macro-ai-web-staging'))
  )
    return;
  await expectThat(
    'the page lists the drifted resource with each property the template and AWS disagree on',
    async () => {
      const table = page.getByRole('table', { name: 'Drifted resources' });
      await eventually(page, table);
      const rows = await table.getByRole('row').allInnerTexts();
      const flat = rows.map(r => r.replace(/\s+/g, ' ').trim());
      assert(
        flat.some(r => r.includes('/Properties/MemorySize 512 2048')),
        `the rows are: ${flat.join(' | ')}`,
      );
      assert(
        flat.some(r => r.includes('/Properties/Timeout 10 30')),
        `the rows are: ${flat.join(' | ')}`,
      );
    },
  );
  await expectThat(
    'the cost says it priced the deployed template, and the what-if states its basis',
    async () => {
      await page
        .getByText(
          /^Priced: the template of MacroAiWebStagingStack as deployed \(UPDATE_COMPLETE/,
        )
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByRole('button', { name: 'enterprise', exact: true })
        .click();
      await page
        .getByText(
          /^Basis: Stageline's reference profile at each scale — .* The deployed template .* exists at its own scale only/,
        )
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await screenshot(page, '7-environment-macro-ai-web-staging');
}

async function rollback(page) {
  console.log('Rollback: macro-ai-web-production (UPDATE_ROLLBACK_FAILED)');
  const path = '/catalog/default/environment/macro-ai-web-production';
  if (!(await openPage(page, path))) return;
  let taskUrl;
  const started = await expectThat(
    'Roll back shows the plan — continue the failed rollback — and starts the rollback template',
    async () => {
      await page
        .getByRole('button', { name: 'Roll back' })
        .click({ timeout: TIMEOUT });
      const dialog = page.getByRole('dialog');
      await dialog
        .getByText(
          "MacroAiWebProductionStack is UPDATE_ROLLBACK_FAILED: CloudFormation's rollback of its last update will be continued",
          { exact: false },
        )
        .waitFor({ timeout: TIMEOUT });
      await screenshot(page, '8-rollback-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Roll back' }).click();
      const link = dialog.getByRole('link', { name: /Follow it in its task/ });
      taskUrl = await link.getAttribute('href', { timeout: TIMEOUT });
      assert(
        /^\/create\/tasks\/[\w-]+$/.test(taskUrl ?? ''),
        `the task link is ${taskUrl}`,
      );
    },
  );
  if (!started) return;
  await expectThat(
    'the task continues the rollback to UPDATE_ROLLBACK_COMPLETE',
    async () => {
      await openPage(page, taskUrl);
      await page
        .getByText(/MacroAiWebProductionStack is UPDATE_ROLLBACK_COMPLETE/)
        .first()
        .waitFor({ timeout: 120_000 });
      await screenshot(page, '8b-rollback-task');
    },
  );
  await expectThat(
    'the environment page shows the rolled-back stack and the rollback in its deployment history',
    async () => {
      await openPage(page, path);
      const history = page.getByRole('table', { name: 'Deployment history' });
      await history
        .getByText('Rollback (continued)', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      await history
        .getByText('UPDATE_ROLLBACK_COMPLETE', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText('update rollback complete', { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await screenshot(page, '8c-environment-macro-ai-web-production');
    },
  );
}

/** The cards and pages of macro-ai-web against its stacks, and a rollback from the browser. */
export async function realStack(page) {
  await componentCard(page);
  await stagingPage(page);
  await rollback(page);
  await expectThat(
    'the backend asked the fake AWS only what it answers',
    async () => {
      const response = await fetch(`${FAKE_AWS}/_e2e/unanswered`);
      const unanswered = await response.json();
      assert(unanswered.length === 0, unanswered.join(', '));
    },
  );
}

/**
 * `make start`'s default: no GitHub token, so macro-ai-api promotes on the example system's
 * local repository (E2E_LOCAL_REPO, which scripts/local-repo.mjs made with develop three commits
 * ahead of main). The card shows the commits waiting and names the local repository as the
 * source; the Promote dialog lists the gates, offers merge only and fast-forwards main; the
 * production page's history shows the promotion; main has really moved.
 */
import { execFileSync } from 'node:child_process';
import {
  elementScreenshot,
  openPage,
  screenshot,
  TIMEOUT,
} from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { environmentPanels, expectNoSectionErrors } from './componentPage.mjs';
import {
  closeDialog,
  expectCommits,
  expectGatesPass,
  openPromoteDialog,
} from './promotion.mjs';

const REPOSITORY = process.env.E2E_LOCAL_REPO;
const COMPONENT = '/catalog/default/component/macro-ai-api';
const PRODUCTION = '/catalog/default/environment/macro-ai-api-production';

const headOf = branch =>
  execFileSync('git', ['-C', REPOSITORY, 'rev-parse', `refs/heads/${branch}`], {
    encoding: 'utf8',
  }).trim();

export async function localComponentPage(page) {
  console.log('Component page: macro-ai-api on the local repository');
  if (!(await openPage(page, COMPONENT))) return false;
  const promotion = environmentPanels(page).staging.getByRole('region', {
    name: 'Promotion',
  });
  const shown = await expectThat(
    'staging says 3 commits wait for production, with the local repository as their source',
    async () => {
      await promotion
        .getByText('3 commits waiting for Production', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      await promotion
        .getByText(`Source: local repository ${REPOSITORY}`, { exact: true })
        .waitFor({ timeout: TIMEOUT });
      assert(
        (await promotion.getByRole('link').count()) === 0,
        'the commits waiting link somewhere, but a local repository has no web page',
      );
    },
  );
  await expectNoSectionErrors(page, 'the component page');
  await screenshot(page, '6-local-component-macro-ai-api');
  return shown;
}

export async function localPromotion(page) {
  console.log('Promotion on the local repository: staging → production');
  const develop = headOf('develop');
  const short = develop.slice(0, 7);
  return expectThat(
    'the Promote dialog lists the gates, offers merge only, and fast-forwards main to develop',
    async () => {
      const dialog = await openPromoteDialog(page);
      await expectCommits(dialog, '3 commits (develop → main)', [
        'Add a readiness probe to the API',
        'Cache the model list for an hour',
        'Retry completions that time out',
      ]);
      await expectGatesPass(dialog, [
        ['Freeze window', 'No freeze window covers production now'],
        ['Deployment complete (skipped)', 'AWS is not configured'],
        [
          'Checks green',
          `No checks reported on develop@${short}: a local repository has no CI`,
        ],
        ['Commits pending', '3 commits to promote'],
        ['Pull request ready (skipped)', 'not checked'],
      ]);
      assert(
        await dialog.getByRole('radio', { name: /^Merge/ }).isChecked(),
        'merge, the one strategy a local repository has, is not preselected',
      );
      for (const name of [/^Pull request/, /^Workflow dispatch/]) {
        assert(
          await dialog.getByRole('radio', { name }).isDisabled(),
          `${name} can be picked on a local repository`,
        );
      }
      await dialog
        .getByText('A local repository has no pull requests: use merge')
        .waitFor({ timeout: TIMEOUT });
      await screenshot(page, '6b-local-promote-dialog', { fullPage: false });

      await dialog
        .getByRole('button', { name: 'Promote', exact: true })
        .click();
      await dialog
        .getByRole('alert')
        .filter({
          hasText: `Fast-forwarded main to develop at ${short} (3 commits) in the local repository ${REPOSITORY}`,
        })
        .waitFor({ timeout: TIMEOUT });
      assert(headOf('main') === develop, 'main did not move to develop');
      await closeDialog(dialog);
      await environmentPanels(page)
        .staging.getByRole('region', { name: 'Promotion' })
        .getByText('Nothing waiting — Production is up to date')
        .waitFor({ timeout: TIMEOUT });
    },
  );
}

export async function localPromotionHistory(page) {
  console.log(
    'Environment page: macro-ai-api-production, after the local promotion',
  );
  if (!(await openPage(page, PRODUCTION))) return;
  const table = page.getByRole('table', { name: 'Promotion history' });
  await expectThat(
    'the history lists the merge of 3 commits by guest, saying main was fast-forwarded',
    async () => {
      await table.getByRole('row').nth(1).waitFor({ timeout: TIMEOUT });
      const rows = await table.getByRole('row').allInnerTexts();
      assert(rows.length === 2, `${rows.length - 1} promotions listed`);
      const row = rows[1].replace(/\s+/g, ' ');
      for (const part of [
        'macro-ai-api-staging → macro-ai-api-production 3 commits',
        'guest Merge',
        'Succeeded',
        'Fast-forwarded main to develop',
      ]) {
        assert(row.includes(part), `the row does not say "${part}": ${row}`);
      }
    },
  );
  await screenshot(page, '6c-local-environment-macro-ai-api-production');
  await elementScreenshot(table, '6d-local-promotion-history');
}

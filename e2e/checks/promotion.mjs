/**
 * Two real promotions of macro-ai-api from staging to production, through the backend and the
 * fake GitHub: first one commit by pull request, then — after a developer pushed two more
 * commits and a reviewer approved the pull request — three commits by merging it.
 */
import { openPage, screenshot, TIMEOUT } from '../lib/browser.mjs';
import { fakeGithub } from '../lib/fakeGithubClient.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { environmentPanels } from './componentPage.mjs';

const PULL_REQUEST = 'https://github.com/acme/macro-ai/pull/43';

export async function openPromoteDialog(page) {
  const { staging } = environmentPanels(page);
  await staging
    .getByRole('button', { name: 'Promote to Production' })
    .click({ timeout: TIMEOUT });
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ timeout: TIMEOUT });
  return dialog;
}

/** The dialog's count of waiting commits reads `heading`, and lists `messages`. */
export async function expectCommits(dialog, heading, messages) {
  await dialog
    .getByText(heading, { exact: true })
    .waitFor({ timeout: TIMEOUT });
  const listed = await dialog
    .getByRole('list', { name: 'Commits to promote' })
    .getByRole('listitem')
    .allInnerTexts();
  for (const message of messages) {
    assert(
      listed.some(line => line.includes(message)),
      `"${message}" is not listed: ${listed.join(' | ')}`,
    );
  }
  const text = await dialog.innerText();
  assert(!/\b1 commits\b/.test(text), `the dialog says "1 commits": ${text}`);
}

/** Every gate of the dry run passed or was skipped (the staging stack carries no commit tag). */
export async function expectGatesPass(dialog, gates) {
  const list = dialog.getByRole('list', { name: 'Promotion gates' });
  await list.waitFor({ timeout: TIMEOUT });
  for (const [gate, said] of gates) {
    await list
      .getByRole('listitem')
      .filter({ hasText: gate })
      .filter({ hasText: said })
      .waitFor({ timeout: TIMEOUT });
  }
  const promote = dialog.getByRole('button', { name: 'Promote', exact: true });
  await promote.waitFor({ timeout: TIMEOUT });
  assert(await promote.isEnabled(), 'Promote is disabled');
}

async function promote(dialog, startedBy) {
  await dialog.getByRole('button', { name: 'Promote', exact: true }).click();
  const outcome = dialog.getByRole('alert').filter({
    hasText: `Promotion started by ${startedBy}`,
  });
  await outcome.waitFor({ timeout: TIMEOUT });
  const href = await outcome
    .getByRole('link', { name: /Open it/ })
    .getAttribute('href');
  assert(href === PULL_REQUEST, `the outcome links to ${href}`);
  return outcome.innerText();
}

export async function closeDialog(dialog) {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
}

export async function promotions(page) {
  console.log('Promotion: macro-ai-api staging → production');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
    return false;

  const first = await expectThat(
    'the Promote dialog counts 1 commit, passes every gate and opens a pull request',
    async () => {
      const dialog = await openPromoteDialog(page);
      await expectCommits(dialog, '1 commit (develop → main)', [
        'Add a readiness probe to the API',
      ]);
      await expectGatesPass(dialog, [
        ['Freeze window', 'No freeze window covers production now'],
        ['Deployment complete', 'MacroAiStagingStack is UPDATE_COMPLETE'],
        [
          'Deployed version (skipped)',
          'the commit macro-ai-api-staging runs is not known',
        ],
        ['Checks green', 'green on develop@'],
        ['Commits pending', '1 commit to promote'],
      ]);
      assert(
        await dialog.getByRole('radio', { name: /^Pull request/ }).isChecked(),
        'the backend’s default strategy, pull request, is not preselected',
      );
      await screenshot(page, '1b-promote-dialog-1-commit', { fullPage: false });
      const said = await promote(dialog, 'pull request');
      assert(
        said.includes('Opened pull request #43 from develop to main'),
        `the outcome says: ${said}`,
      );
      await closeDialog(dialog);
    },
  );
  if (!first) return false;

  await fakeGithub.push('develop', [
    'Cache the model list for an hour',
    'Retry completions that time out',
  ]);
  await fakeGithub.review(43, 'reviewer', 'APPROVED');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
    return false;

  return expectThat(
    'after two more commits and an approval, the dialog counts 3 commits and merges the pull request',
    async () => {
      const { staging } = environmentPanels(page);
      const region = staging.getByRole('region', { name: 'Promotion' });
      await region
        .getByRole('link', { name: /^3 commits waiting for Production/ })
        .waitFor({ timeout: TIMEOUT });
      await region
        .getByText('(open, approved)', { exact: true })
        .waitFor({ timeout: TIMEOUT });
      const dialog = await openPromoteDialog(page);
      await expectCommits(dialog, '3 commits (develop → main)', [
        'Add a readiness probe to the API',
        'Cache the model list for an hour',
        'Retry completions that time out',
      ]);
      await dialog.getByRole('radio', { name: /^Merge/ }).check();
      await expectGatesPass(dialog, [
        ['Commits pending', '3 commits to promote'],
        ['Pull request ready', 'Pull request #43 is approved by reviewer'],
      ]);
      await screenshot(page, '1c-promote-dialog-3-commits', {
        fullPage: false,
      });
      const said = await promote(dialog, 'merge');
      assert(
        said.includes('Merged pull request #43 from develop into main'),
        `the outcome says: ${said}`,
      );
      await closeDialog(dialog);
      await region
        .getByText('Nothing waiting — Production is up to date')
        .waitFor({ timeout: TIMEOUT });
    },
  );
}

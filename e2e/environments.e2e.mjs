/*
 * Browser test of the Stageline environments plugin in the running local app, with GitHub faked
 * at its HTTP edge (e2e/fake-github, started by scripts/e2e.sh): signs in as guest, checks the
 * macro-ai-api component page, promotes staging to production twice through the real backend
 * (one commit by pull request, then three by merging the approved pull request), reads the
 * promotion history at 1440 px (en-GB) and 1280 px (en-US), the staging page, macro-ai-web's
 * real stacks (drift, deployed commit and cost, and a rollback from the browser), /environments
 * and the catalog, and saves screenshots.
 *
 * Strict about the state scripts/e2e.sh starts: a fresh in-memory database, AWS at the fake of
 * e2e/fake-aws (macro-ai-api's stacks deployed and untagged; macro-ai-web's staging drifted,
 * its production stuck in UPDATE_ROLLBACK_FAILED), health Healthy through the backend's own
 * readiness URL, cost within budget, and the fake repository acme/macro-ai with develop one
 * green commit ahead of main. It fails on any console error or warning raised from Stageline's components
 * (lib/consoleGuard.mjs) and on any GitHub route the backend called that the fake does not
 * answer.
 *
 * Environment: E2E_BASE_URL (default http://localhost:3000), E2E_FAKE_GITHUB_URL, E2E_SCREENSHOTS
 * (default e2e-screenshots), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import {
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  withRetry,
} from './lib/browser.mjs';
import { createConsoleGuard } from './lib/consoleGuard.mjs';
import { fakeGithub } from './lib/fakeGithubClient.mjs';
import { assert, expectThat, summarize } from './lib/report.mjs';
import { componentPage } from './checks/componentPage.mjs';
import { previews } from './checks/previews.mjs';
import { schedule } from './checks/schedule.mjs';
import { environmentPage } from './checks/environmentPage.mjs';
import { catalogKindPicker, overviewPage } from './checks/overviewPage.mjs';
import { realStack } from './checks/realStack.mjs';
import { promotions } from './checks/promotion.mjs';
import {
  expectNoHistoryYet,
  promotionHistory,
} from './checks/promotionHistory.mjs';

/** The two readers of the history: a wide window in Britain, a narrower one in the US. */
const READERS = [
  { width: 1440, locale: 'en-GB', timeZone: 'Europe/London' },
  { width: 1280, locale: 'en-US', timeZone: 'America/New_York' },
];

async function signedIn(browser, guard, reader) {
  const page = await newPage(browser, reader);
  guard.watch(page);
  const ok = await expectThat(`guest sign-in (${reader.width} px)`, () =>
    withRetry(() => signIn(page)),
  );
  if (!ok) await screenshot(page, `failed-sign-in-${reader.width}px`);
  return ok ? page : undefined;
}

async function main() {
  const browser = await launchBrowser();
  const guard = createConsoleGuard();
  try {
    const [wide, narrow] = READERS;
    const page = await signedIn(browser, guard, wide);
    if (page) {
      await expectNoHistoryYet(page);
      await componentPage(page);
      await previews(page);
      await schedule(page);
      const promoted = await promotions(page);
      if (promoted) {
        await promotionHistory(page, wide);
        const narrowPage = await signedIn(browser, guard, narrow);
        if (narrowPage) await promotionHistory(narrowPage, narrow);
      }
      await environmentPage(page);
      await realStack(page);
      await overviewPage(page);
      await catalogKindPicker(page);
    }
  } finally {
    await browser.close();
  }
  await expectThat(
    'no console error or warning came from Stageline’s components',
    () => {
      const problems = guard.problems();
      assert(problems.length === 0, problems.join('\n'));
    },
  );
  await expectThat(
    'the backend called only GitHub routes the fake answers',
    async () => {
      const unanswered = await fakeGithub.unanswered();
      assert(unanswered.length === 0, unanswered.join(', '));
    },
  );
  process.exitCode = summarize();
}

main().catch(error => {
  console.error(error);
  process.exitCode = summarize(true);
});

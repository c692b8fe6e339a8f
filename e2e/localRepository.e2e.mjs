/*
 * Browser test of `make start`'s default configuration (app-config.yaml, no GitHub token): the
 * example system promotes on its local git repository (a fresh copy at E2E_LOCAL_REPO, made by
 * scripts/local-repo.mjs; scripts/e2e.sh starts the backend so). Signs in as guest, checks the
 * promotion card, promotes staging to production with merge, checks that main moved and reads
 * the history. Fails on any console error or warning raised from Stageline's components.
 *
 * Environment: E2E_LOCAL_REPO (required), E2E_BASE_URL, E2E_SCREENSHOTS, CHROMIUM_PATH.
 */
import { launchBrowser, newPage, signIn, withRetry } from './lib/browser.mjs';
import { createConsoleGuard } from './lib/consoleGuard.mjs';
import { assert, expectThat, summarize } from './lib/report.mjs';
import { expectNoHistoryYet } from './checks/promotionHistory.mjs';
import {
  localComponentPage,
  localPromotion,
  localPromotionHistory,
} from './checks/localPromotion.mjs';

async function main() {
  if (!process.env.E2E_LOCAL_REPO) throw new Error('E2E_LOCAL_REPO is not set');
  const browser = await launchBrowser();
  const guard = createConsoleGuard();
  try {
    const page = await newPage(browser, {
      width: 1440,
      locale: 'en-GB',
      timeZone: 'Europe/London',
    });
    guard.watch(page);
    const signedIn = await expectThat('guest sign-in (1440 px)', () =>
      withRetry(() => signIn(page)),
    );
    if (signedIn) {
      await expectNoHistoryYet(page);
      if ((await localComponentPage(page)) && (await localPromotion(page))) {
        await localPromotionHistory(page);
      }
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
  process.exitCode = summarize();
}

main().catch(error => {
  console.error(error);
  process.exitCode = summarize(true);
});

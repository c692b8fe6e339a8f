/*
 * Browser test of the Stageline environments plugin in the running local app: signs in as
 * guest, opens the macro-ai-api component page, the staging environment page and the
 * /environments overview, checks what a service developer sees and saves a screenshot of each.
 *
 * The checks are strict about the local default (no GitHub token, no AWS credentials, a fresh
 * in-memory database): health Healthy (the backend's own readiness URL), deployment "AWS is not
 * configured", promotion "GitHub is not configured", cost within budget, history "No promotions
 * yet", and no section in an error state. A broken backend fails the run.
 *
 * Run through scripts/e2e.sh (`make e2e`), which starts the app when it is not running.
 * Environment: E2E_BASE_URL (default http://localhost:3000), E2E_SCREENSHOTS (default
 * e2e-screenshots), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
const SCREENSHOTS = resolve(process.env.E2E_SCREENSHOTS ?? 'e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 30_000;

const AWS_UNCONFIGURED = 'AWS is not configured';
const GITHUB_UNCONFIGURED = 'GitHub is not configured';

const results = [];

/** Runs one expectation; a failure is recorded and printed, never thrown. */
async function expectThat(name, check) {
  try {
    await check();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name}`);
    return true;
  } catch (error) {
    results.push({ name, ok: false });
    const message = String(error?.message ?? error)
      .split('\n')
      .slice(0, 3)
      .join(' ');
    console.log(`  ✗ ${name}: ${message}`);
    return false;
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** No section of the page says it failed (SectionState's error rendering). */
async function expectNoSectionErrors(page, where) {
  await expectThat(`no section of ${where} shows an error`, async () => {
    const errors = page.getByTestId('section-error');
    const count = await errors.count();
    const texts = count > 0 ? await errors.allInnerTexts() : [];
    assert(count === 0, `${count} section(s) failed: ${texts.join(' | ')}`);
  });
}

async function screenshot(page, name, { fullPage = true } = {}) {
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage });
  console.log(`    screenshot: ${path}`);
}

async function signIn(page) {
  await page.goto(BASE_URL, { waitUntil: 'domcontentloaded' });
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: TIMEOUT });
  await enter.click();
  await page
    .locator('a[href="/environments"]')
    .first()
    .waitFor({ state: 'attached', timeout: TIMEOUT });
}

/**
 * Opens a page of the app, signing in again when the app asks (a backend restarted by a file
 * change forgets the guest session).
 */
async function open(page, path) {
  await page.goto(`${BASE_URL}${path}`);
  const enter = page.getByRole('button', { name: 'Enter' });
  const sidebar = page.locator('a[href="/environments"]', {
    hasText: 'Environments',
  });
  // the sidebar's labels are hidden while it is collapsed: wait for the link to exist
  await enter
    .or(sidebar)
    .first()
    .waitFor({ state: 'attached', timeout: TIMEOUT });
  if (await enter.isVisible()) {
    await enter.click();
    await sidebar.first().waitFor({ state: 'attached', timeout: TIMEOUT });
  }
}

/**
 * Runs a navigation twice at most: the dev server reloads the page when another package is
 * rebuilt, and the backend restarts on file changes, either of which can eat one attempt.
 */
async function withRetry(navigate) {
  try {
    await navigate();
  } catch (error) {
    console.log(
      `    retrying once: ${String(error?.message ?? error).split('\n')[0]}`,
    );
    await navigate();
  }
}

/** Opens a page as an expectation of its own; false when it did not open. */
async function openPage(page, path) {
  const opened = await expectThat(`opens ${path}`, () =>
    withRetry(() => open(page, path)),
  );
  if (!opened) {
    await screenshot(page, `failed-${path.replace(/[^a-z0-9]+/gi, '-')}`);
  }
  return opened;
}

async function componentPage(page) {
  console.log('Component page: macro-ai-api');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
    return;
  const staging = page.getByTestId('environment-macro-ai-api-staging');
  const production = page.getByTestId('environment-macro-ai-api-production');

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
      `${label} is Healthy, says AWS is not configured and costs within its ${budget} budget`,
      async () => {
        await panel
          .getByText('scale: hobby', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        await panel
          .getByText('Healthy', { exact: true })
          .waitFor({ timeout: TIMEOUT });
        await panel
          .getByRole('region', { name: 'Deployment' })
          .getByText(AWS_UNCONFIGURED)
          .waitFor({ timeout: TIMEOUT });
        const cost = panel.getByRole('region', { name: 'Cost' });
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
    'staging says GitHub is not configured for the promotion',
    async () => {
      await staging
        .getByRole('region', { name: 'Promotion' })
        .getByText(GITHUB_UNCONFIGURED)
        .waitFor({ timeout: TIMEOUT });
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

  // the example permission policy lets group platform (guest's) promote into production
  await expectThat(
    'the Promote dialog says GitHub is not configured and keeps Promote disabled',
    async () => {
      await staging
        .getByRole('button', { name: 'Promote to Production' })
        .click({ timeout: TIMEOUT });
      const dialog = page.getByRole('dialog');
      await dialog
        .getByText(`Promotion is not available: ${GITHUB_UNCONFIGURED}`)
        .waitFor({ timeout: TIMEOUT });
      const promote = dialog.getByRole('button', {
        name: 'Promote',
        exact: true,
      });
      assert(await promote.isDisabled(), 'Promote is enabled');
      const reason = await promote.getAttribute('aria-describedby');
      const said = reason
        ? await dialog.locator(`#${reason}`).innerText()
        : undefined;
      assert(
        said === GITHUB_UNCONFIGURED,
        `Promote is disabled for the reason "${said}"`,
      );
      await dialog
        .getByRole('radio', { name: /^Merge/ })
        .waitFor({ timeout: TIMEOUT });
      await screenshot(page, '1b-promote-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    },
  );
}

async function environmentPage(page) {
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
          'shut down 18:00 UTC Mon–Fri; started by hand (the estimate assumes 08:00 UTC on weekdays)',
          { exact: true },
        )
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'the overview card is Healthy and says AWS is not configured for the stack',
    async () => {
      await page
        .getByText('Healthy', { exact: true })
        .first()
        .waitFor({ timeout: TIMEOUT });
      await page
        .getByText(AWS_UNCONFIGURED)
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
  await expectThat('the enterprise scale shows a what-if cost', async () => {
    await page.getByRole('button', { name: 'enterprise', exact: true }).click();
    await page
      .getByText(/What if this environment ran at enterprise scale/)
      .waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'hobby', exact: true }).click();
  });
  await expectThat('the promotion history is empty', async () => {
    await page
      .getByText('Promotion history', { exact: true })
      .waitFor({ timeout: TIMEOUT });
    await page.getByText(/^No promotions yet\./).waitFor({ timeout: TIMEOUT });
  });
  await expectNoSectionErrors(page, 'the environment page');
  await screenshot(page, '2-environment-macro-ai-api-staging');
}

async function catalogKindPicker(page) {
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

async function overviewPage(page) {
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
      const table = page.getByRole('table').first();
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
      // four environments (api and web, staging and production), each Healthy, without AWS,
      // costed; a preview adds a fifth
      for (const [what, text] of [
        ['cost', / a month$/],
        ['Healthy', /^Healthy$/],
        ['"Deployment not configured"', /^Deployment not configured$/],
      ]) {
        const cells = await table.getByText(text).count();
        assert(cells >= 4, `expected ${what} in 4 cells, found ${cells}`);
      }
      const failed = await table
        .getByText(/failed|not configured$/)
        .filter({ hasNotText: 'Deployment not configured' })
        .count();
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

async function main() {
  await mkdir(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 1000 },
    });
    const signedIn = await expectThat('guest sign-in', () =>
      withRetry(() => signIn(page)),
    );
    if (!signedIn) await screenshot(page, 'failed-sign-in');
    if (signedIn) {
      await componentPage(page);
      await environmentPage(page);
      await overviewPage(page);
      await catalogKindPicker(page);
    }
  } finally {
    await browser.close();
  }
  const passed = results.filter(r => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch(error => {
  console.error(error);
  const passed = results.filter(r => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed + 1} failed`);
  process.exitCode = 1;
});

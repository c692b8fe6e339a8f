/** Chromium, signed-in pages of the running app, navigation and screenshots. */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { expectThat } from './report.mjs';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
export const TIMEOUT = 30_000;
const SCREENSHOTS = resolve(process.env.E2E_SCREENSHOTS ?? 'e2e-screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser() {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
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
}

/**
 * A page in its own browser context: a window `width` pixels wide whose user reads dates in
 * `locale` and `timeZone`, as a person's browser would be set up.
 */
export async function newPage(browser, { width, locale, timeZone }) {
  const context = await browser.newContext({
    viewport: { width, height: 1000 },
    locale,
    timezoneId: timeZone,
  });
  return context.newPage();
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage });
  console.log(`    screenshot: ${path}`);
}

/** A screenshot of one element, e.g. a table, at the size it is rendered. */
export async function elementScreenshot(locator, name) {
  const path = `${SCREENSHOTS}/${name}.png`;
  await locator.screenshot({ path });
  console.log(`    screenshot: ${path}`);
}

export async function signIn(page) {
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
export async function withRetry(navigate) {
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
export async function openPage(page, path) {
  const opened = await expectThat(`opens ${path}`, () =>
    withRetry(() => open(page, path)),
  );
  if (!opened) {
    await screenshot(page, `failed-${path.replace(/[^a-z0-9]+/gi, '-')}`);
  }
  return opened;
}

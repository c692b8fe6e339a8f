/**
 * The staging schedule on the macro-ai-api card: stopped (by its schedule, or by Stop now) it
 * says since when and when it starts, with Start now; the app runs schedules as dry runs
 * (app-config.yaml: environments.schedules.dryRun), as the card says.
 */
import { elementScreenshot, openPage, TIMEOUT } from '../lib/browser.mjs';
import { assert, expectThat } from '../lib/report.mjs';
import { environmentPanels } from './componentPage.mjs';

export async function schedule(page) {
  console.log('Schedule of macro-ai-api staging');
  if (!(await openPage(page, '/catalog/default/component/macro-ai-api')))
    return;
  const { staging } = environmentPanels(page);
  const section = staging.getByRole('region', { name: 'Schedule' });
  const stopNow = section.getByRole('button', { name: 'Stop now' });
  const startNow = section.getByRole('button', { name: 'Start now' });
  await expectThat(
    'staging shows where it stands under its schedule',
    async () => {
      await section
        .getByText(/^(Running · stops|Stopped since) \d\d:\d\d/)
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await expectThat(
    'Stop now stops it: stopped since a time, with when it starts and Start now',
    async () => {
      if (await stopNow.isVisible()) await stopNow.click();
      const state = section.getByText(
        /^Stopped since \d\d:\d\d( [A-Z][a-z]{2})? · starts \d\d:\d\d( [A-Z][a-z]{2})?$/,
      );
      await state.waitFor({ timeout: TIMEOUT });
      await startNow.waitFor({ timeout: TIMEOUT });
      await section
        .getByText(/^Dry run \(environments\.schedules\.dryRun\)/)
        .waitFor({ timeout: TIMEOUT });
    },
  );
  await elementScreenshot(staging, '1e-staging-stopped');
  await expectThat('Start now starts it again', async () => {
    await startNow.click();
    await section
      .getByText(/^Running · stops \d\d:\d\d/)
      .waitFor({ timeout: TIMEOUT });
    assert(await stopNow.isVisible(), 'no Stop now once running');
  });
}

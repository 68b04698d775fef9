// Issue 28 — holiday calendars from presets: an admin imports Germany/Bavaria for next year in
// the UI (a second import adds nothing), reads one of the days in the list, and sees it shaded in
// the team calendar.
import { assert, axe, byTestId, config, expectToast, nav, newPage, selectOption, shot, signIn } from '../lib.mjs';

export async function issue28(browser, runner) {
  const { step } = runner;
  const next = new Date().getFullYear() + 1;
  console.log('\nIssue 28: holidays from presets');
  const admin = await newPage(browser);

  await step('admin imports Germany / Bavaria for next year', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await nav(admin, 'Holidays');
    await byTestId(admin, 'holiday-import').waitFor();
    await selectOption(admin, 'holiday-import-country', 'Germany');
    await selectOption(admin, 'holiday-import-region', 'Bavaria');
    await selectOption(admin, 'holiday-import-year', String(next));
    await byTestId(admin, 'holiday-import-submit').click();
    await expectToast(admin, 'holidays added');
    await shot(admin, 'i28-imported');
  });

  await step('importing the same year again adds nothing', admin, async () => {
    await byTestId(admin, 'holiday-import-submit').click();
    await expectToast(admin, '0 holidays added');
  });

  await step('next year lists Epiphany for the whole company', admin, async () => {
    await selectOption(admin, 'holiday-year', String(next));
    const epiphany = byTestId(admin, 'holiday-row').filter({ hasText: 'Epiphany' });
    await epiphany.waitFor();
    const text = await epiphany.innerText();
    assert(text.includes('Whole company'), `Epiphany applies to the whole company (row: ${text})`);
    await admin.waitForLoadState('networkidle');
    await axe(admin, 'holidays with presets');
  });

  await step('the team calendar shades 6 January of next year as Epiphany', admin, async () => {
    await nav(admin, 'Team calendar');
    await byTestId(admin, 'calendar-grid').waitFor();
    const now = new Date();
    const months = (next - now.getFullYear()) * 12 - now.getMonth();
    for (let i = 0; i < months; i++) await admin.getByRole('button', { name: 'Next month' }).click();
    const cell = admin.locator(`[data-date="${next}-01-06"]`);
    await cell.locator('[data-testid="calendar-holiday"]', { hasText: 'Epiphany' }).waitFor();
    assert((await cell.getAttribute('data-holiday')) === 'true', 'the day is marked as a holiday');
    await shot(admin, 'i28-calendar');
    await axe(admin, 'team calendar with imported holidays');
  });

  await admin.context().close();
}

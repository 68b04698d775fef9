// Issue 20 — an admin's product: a policy in days, payroll CSV and the as-of report, an audit row
// read by name, a screen in German, dark mode (screenshots of every main screen in both themes,
// axe clean in both), and the phone layout of My requests.
import { readFileSync } from 'node:fs';
import { assert, axe, byTestId, config, expectToast, nav, newPage, selectOption, shot, signIn } from '../lib.mjs';

const MAIN_SCREENS = [
  ['/admin', 'dashboard'],
  ['/admin/policies', 'policies'],
  ['/admin/employees', 'employees'],
  ['/admin/holidays', 'holidays'],
  ['/admin/reports', 'reports'],
  ['/admin/audit', 'audit-log'],
  ['/balances', 'my-balances'],
  ['/requests', 'my-requests'],
  ['/approvals', 'approvals'],
  ['/team-calendar', 'team-calendar'],
  ['/account', 'account'],
];

async function setTheme(page, theme) {
  await page.evaluate((t) => (t ? localStorage.setItem('power-pto.theme', t) : localStorage.removeItem('power-pto.theme')), theme);
}

async function csvOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await download.path(), 'utf8');
}

export async function issue20(browser, runner) {
  const { step } = runner;
  const suffix = Date.now().toString(36);
  const key = `e2e-days-${suffix}`;
  const name = `E2E Vacation ${suffix}`;
  console.log('\nIssue 20: human units, payroll exports, readable audit, German, dark mode');
  const admin = await newPage(browser);

  await step('admin creates a policy in days, with a name', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await nav(admin, 'Policies');
    await byTestId(admin, 'new-policy').click();
    await byTestId(admin, 'policy-key').fill(key);
    await byTestId(admin, 'policy-name').fill(name);
    await selectOption(admin, 'policy-unit', 'Days');
    await byTestId(admin, 'policy-rate_minutes').fill('1.5');
    await admin.getByText('= 12 h').first().waitFor();
    const page = await admin.content();
    assert(!/rate_minutes_per_(month|year|day)/.test(page.replace(/data-testid="[^"]*"/g, '')), 'no internal field name in the form');
    await shot(admin, 'i20-policy-form-days');
    await byTestId(admin, 'policy-submit').click();
    await admin.getByRole('heading', { name }).waitFor();
    await expectToast(admin, `Policy ${name} created`);
  });

  await step('a version scheduled for next year is named in the policy header', admin, async () => {
    const year = new Date().getFullYear() + 1;
    await byTestId(admin, 'edit-policy').click();
    await byTestId(admin, 'policy-effective_from').fill(`${year}-01-01`);
    await byTestId(admin, 'policy-rate_minutes').fill('2');
    await byTestId(admin, 'policy-submit').click();
    await expectToast(admin, 'Version 2 saved');
    const header = byTestId(admin, 'scheduled-version');
    await header.waitFor();
    const text = await header.innerText();
    assert(text === `Version 2 takes effect on January 1, ${year}`, `scheduled version in the header (${text})`);
    await shot(admin, 'i20-policy-scheduled-version');
  });

  await step('issue 24: the simulator shows what a part-time version would change before it is saved', admin, async () => {
    await nav(admin, 'Policies');
    await admin.getByRole('link', { name: 'vacation', exact: true }).first().click();
    await byTestId(admin, 'edit-policy').click();
    await byTestId(admin, 'policy-part-time').click();
    await byTestId(admin, 'simulate-run').click();
    const summary = byTestId(admin, 'simulate-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    assert(/gain.*lose.*total/.test(text), `simulator summary (${text})`);
    await shot(admin, 'i24-simulator');
    await axe(admin, 'policy simulator');
    await admin.getByRole('button', { name: 'Cancel' }).click();
  });

  await step('payroll ledger CSV has names, e-mail, policy name and amounts in the unit', admin, async () => {
    await nav(admin, 'Reports');
    await byTestId(admin, 'tab-ledger-export').click();
    const csv = await csvOf(admin, () => byTestId(admin, 'download-payroll-csv').click());
    const header = csv.split('\r\n')[0];
    assert(header.startsWith('id,employee_id,policy_id,policy_version_id,entry_type,amount_minutes,'), 'standard columns first');
    assert(header.endsWith('employee_name,employee_email,policy_key,policy_name,unit,amount_in_unit,workday_minutes,reason'), 'payroll columns after');
    assert(csv.split('\r\n').length > 2, 'payroll CSV has rows');
    const balances = await csvOf(admin, async () => {
      await byTestId(admin, 'tab-ledger-export').click();
      await admin.getByRole('tab', { name: 'Balance summary' }).click();
      await byTestId(admin, 'balances-csv').click();
    });
    assert(balances.startsWith('as_of,employee_id,employee_name,'), 'balance summary CSV');
  });

  await step('balances as of a past date: table and CSV', admin, async () => {
    await byTestId(admin, 'tab-as-of').click();
    await byTestId(admin, 'as-of-date').fill(new Date(Date.now() - 86400000).toISOString().slice(0, 10));
    await byTestId(admin, 'as-of-show').click();
    await byTestId(admin, 'as-of-report').waitFor();
    await shot(admin, 'i20-balances-as-of');
    await axe(admin, 'balances as of');
    const csv = await csvOf(admin, () => byTestId(admin, 'as-of-csv').click());
    assert(csv.startsWith('as_of,employee_id,employee_name,employee_email,policy_id,policy_key,policy_name,'), 'as-of CSV header');
    assert(csv.split('\r\n').length > 2, 'as-of CSV has rows');
  });

  await step('an audit row is read by name', admin, async () => {
    await nav(admin, 'Audit log');
    await selectOption(admin, 'audit-entity', 'Policy');
    await selectOption(admin, 'audit-action', 'Create');
    const summary = byTestId(admin, 'audit-summary').filter({ hasText: `created policy ${name}` }).first();
    await summary.waitFor();
    const text = await summary.innerText();
    assert(!/[0-9a-f]{8}-/.test(text), 'no id in the sentence');
    await shot(admin, 'i20-audit-by-name');
  });

  await step('one screen in German (chosen on the account page)', admin, async () => {
    await admin.goto('/account');
    await byTestId(admin, 'language-select').selectOption('de');
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine Salden' }).waitFor();
    await admin.getByRole('heading', { name: 'Ihr Konto' }).waitFor();
    assert((await admin.locator('html').getAttribute('lang')) === 'de', 'html lang is de');
    await shot(admin, 'i20-account-de');
    await axe(admin, 'account (German)');
  });

  await step('a form in German: the new-policy form, labels, hints and buttons', admin, async () => {
    await admin.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Regelungen', exact: true }).click();
    await admin.getByRole('heading', { name: 'Regelungen' }).waitFor();
    await byTestId(admin, 'new-policy').click();
    await admin.getByRole('heading', { name: 'Neue Regelung' }).waitFor();
    for (const label of ['Schlüssel', 'Kategorie', 'Anzeigename', 'Gültig ab', 'Grund der Änderung', 'Art der Regelung']) {
      await admin.getByLabel(label, { exact: false }).first().waitFor();
    }
    await selectOption(admin, 'policy-unit', 'Tage');
    await byTestId(admin, 'policy-rate_minutes').fill('1,5');
    await admin.getByText('= 12 Std.').first().waitFor();
    await admin.getByRole('button', { name: 'Regelung anlegen' }).waitFor();
    const text = await admin.locator('main').innerText();
    for (const english of ['Effective from', 'Create policy', 'Policy type', 'Carryover', 'Limits', 'Loading']) {
      assert(!text.includes(english), `no English "${english}" on the German form`);
    }
    await shot(admin, 'i20-policy-form-de');
    await axe(admin, 'new policy form (German)');
    await byTestId(admin, 'policy-submit').click();
    await admin.getByText('Bitte', { exact: false }).first().waitFor();
    await admin.goto('/account');
    await byTestId(admin, 'language-select').selectOption('');
    await admin.getByRole('heading', { name: 'Your account' }).waitFor();
  });

  for (const theme of ['light', 'dark']) {
    await step(`main screens in ${theme} mode (screenshots, axe)`, admin, async () => {
      await setTheme(admin, theme);
      for (const [route, label] of MAIN_SCREENS) {
        await admin.goto(route);
        await admin.locator('main h1').first().waitFor();
        await admin.waitForLoadState('networkidle');
        const dark = await admin.evaluate(() => document.documentElement.classList.contains('dark'));
        assert(dark === (theme === 'dark'), `${label} is in ${theme} mode`);
        await shot(admin, `i20-${theme}-${label}`);
        await axe(admin, `${label} (${theme})`);
      }
    });
  }
  await setTheme(admin, null);

  const phone = await newPage(browser, { width: 375, height: 740 });
  await step('My requests on a phone: cards with Status and Cancel in view', phone, async () => {
    await signIn(phone, config.employee, config.employeePassword);
    await nav(phone, 'My requests');
    const table = byTestId(phone, 'my-requests-table');
    await table.waitFor();
    const row = byTestId(phone, 'request-row').first();
    await row.waitFor();
    const box = await row.boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= 375, 'a request row fits the phone width');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `no horizontal scroll (overflow ${overflow}px)`);
    const status = row.locator('[data-status]').first();
    if (await status.count()) {
      const s = await status.boundingBox();
      assert(s && s.x + s.width <= 375, 'status visible without scrolling');
    }
    await shot(phone, 'i20-phone-my-requests');
    await setTheme(phone, 'dark');
    await phone.reload();
    await byTestId(phone, 'request-row').first().waitFor();
    await shot(phone, 'i20-phone-my-requests-dark');
    await axe(phone, 'my requests on a phone (dark)');
  });
  for (const p of [admin, phone]) await p.context().close();
}

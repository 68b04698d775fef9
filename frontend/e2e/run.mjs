#!/usr/bin/env node
// Power PTO end-to-end run (playwright-core + Debian's Chromium + axe).
//
//   BASE_URL=http://localhost:8000 npm run e2e        smoke + the full scenario
//   E2E_SMOKE=1 BASE_URL=http://localhost:4173 npm run e2e   smoke only (no API needed)
//
// Screenshots go to e2e/artifacts/. Exits non-zero on a failed step or on any
// serious/critical axe violation. Sign-ins come from E2E_ADMIN_EMAIL, E2E_MANAGER_EMAIL,
// E2E_EMPLOYEE_EMAIL and E2E_PASSWORD (defaults: the demo accounts, "demo-password-1").
import {
  a11yFailures,
  assert,
  axe,
  byTestId,
  config,
  createRunner,
  expectToast,
  fillRequestHours,
  futureWeekday,
  iso,
  launch,
  loadHolidays,
  nav,
  newPage,
  nextSaturday,
  selectOption,
  shot,
  signIn,
  signOut,
} from './lib.mjs';
import { notificationsScenario } from './scenarios/17.mjs';
import { lifecycle } from './scenarios/15.mjs';
import { issue19 } from './scenarios/19.mjs';
import { issue20 } from './scenarios/20.mjs';
import { issue16 } from './scenarios/16.mjs';
import { issue28 } from './scenarios/28.mjs';
import { issue26 } from './scenarios/26.mjs';
import { issue29 } from './scenarios/29.mjs';

const smokeOnly = process.env.E2E_SMOKE === '1';
const runner = createRunner();
const { step } = runner;

async function smoke(browser) {
  console.log(`\nSmoke: ${config.baseUrl}`);
  const page = await newPage(browser);
  await step('app loads and redirects to sign-in', page, async () => {
    await page.goto('/');
    await page.waitForURL((u) => u.pathname === '/sign-in');
    await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    await shot(page, 'sign-in');
  });
  await step('sign-in shows inline validation', page, async () => {
    await byTestId(page, 'sign-in-submit').click();
    await page.getByText('Enter your work e-mail.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    assert((await byTestId(page, 'sign-in-email').getAttribute('aria-invalid')) === 'true', 'email marked invalid');
    await shot(page, 'sign-in-validation');
  });
  await step('sign-in page has no serious a11y violations', page, async () => {
    await axe(page, 'sign-in');
  });
  await step('token is kept in sessionStorage, never localStorage', page, async () => {
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('token')));
    assert(keys.length === 0, `no token in localStorage (found ${keys})`);
  });
  if (smokeOnly) {
    await step('sign-in against an unavailable API shows an error', page, async () => {
      await byTestId(page, 'sign-in-email').fill(config.employee);
      await byTestId(page, 'sign-in-password').fill('wrong-password-x');
      await byTestId(page, 'sign-in-submit').click();
      await byTestId(page, 'form-error').waitFor();
      await shot(page, 'sign-in-error');
    });
  } else {
    await step('wrong password shows one generic message', page, async () => {
      await byTestId(page, 'sign-in-email').fill(config.employee);
      await byTestId(page, 'sign-in-password').fill('definitely-not-the-password');
      await byTestId(page, 'sign-in-submit').click();
      await byTestId(page, 'form-error').waitFor();
      await shot(page, 'sign-in-wrong-password');
    });
  }
  const phone = await newPage(browser, { width: 375, height: 740 });
  await step('sign-in fits a 375 px phone', phone, async () => {
    await phone.goto('/sign-in');
    await byTestId(phone, 'sign-in-form').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `no horizontal scroll (overflow ${overflow}px)`);
    await shot(phone, 'sign-in-phone');
  });
  await phone.context().close();
  await page.context().close();
}

async function full(browser) {
  const health = await fetch(`${config.baseUrl}/api/health`).catch((e) => e);
  if (!(health instanceof Response) || !health.ok) {
    await step('API is reachable', null, async () => {
      throw new Error(`GET ${config.baseUrl}/api/health failed: ${health instanceof Response ? health.status : health}`);
    });
    return;
  }
  const suffix = Date.now().toString(36);
  const policyKey = `e2e-vacation-${suffix}`;
  // Distinct weekdays per run so earlier runs' requests never overlap this run's.
  const spread = (Date.now() / 1000 / 60) % 300 | 0;
  await loadHolidays();
  const dayA = futureWeekday(120 + spread);
  const dayB = futureWeekday(120 + spread + 400);
  const dayC = futureWeekday(120 + spread + 800);
  const saturday = nextSaturday(futureWeekday(120 + spread + 1200));
  const ok = (name) => runner.results.find((r) => r.name === name)?.ok;

  // ---------- Admin: policy, assignment, adjustment ----------
  console.log('\nAdmin sets up a policy');
  const admin = await newPage(browser);
  await step('admin signs in and sees the dashboard', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await admin.waitForURL((u) => u.pathname === '/admin');
    await byTestId(admin, 'kpi-employees').waitFor();
    await shot(admin, 'admin-dashboard');
    await axe(admin, 'admin dashboard');
  });
  await step('policy form shows validation errors', admin, async () => {
    await nav(admin, 'Policies');
    await byTestId(admin, 'new-policy').click();
    await byTestId(admin, 'policy-form').waitFor();
    await byTestId(admin, 'policy-submit').click();
    await admin.getByText('Enter a key, e.g. vacation-us.').waitFor();
    await admin.getByText('Enter the accrual rate.').first().waitFor();
    await byTestId(admin, 'policy-rate_minutes').fill('0');
    await admin.getByText('The rate must be more than 0.').waitFor();
    await shot(admin, 'policy-form-errors');
    await axe(admin, 'policy form');
  });
  await step('admin creates a monthly accrual policy', admin, async () => {
    await byTestId(admin, 'policy-key').fill(policyKey);
    await selectOption(admin, 'policy-unit', 'Days');
    await selectOption(admin, 'policy-frequency', 'Monthly');
    // typed in days of 8 h: 1.6667 days = 800 minutes (stored as minutes)
    await byTestId(admin, 'policy-rate_minutes').fill('1.6667');
    await byTestId(admin, 'policy-change_reason').fill('E2E initial version');
    await byTestId(admin, 'policy-submit').click();
    await admin.getByRole('heading', { name: policyKey }).waitFor();
    await expectToast(admin, `Policy ${policyKey} created`);
  });
  await step('admin edits the policy and sees the version diff', admin, async () => {
    await byTestId(admin, 'edit-policy').click();
    await byTestId(admin, 'policy-rate_minutes').fill('2');
    await byTestId(admin, 'policy-change_reason').fill('E2E raise');
    await byTestId(admin, 'policy-submit').click();
    await expectToast(admin, 'version 2');
    await byTestId(admin, 'tab-versions').click();
    const diff = byTestId(admin, 'json-diff').first();
    await diff.waitFor();
    const text = await diff.innerText();
    assert(text.includes('rate_minutes_per_month') && text.includes('800') && text.includes('960'), 'diff shows 800 → 960');
    await shot(admin, 'policy-versions');
    await axe(admin, 'policy detail');
  });
  await step('admin assigns the employee to the policy', admin, async () => {
    await byTestId(admin, 'tab-assignments').click();
    await selectOption(admin, 'assignment-employee', new RegExp(config.employee.replace(/[.@]/g, '\\$&')));
    // From the 1st of next month: an assignment from today is granted this month's prorated accrual
    // at once (the recalculation of late entries), and the steps below check exact hours.
    const next = new Date();
    next.setDate(1);
    next.setMonth(next.getMonth() + 1);
    await byTestId(admin, 'assignment-from').fill(iso(next));
    await byTestId(admin, 'assignment-submit').click();
    await expectToast(admin, 'Assignment created');
  });
  await step('admin adds 40 hours to the employee balance', admin, async () => {
    await nav(admin, 'Employees');
    await byTestId(admin, 'employee-search').fill(config.employee);
    await byTestId(admin, 'employee-row').first().getByRole('link').click();
    await byTestId(admin, 'tab-adjust').click();
    await selectOption(admin, 'adjustment-policy', policyKey);
    await byTestId(admin, 'adjustment-amount').fill('40');
    await byTestId(admin, 'adjustment-reason').fill('E2E opening balance');
    await byTestId(admin, 'adjustment-submit').click();
    await expectToast(admin, 'Balance adjusted');
    await shot(admin, 'employee-adjustment');
    await axe(admin, 'employee detail');
  });
  await signOut(admin).catch(() => {});

  // ---------- Employee: preview, submit, validation, cancel ----------
  console.log('\nEmployee requests time off');
  const emma = await newPage(browser);
  const openDialog = async () => {
    await byTestId(emma, 'open-request-dialog').click();
    await byTestId(emma, 'request-dialog').waitFor();
    await selectOption(emma, 'request-policy', policyKey);
  };
  const submitDay = async (day) => {
    await openDialog();
    await fillRequestHours(emma, day, '09:00', '17:00');
    await byTestId(emma, 'preview-duration').waitFor();
    await byTestId(emma, 'request-submit').click();
    await expectToast(emma, 'Request submitted');
    await byTestId(emma, 'request-dialog').waitFor({ state: 'detached' });
  };
  await step('employee signs in and sees the new balance', emma, async () => {
    await signIn(emma, config.employee, config.employeePassword);
    await nav(emma, 'My balances');
    const card = byTestId(emma, `balance-card-${policyKey}`);
    await card.waitFor();
    assert((await card.innerText()).includes('40 h'), 'available shows 40 h');
    await shot(emma, 'employee-balances');
    await axe(emma, 'my balances');
  });
  await step('request dialog shows inline validation', emma, async () => {
    await openDialog();
    await fillRequestHours(emma, dayA, '17:00', '09:00');
    await emma.getByText('The end must be after the start.').waitFor();
    await axe(emma, 'request dialog');
  });
  await step('API error (no working time) is shown in the preview', emma, async () => {
    await fillRequestHours(emma, saturday, '09:00', '17:00');
    await byTestId(emma, 'request-preview').getByTestId('form-error').waitFor();
    await shot(emma, 'request-no-working-time');
  });
  await step('live preview shows duration and balance after', emma, async () => {
    await fillRequestHours(emma, dayA, '09:00', '17:00');
    const duration = byTestId(emma, 'preview-duration');
    await duration.waitFor();
    assert((await duration.innerText()).includes('8 h'), 'duration shows 8 h');
    await byTestId(emma, 'preview-balance-after').waitFor();
    await shot(emma, 'request-preview');
    await byTestId(emma, 'request-submit').click();
    await expectToast(emma, 'Request submitted');
  });
  await step('employee submits two more requests', emma, async () => {
    await byTestId(emma, 'request-dialog').waitFor({ state: 'detached' });
    await submitDay(dayB);
    await submitDay(dayC);
  });
  await step('overlapping request is refused with a clear message', emma, async () => {
    await openDialog();
    await fillRequestHours(emma, dayA, '10:00', '12:00');
    // the preview already says the server would refuse: Submit is disabled, the reason is a sentence
    await byTestId(emma, 'request-refused').waitFor();
    assert(await byTestId(emma, 'request-submit').isDisabled(), 'submit is disabled while the preview refuses');
    const refusalText = await byTestId(emma, 'request-refused').innerText();
    assert(refusalText.trim().length > 0 && !refusalText.includes('[object Object]'), `the refusal is a sentence: ${refusalText}`);
    await shot(emma, 'request-overlap');
    await emma.keyboard.press('Escape');
    await byTestId(emma, 'request-dialog').waitFor({ state: 'detached' });
  });
  await step('employee cancels the third request', emma, async () => {
    await nav(emma, 'My requests');
    await byTestId(emma, 'my-requests-table').waitFor();
    const rows = byTestId(emma, 'request-row').filter({ hasText: policyKey });
    assert((await rows.count()) === 3, 'three requests listed');
    // Newest start first: the first row is dayC.
    await rows.first().getByTestId('cancel-request').click();
    await byTestId(emma, 'confirm-cancel').click();
    await expectToast(emma, 'Request cancelled');
    await rows.first().locator('[data-status="CANCELLED"]').waitFor();
    await shot(emma, 'my-requests');
    await axe(emma, 'my requests');
  });

  // ---------- Manager: approve, deny, calendar ----------
  console.log('\nManager decides');
  const manager = await newPage(browser);
  await step('manager approves the first and denies the second request', manager, async () => {
    await signIn(manager, config.manager, config.managerPassword);
    await nav(manager, 'Approvals');
    const cards = byTestId(manager, 'approval-card').filter({ hasText: policyKey });
    await cards.first().waitFor();
    assert((await cards.count()) === 2, 'two pending requests for the policy');
    await shot(manager, 'approvals');
    await axe(manager, 'approvals');
    const first = cards.first();
    assert(!(await first.getByTestId('approval-balance').innerText()).includes('Loading'), 'balance shown');
    await first.getByTestId('decision-note').fill('Enjoy!');
    await first.getByTestId('approve-request').click();
    await expectToast(manager, 'Approved');
    await manager.waitForFunction(
      (key) => [...document.querySelectorAll('[data-testid="approval-card"]')].filter((c) => c.textContent.includes(key)).length === 1,
      policyKey,
    );
    const remaining = cards.first();
    await remaining.getByTestId('decision-note').fill('Team offsite that day, sorry.');
    await remaining.getByTestId('deny-request').click();
    // deny asks first (issue 26)
    await byTestId(manager, 'deny-dialog').waitFor();
    await byTestId(manager, 'confirm-deny').click();
    await expectToast(manager, 'Denied');
  });
  await step('team calendar shows the approved absence', manager, async () => {
    await nav(manager, 'Team calendar');
    await byTestId(manager, 'calendar-grid').waitFor();
    const target = new Date(`${dayA}T12:00:00`);
    const now = new Date();
    const months = (target.getFullYear() - now.getFullYear()) * 12 + target.getMonth() - now.getMonth();
    for (let i = 0; i < months; i++) await manager.getByRole('button', { name: 'Next month' }).click();
    const cell = manager.locator(`[data-date="${dayA}"] li`);
    await cell.first().waitFor();
    await shot(manager, 'team-calendar');
    await axe(manager, 'team calendar');
  });

  // ---------- Employee sees the result ----------
  console.log('\nEmployee sees balances and ledger');
  await step('balances and ledger reflect the approval', emma, async () => {
    await nav(emma, 'My balances');
    await emma.reload();
    const card = byTestId(emma, `balance-card-${policyKey}`);
    await card.waitFor();
    const text = await card.innerText();
    assert(text.includes('32 h'), `available 32 h after approval (card: ${text.replace(/\s+/g, ' ')})`);
    const ledger = byTestId(emma, 'ledger-table');
    await ledger.waitFor();
    const ledgerText = await ledger.innerText();
    assert(ledgerText.includes('Usage') && ledgerText.includes('Adjustment'), 'ledger shows usage and adjustment');
    await shot(emma, 'employee-balances-after');
    await nav(emma, 'My requests');
    const rows = byTestId(emma, 'request-row').filter({ hasText: policyKey });
    await rows.locator('[data-status="APPROVED"]').first().waitFor();
    await rows.locator('[data-status="DENIED"]').first().waitFor();
  });

  // ---------- Admin: audit and CSV ----------
  console.log('\nAdmin checks the audit log and exports');
  await step('audit log shows the approval with its before/after diff', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await nav(admin, 'Audit log');
    await selectOption(admin, 'audit-entity', 'Request');
    await selectOption(admin, 'audit-action', 'Approve');
    // wait for the filtered page (the previous page stays on screen while it loads)
    const row = admin.locator('[data-testid="audit-row"][data-action="APPROVE"]').first();
    await row.waitFor();
    await row.getByTestId('audit-expand').click();
    await byTestId(admin, 'json-diff').first().waitFor();
    await shot(admin, 'audit-log');
    await axe(admin, 'audit log');
  });
  await step('ledger export downloads a CSV', admin, async () => {
    await nav(admin, 'Reports');
    await byTestId(admin, 'balance-report').waitFor();
    await axe(admin, 'reports');
    await byTestId(admin, 'tab-ledger-export').click();
    await selectOption(admin, 'export-policy', policyKey);
    const [download] = await Promise.all([admin.waitForEvent('download'), byTestId(admin, 'download-csv').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(path, 'utf8');
    assert(csv.split('\n').length >= 3, 'CSV has a header and rows');
    assert(/USAGE/.test(csv), 'CSV contains the usage entry');
    await download.saveAs(new URL(`./artifacts/ledger-${suffix}.csv`, import.meta.url).pathname);
  });
  for (const [route, label] of [
    ['/admin/holidays', 'holidays'],
    ['/admin/employees', 'employees'],
    ['/admin/policies', 'policies'],
  ]) {
    await step(`${label} screen is accessible`, admin, async () => {
      await admin.goto(route);
      await admin.locator('main h1').waitFor();
      await admin.waitForLoadState('networkidle');
      await shot(admin, `admin-${label}`);
      await axe(admin, label);
    });
  }

  // ---------- Phone ----------
  const phone = await newPage(browser, { width: 375, height: 740 });
  await step('phone layout collapses the navigation', phone, async () => {
    await signIn(phone, config.employee, config.employeePassword);
    await byTestId(phone, 'nav-toggle').waitFor();
    assert(!(await phone.getByRole('navigation', { name: 'Primary' }).isVisible()), 'nav hidden until opened');
    await nav(phone, 'My requests');
    await byTestId(phone, 'my-requests-table').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `no page-level horizontal scroll (overflow ${overflow}px)`);
    await shot(phone, 'phone-my-requests');
  });
  if (!ok('employee signs in and sees the new balance')) console.log('  (employee steps depend on the admin setup)');
  for (const p of [admin, emma, manager, phone]) await p.context().close();
  await notificationsScenario(browser, { step, runner });
  await lifecycle(browser, runner);
  await issue19(browser, runner);
  await issue20(browser, runner);
  await issue16(browser, runner);
  await issue28(browser, runner);
  await issue29(browser, runner);
  // last: it adds 60 people to the demo company
  await issue26(browser, runner);
}

/** E2E_ONLY=28 (or a comma-separated list) runs only those issue scenarios after the smoke steps. */
const ONLY = {
  15: lifecycle,
  16: issue16,
  17: (browser, runner) => notificationsScenario(browser, { step: runner.step, runner }),
  19: issue19,
  20: issue20,
  26: issue26,
  28: issue28,
  29: issue29,
};

const browser = await launch();
const started = Date.now();
try {
  await smoke(browser);
  if (process.env.E2E_ONLY) {
    for (const id of process.env.E2E_ONLY.split(',')) await ONLY[id.trim()](browser, runner);
  } else if (!smokeOnly) await full(browser);
} finally {
  await browser.close();
}

const failed = runner.results.filter((r) => !r.ok);
console.log(`\n${runner.results.length - failed.length}/${runner.results.length} steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (a11yFailures.length) {
  console.log(`\nSerious/critical accessibility violations (${a11yFailures.length}):`);
  for (const v of a11yFailures) console.log(`  [${v.impact}] ${v.screen}: ${v.id} — ${v.help}\n      ${v.nodes.join('\n      ')}`);
}
console.log(`Artifacts: ${new URL('./artifacts/', import.meta.url).pathname}`);
process.exit(failed.length || a11yFailures.length ? 1 : 0);

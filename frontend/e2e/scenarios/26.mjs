// Issue 26 — an HR admin's first day: a company of 60 more people read whole by a client that never
// pages (as the original web UI did: lists, dashboard count, names in approvals); request rules set
// in the policy form (a blackout, then a request into it is refused with its sentence); an import
// that reports every problem of a row at once; the payroll report by pay period; the final
// statement printed alone; the company settings page; the per-day breakdown of a stored request.
import { readFileSync } from 'node:fs';
import { apiCall as call, apiToken as token, assert, axe, byTestId, config, expectToast, futureWeekday, loadHolidays, nav, newPage, selectOption, shot, signIn } from '../lib.mjs';

const HEADER = 'email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type';
const PEOPLE = 60;

export async function issue26(browser, { step }) {
  console.log('\nIssue 26: an HR admin\'s first day');
  const suffix = Date.now().toString(36);
  const spread = (Date.now() / 1000 / 60) % 300 | 0;
  await loadHolidays(); // after issue 28's preset import
  const blackoutDay = futureWeekday(90 + spread);
  const pendingDay = futureWeekday(90 + spread + 3);
  const freezeName = `E2E freeze ${suffix}`;
  const rulesKey = `e2e-rules-form-${suffix}`;
  let setup = null;

  await step('issue 26: 60 more people are read whole by a client that never pages', null, async () => {
    const adminToken = await token(config.admin, config.adminPassword);
    const me = await call(adminToken, 'GET', '/auth/me');
    const cid = me.company_id;
    // "Zz" last names sort after the demo company, so earlier pages of other scenarios stay as they were
    const department = `Sixty-${suffix}`;
    const rows = [`${HEADER},department`];
    for (let i = 0; i < PEOPLE; i++) {
      rows.push(`p${i}-${suffix}@sixty.test,Sixty${i},Zz${suffix}${String(i).padStart(2, '0')},${i === PEOPLE - 1 ? config.manager : ''},,,,,,${department}`);
    }
    const imported = await call(adminToken, 'POST', `/companies/${cid}/imports/employees`, rows.join('\n'), 'text/csv');
    assert(imported.created === PEOPLE, `60 created: ${JSON.stringify(imported)}`);
    // the last one (alphabetically) reports to the demo manager and asks for a day off
    const all = await call(adminToken, 'GET', `/companies/${cid}/employees`); // no limit: the whole list
    const last = all.items.find((e) => e.email === `p${PEOPLE - 1}-${suffix}@sixty.test`);
    assert(last, `the 60th person is in the list without limit (${all.items.length} of ${all.total})`);
    const sick = await call(adminToken, 'POST', `/companies/${cid}/policies`, {
      key: `e2e-sixty-${suffix}`,
      category: 'SICK',
      version: { effective_from: '2020-01-01', settings: { type: 'UNLIMITED' } },
    });
    const bulk = await call(adminToken, 'POST', `/companies/${cid}/policies/${sick.id}/assignments/bulk`, { effective_from: '2020-01-01', department });
    assert(bulk.created.length === PEOPLE, `all 60 assigned: ${bulk.created.length}`);
    const request = await call(adminToken, 'POST', `/companies/${cid}/requests`, {
      employee_id: last.id,
      policy_id: sick.id,
      start_at: `${pendingDay}T09:00`,
      end_at: `${pendingDay}T17:00`,
    });

    // The client that never pages: one GET per list, no offset/limit, exactly as the original UI.
    const employees = await call(adminToken, 'GET', `/companies/${cid}/employees`);
    assert(employees.total >= PEOPLE && employees.total > 50 && employees.items.length === employees.total,
      `every employee in one answer: ${employees.items.length} of ${employees.total}`);
    const balances = await call(adminToken, 'GET', `/companies/${cid}/reports/balances`);
    assert(balances.items.length === balances.total && balances.total >= PEOPLE, `every balance row: ${balances.items.length} of ${balances.total}`);
    // dashboard count: the list it counts holds everybody the summary counts
    const summary = await call(adminToken, 'GET', `/companies/${cid}/reports/summary`);
    assert(employees.items.length >= summary.employees, `dashboard count ${employees.items.length} ≥ ${summary.employees}`);
    // names in approvals: every pending request's person is in the list, so a name (not an id) is shown
    const pending = await call(adminToken, 'GET', `/companies/${cid}/requests?status=SUBMITTED&limit=100`);
    const ids = new Set(employees.items.map((e) => e.id));
    const nameless = pending.items.filter((r) => !ids.has(r.employee_id));
    assert(nameless.length === 0, `every pending request has a name: ${nameless.map((r) => r.employee_id)}`);
    // with limit the lists still page
    const page = await call(adminToken, 'GET', `/companies/${cid}/employees?limit=50`);
    assert(page.items.length === 50 && page.total === employees.total, 'limit=50 pages');
    setup = { cid, adminToken, last, request };
  });

  const manager = await newPage(browser);
  if (setup) {
    await step('issue 26: our approvals page names the 60th person and confirms a deny', manager, async () => {
      await signIn(manager, config.manager, config.managerPassword);
      await nav(manager, 'Approvals');
      const card = manager.locator(`[data-testid="approval-card"][data-request-id="${setup.request.id}"]`);
      await card.getByRole('heading', { name: new RegExp(`Sixty${PEOPLE - 1}`) }).waitFor();
      await card.getByTestId('request-days-toggle').click();
      await card.getByTestId('request-breakdown').locator('[data-reason="WORKDAY"]').waitFor();
      await card.getByTestId('decision-note').fill('E2E: please pick another day');
      await card.getByTestId('deny-request').click();
      await byTestId(manager, 'deny-dialog').waitFor();
      await shot(manager, 'i26-deny-confirm');
      await axe(manager, 'deny confirmation');
      await byTestId(manager, 'confirm-deny').click();
      await expectToast(manager, 'Denied');
    });
  }
  await manager.context().close();

  const admin = await newPage(browser);
  let policyCreated = false;
  await step('issue 26: the admin sets a blackout period in the policy form', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await nav(admin, 'Policies');
    await byTestId(admin, 'new-policy').click();
    await byTestId(admin, 'policy-key').fill(rulesKey);
    await selectOption(admin, 'policy-type', 'Unlimited');
    await byTestId(admin, 'add-blackout').click();
    await byTestId(admin, 'blackout-start-0').fill(blackoutDay);
    await byTestId(admin, 'blackout-end-0').fill(blackoutDay);
    await byTestId(admin, 'blackout-name-0').fill(freezeName);
    await byTestId(admin, 'policy-rules-notice').fill('0');
    await shot(admin, 'i26-policy-rules');
    await axe(admin, 'policy form with request rules');
    await byTestId(admin, 'policy-submit').click();
    await admin.getByRole('heading', { name: rulesKey }).waitFor();
    await admin.getByText(`Blackout ${freezeName}`, { exact: false }).waitFor();
    policyCreated = true;
  });

  if (policyCreated && setup) {
    await step('issue 26: a request into the blackout is refused with its sentence', null, async () => {
      const policies = await call(setup.adminToken, 'GET', `/companies/${setup.cid}/policies?limit=100`);
      const policy = policies.items.find((p) => p.key === rulesKey);
      const employees = await call(setup.adminToken, 'GET', `/companies/${setup.cid}/employees`);
      const emmaRecord = employees.items.find((e) => e.email === config.employee);
      await call(setup.adminToken, 'POST', `/companies/${setup.cid}/policies/${policy.id}/assignments`, {
        employee_id: emmaRecord.id,
        effective_from: '2020-01-01',
      });
      setup.rulesPolicy = policy;
      setup.emma = emmaRecord;
      const emmaToken = await token(config.employee, config.employeePassword);
      try {
        await call(emmaToken, 'POST', `/companies/${setup.cid}/requests`, {
          employee_id: emmaRecord.id,
          policy_id: policy.id,
          start_at: `${blackoutDay}T09:00`,
          end_at: `${blackoutDay}T17:00`,
        });
        throw new Error('the request into the blackout was accepted');
      } catch (e) {
        assert(e.status === 400 && e.body.code === 'rule_blackout', `refused by the rule: ${e.message}`);
        assert(String(e.body.detail).includes(freezeName), `the sentence names the period: ${e.body.detail}`);
      }
    });
    const emma = await newPage(browser);
    await step('issue 26: …and the request dialog says so before submitting', emma, async () => {
      await signIn(emma, config.employee, config.employeePassword);
      await nav(emma, 'My requests');
      await byTestId(emma, 'open-request-dialog').click();
      await byTestId(emma, 'request-dialog').waitFor();
      await selectOption(emma, 'request-policy', rulesKey);
      await byTestId(emma, 'request-start-date').fill(blackoutDay);
      await byTestId(emma, 'request-end-date').fill(blackoutDay);
      const note = byTestId(emma, 'request-refused');
      await note.waitFor();
      assert((await note.innerText()).includes(freezeName), 'the refusal names the blackout period');
      assert(await byTestId(emma, 'request-submit').isDisabled(), 'Submit is off');
      await shot(emma, 'i26-blackout-refused');
      await emma.keyboard.press('Escape');
      await byTestId(emma, 'request-dialog').waitFor({ state: 'detached' });
    });
    await step('issue 26: my requests show a request day by day, whole days as dates', emma, async () => {
      const row = byTestId(emma, 'request-row').first();
      await row.waitFor();
      await row.getByTestId('request-days-toggle').click();
      await row.getByTestId('request-breakdown').waitFor();
      const to = await row.getByTestId('request-to').innerText();
      assert(!/12:00\s?AM/.test(to), `no "12:00 AM" end: ${to}`);
      await axe(emma, 'my requests with the days');
    });
    await emma.context().close();
  }

  await step('issue 26: one upload lists every problem of a row, and the preview keeps "Smith, Jr." in one cell', admin, async () => {
    await admin.goto('/admin/employees/import');
    await byTestId(admin, 'import-file').waitFor();
    assert((await admin.locator('main').innerText()).includes('MON TUE WED THU FRI'), 'the work-days format is in the hint');
    const file = [
      HEADER,
      `jr-${suffix}@e2e.test,Al,"Smith, Jr.",,Europe/Paris,2024-01-01,MON TUE,480,SALARY`,
      `bad-${suffix}@e2e.test,=Bad,Row,ghost-${suffix}@e2e.test,Mars/Olympus,2024-02-30,MON FUNDAY,30,WEEKLY`,
    ].join('\n');
    await byTestId(admin, 'import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
    await byTestId(admin, 'import-preview').getByRole('cell', { name: 'Smith, Jr.', exact: true }).waitFor();
    await byTestId(admin, 'import-errors').waitFor();
    const problems = await byTestId(admin, 'import-error-row').allInnerTexts();
    const row3 = problems.filter((p) => p.startsWith('3'));
    assert(row3.length >= 6, `every problem of row 3 at once: ${row3}`);
    assert(row3.some((p) => p.includes('manager_email')), `the unknown manager is among them: ${row3}`);
    assert((await byTestId(admin, 'import-summary').innerText()).includes('1 new'), 'only the valid row counts as new');
    await shot(admin, 'i26-import-one-pass');
    await axe(admin, 'import report');
  });

  await step('issue 26: the payroll report by pay period, on screen and as CSV', admin, async () => {
    await admin.goto('/admin/reports');
    await byTestId(admin, 'tab-payroll').click();
    await selectOption(admin, 'payroll-period-kind', 'Other dates');
    const today = new Date().toISOString().slice(0, 10);
    await byTestId(admin, 'payroll-start').fill(`${today.slice(0, 4)}-01-01`);
    await byTestId(admin, 'payroll-end').fill(today);
    await byTestId(admin, 'payroll-row').first().waitFor();
    await shot(admin, 'i26-payroll');
    await axe(admin, 'payroll report');
    const [download] = await Promise.all([admin.waitForEvent('download'), byTestId(admin, 'payroll-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert(csv.startsWith('period_start,period_end,employee_id,employee_name'), `payroll CSV header: ${csv.slice(0, 80)}`);
    assert(csv.trim().split('\n').length > 2, 'payroll CSV has rows');
  });

  await step('issue 26: the final statement prints alone (no navigation, tabs or buttons)', admin, async () => {
    await admin.goto('/admin/employees');
    await byTestId(admin, 'employee-search').fill(config.employee);
    await byTestId(admin, 'employee-row').first().getByRole('link').click();
    await byTestId(admin, 'tab-employment').click();
    await byTestId(admin, 'final-statement-card').waitFor();
    await admin.emulateMedia({ media: 'print' });
    try {
      const shown = await admin.evaluate(() => {
        const visible = (el) => !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'
          && el.getClientRects().length > 0;
        const statement = document.querySelector('[data-testid="final-statement-card"]');
        return {
          statement: visible(statement) && visible(statement.querySelector('table') ?? statement),
          nav: visible(document.querySelector('#primary-nav')),
          tabs: [...document.querySelectorAll('[role="tablist"]')].some(visible),
          buttons: [...document.querySelectorAll('button')].filter(visible).length,
          heading: visible(document.querySelector('main h1')),
        };
      });
      assert(shown.statement, 'the statement prints');
      assert(!shown.nav && !shown.tabs && shown.buttons === 0 && !shown.heading, `only the statement prints: ${JSON.stringify(shown)}`);
      await shot(admin, 'i26-final-statement-print');
    } finally {
      await admin.emulateMedia({ media: 'screen' });
    }
  });

  await step('issue 26: single sign-on lives on the company settings page; the audit log names company rows', admin, async () => {
    await nav(admin, 'Company settings');
    await byTestId(admin, 'company-section-sso').waitFor();
    await byTestId(admin, 'sso-settings').waitFor();
    await axe(admin, 'company settings');
    await shot(admin, 'i26-company-settings');
    await admin.goto('/account');
    await byTestId(admin, 'company-settings-link').waitFor();
    assert((await byTestId(admin, 'sso-settings').count()) === 0, 'no SSO card on the personal account page');
    await admin.goto('/admin/audit');
    await selectOption(admin, 'audit-entity', 'Company');
    await admin.locator('[data-testid="audit-row"][data-entity="COMPANY"]').first().waitFor();
    const text = await admin.locator('main').innerText();
    assert(!text.includes('audit.what'), 'no raw message keys');
  });
  await admin.context().close();
}

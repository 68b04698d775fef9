// Issue 15 in the browser: import a team from CSV (preview, problems, then the real import),
// bulk-assign a policy to their department, terminate the manager after reviewing the final
// statement, see the report left to reassign, then rehire. Issue 24: a termination with a future
// last day is withdrawn first (a rehire is only for an employment that has ended).
import { assert, axe, byTestId, expectToast, futureWeekday, iso, nav, newPage, selectOption, shot, signIn, config } from '../lib.mjs';

const HEADER = 'email,first_name,last_name,manager_email,timezone,hire_date,work_days,workday_minutes,pay_type,role,department,location';

export async function lifecycle(browser, { step }) {
  console.log('\nEmployee lifecycle (issue 15)');
  const suffix = Date.now().toString(36);
  const dept = `E2E-${suffix}`;
  const boss = `lead-${suffix}@e2e.test`;
  const report = `member-${suffix}@e2e.test`;
  const good = [
    HEADER,
    `${report},Rita,Member${suffix},${boss},Europe/Paris,2024-02-01,MON TUE WED THU FRI,480,SALARY,employee,${dept},Paris`,
    `${boss},Leo,Lead${suffix},,Europe/Paris,2023-05-01,MON;TUE;WED;THU;FRI,480,SALARY,manager,${dept},Paris`,
  ].join('\n');
  const bad = good.replace(boss, `ghost-${suffix}@e2e.test`).replace('2023-05-01', '2023-02-30');
  const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const admin = await newPage(browser);

  const imported = await step('import: preview and every problem, then the whole file at once', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await nav(admin, 'Employees');
    await byTestId(admin, 'import-employees').click();
    await byTestId(admin, 'import-file').setInputFiles(csv('bad.csv', bad));
    await byTestId(admin, 'import-errors').waitFor();
    await byTestId(admin, 'import-preview').waitFor();
    const problems = await byTestId(admin, 'import-error-row').allInnerTexts();
    assert(problems.some((p) => p.startsWith('2') && p.includes('manager_email')), `unknown manager on row 2: ${problems}`);
    assert(problems.some((p) => p.startsWith('3') && p.includes('hire_date')), `bad date on row 3: ${problems}`);
    assert(await byTestId(admin, 'import-run').isDisabled(), 'nothing can be imported while problems remain');
    await shot(admin, 'import-problems');
    await axe(admin, 'import with problems');
    await byTestId(admin, 'import-file').setInputFiles(csv('team.csv', good));
    await byTestId(admin, 'import-summary').filter({ hasText: '2 new' }).waitFor();
    await byTestId(admin, 'import-run').click();
    await expectToast(admin, 'Imported: 2 created');
  });

  if (imported) {
    await step('bulk assign: the department gets a policy in one call', admin, async () => {
      await nav(admin, 'Policies');
      await admin.getByRole('link', { name: 'vacation', exact: true }).first().click();
      await byTestId(admin, 'tab-assignments').click();
      await selectOption(admin, 'bulk-target', 'A department');
      await selectOption(admin, 'bulk-department', dept);
      await byTestId(admin, 'bulk-from').fill(futureWeekday(1));
      await byTestId(admin, 'bulk-assign').click();
      await byTestId(admin, 'bulk-result').filter({ hasText: '2 assigned' }).waitFor();
      await shot(admin, 'bulk-assign');
    });
  }

  const withdrawn = imported && (await step('a future termination is withdrawn: employed again, the report keeps the manager', admin, async () => {
    await nav(admin, 'Employees');
    await byTestId(admin, 'employee-search').fill(boss);
    await admin.getByRole('link', { name: `Leo Lead${suffix}` }).click();
    await byTestId(admin, 'tab-employment').click();
    await byTestId(admin, 'final-statement-card').waitFor();
    await byTestId(admin, 'termination-date').fill(futureWeekday(7));
    await byTestId(admin, 'terminate').click();
    await byTestId(admin, 'terminate-dialog').waitFor();
    await byTestId(admin, 'confirm-terminate').click();
    await expectToast(admin, 'Termination recorded');
    await byTestId(admin, 'reports-to-reassign').filter({ hasText: `Rita Member${suffix}` }).waitFor();
    assert(!(await byTestId(admin, 'rehire-date').isVisible()), 'no rehire while still employed');
    await byTestId(admin, 'withdraw-termination').click();
    await byTestId(admin, 'withdraw-dialog').waitFor();
    await axe(admin, 'withdraw termination');
    await byTestId(admin, 'confirm-withdraw').click();
    await expectToast(admin, 'Termination withdrawn');
    await byTestId(admin, 'termination-date').waitFor();
    await shot(admin, 'termination-withdrawn');
  }));

  const terminated = withdrawn && (await step('terminate: confirm with the final statement; the report is left to reassign', admin, async () => {
    const yesterday = new Date();
    yesterday.setDate(yesterday.getDate() - 1);
    await byTestId(admin, 'termination-date').fill(iso(yesterday));
    await byTestId(admin, 'termination-reason').fill('Moved on');
    await byTestId(admin, 'terminate').click();
    const dialog = byTestId(admin, 'terminate-dialog');
    await dialog.waitFor();
    await dialog.locator('[data-testid="final-statement"]').waitFor();
    await shot(admin, 'terminate-confirmation');
    await axe(admin, 'terminate confirmation');
    await byTestId(admin, 'confirm-terminate').click();
    await expectToast(admin, 'Termination recorded');
    await byTestId(admin, 'reports-to-reassign').filter({ hasText: `Rita Member${suffix}` }).waitFor();
    await byTestId(admin, 'rehire-date').waitFor();
    assert(await byTestId(admin, 'print-statement').isVisible(), 'the statement can be printed');
    await shot(admin, 'terminated');
    await axe(admin, 'employment tab');
  }));

  if (terminated) {
    await step('rehire: active again', admin, async () => {
      const d = new Date();
      d.setDate(d.getDate() + 7);
      await byTestId(admin, 'rehire-date').fill(iso(d));
      await byTestId(admin, 'rehire').click();
      await expectToast(admin, 'Employee rehired');
      await byTestId(admin, 'employment-status').filter({ hasText: 'Active' }).waitFor();
      await byTestId(admin, 'termination-date').waitFor();
    });
  }
  await admin.context().close();
}

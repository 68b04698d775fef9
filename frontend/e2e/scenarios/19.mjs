// Issue 19 in the browser: a request into a blackout period is refused with the rule's sentence
// (Submit stays off), a manager enters (and approves) time off for a report from "My team", and
// delegates approvals to a colleague who then approves a report's request on the manager's behalf.
import { apiCall as call, apiToken as token, assert, byTestId, config, expectToast, futureWeekday, loadHolidays, nav, newPage, selectOption, shot, signIn } from '../lib.mjs';

export async function issue19(browser, { step }) {
  const suffix = Date.now().toString(36);
  const key = `e2e-rules-${suffix}`;
  const spread = (Date.now() / 1000 / 60) % 300 | 0;
  await loadHolidays();
  const blackoutDay = futureWeekday(60 + spread);
  const freeDay = futureWeekday(60 + spread + 500);
  const delegatedDay = futureWeekday(60 + spread + 510);
  const deputyEmail = `deputy-${suffix}@acme.test`;
  const deputyPassword = 'deputy-password-19';
  let setup = null;

  await step('issue 19: admin sets up a policy with a blackout period (API)', null, async () => {
    const adminToken = await token(config.admin, config.adminPassword);
    const me = await call(adminToken, 'GET', '/auth/me');
    const cid = me.company_id;
    const employees = (await call(adminToken, 'GET', `/companies/${cid}/employees?limit=100`)).items;
    const emma = employees.find((e) => e.email === config.employee);
    assert(emma && emma.manager_id, 'the demo employee has a manager');
    const policy = await call(adminToken, 'POST', `/companies/${cid}/policies`, {
      key,
      category: 'VACATION',
      version: {
        effective_from: '2020-01-01',
        settings: {
          type: 'UNLIMITED',
          request_rules: { blackout_periods: [{ start_date: blackoutDay, end_date: blackoutDay, name: 'E2E close' }] },
        },
      },
    });
    await call(adminToken, 'POST', `/companies/${cid}/policies/${policy.id}/assignments`, {
      employee_id: emma.id,
      effective_from: '2020-01-01',
    });
    // a second manager, to whom the demo manager delegates in the browser
    const deputyId = crypto.randomUUID();
    await call(adminToken, 'PUT', `/companies/${cid}/employees/${deputyId}`, {
      first_name: 'Dana',
      last_name: `Deputy ${suffix}`,
      email: deputyEmail,
    });
    await call(adminToken, 'PUT', `/companies/${cid}/employees/${deputyId}/account`, { role: 'manager', password: deputyPassword });
    setup = { cid, emma, adminToken, managerId: emma.manager_id };
  });
  if (!setup) return;

  const emma = await newPage(browser);
  await step('issue 19: a request into the blackout is refused with its sentence', emma, async () => {
    await signIn(emma, config.employee, config.employeePassword);
    await nav(emma, 'My requests');
    await byTestId(emma, 'open-request-dialog').click();
    await byTestId(emma, 'request-dialog').waitFor();
    await selectOption(emma, 'request-policy', key);
    await byTestId(emma, 'request-start-date').fill(blackoutDay);
    await byTestId(emma, 'request-end-date').fill(blackoutDay);
    await byTestId(emma, 'preview-rule-warnings').waitFor();
    await byTestId(emma, 'preview-breakdown').waitFor();
    // Submit stays off, and the sentence says why (naming the period)
    const note = byTestId(emma, 'request-refused');
    await note.waitFor();
    const text = await note.innerText();
    assert(text.includes('E2E close'), `the refusal names the blackout period: ${text}`);
    assert(await byTestId(emma, 'request-submit').isDisabled(), 'Submit is disabled while a rule is broken');
    await shot(emma, 'issue19-blackout-refused');
    await emma.keyboard.press('Escape');
  });
  await emma.context().close();

  const manager = await newPage(browser);
  await step('issue 19: the manager enters and approves time off for a report', manager, async () => {
    await signIn(manager, config.manager, config.managerPassword);
    await nav(manager, 'My team');
    const card = manager.locator(`[data-testid="team-report"][data-employee-id="${setup.emma.id}"]`);
    await card.waitFor();
    await card.getByTestId('enter-time-off').click();
    await byTestId(manager, 'request-dialog').waitFor();
    await selectOption(manager, 'request-policy', key);
    await byTestId(manager, 'request-start-date').fill(freeDay);
    await byTestId(manager, 'request-end-date').fill(freeDay);
    await byTestId(manager, 'preview-duration').waitFor();
    await byTestId(manager, 'request-approve-now').check();
    await byTestId(manager, 'request-submit').click();
    await expectToast(manager, 'Time off entered for');
    await shot(manager, 'issue19-on-behalf');
  });
  let delegated = false;
  await step('issue 19: the manager delegates approvals to a colleague', manager, async () => {
    await byTestId(manager, 'team-tab-delegation').click();
    await selectOption(manager, 'delegate-select', `Dana Deputy ${suffix} (manager)`);
    const today = new Date().toISOString().slice(0, 10); // delegations are UTC dates
    await byTestId(manager, 'delegate-start').fill(today);
    await byTestId(manager, 'delegate-end').fill(futureWeekday(7));
    await byTestId(manager, 'delegate-submit').click();
    await expectToast(manager, `Approvals delegated to Dana Deputy ${suffix}`);
    await byTestId(manager, 'delegation-list').locator('li').filter({ hasText: `Dana Deputy ${suffix}` }).first().waitFor();
    await shot(manager, 'issue19-delegation');
    delegated = true;
  });

  const deputy = await newPage(browser);
  await step('issue 19: the delegate approves a report\'s request on the manager\'s behalf', deputy, async () => {
    assert(delegated, 'the delegation was created');
    const emmaToken = await token(config.employee, config.employeePassword);
    const request = await call(emmaToken, 'POST', `/companies/${setup.cid}/requests`, {
      employee_id: setup.emma.id,
      policy_id: (await call(setup.adminToken, 'GET', `/companies/${setup.cid}/policies?limit=100`)).items.find((p) => p.key === key).id,
      start_at: `${delegatedDay}T09:00`,
      end_at: `${delegatedDay}T17:00`,
    });
    await signIn(deputy, deputyEmail, deputyPassword);
    await nav(deputy, 'Approvals');
    const card = deputy.locator(`[data-testid="approval-card"][data-request-id="${request.id}"]`);
    await card.waitFor();
    // the card names the other manager's report (GET …/delegations/reports)
    await card.getByRole('heading', { name: /Emma/ }).waitFor();
    // and shows the balance (the delegate may read it while the delegation is in force)
    await card.getByTestId('approval-balance').getByText('Unlimited').waitFor();
    await card.getByTestId('approve-request').click();
    await expectToast(deputy, 'Approved Emma');
    await shot(deputy, 'issue19-delegate-approved');
    const decided = await call(setup.adminToken, 'GET', `/companies/${setup.cid}/requests/${request.id}`);
    assert(decided.status === 'APPROVED', `approved: ${decided.status}`);
    assert(decided.decided_on_behalf_of === setup.managerId, `decided on the manager's behalf: ${decided.decided_on_behalf_of}`);
  });
  await deputy.context().close();

  await step('issue 19: the manager revokes the delegation', manager, async () => {
    const item = byTestId(manager, 'delegation-list').locator('li').filter({ has: manager.getByTestId('delegation-revoke') }).first();
    await item.waitFor();
    await item.getByTestId('delegation-revoke').click();
    await byTestId(manager, 'delegation-list').getByText('(revoked)').first().waitFor();
  });
  await manager.context().close();
}

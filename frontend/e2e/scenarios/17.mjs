// Issue 17: after a submit, the development mailbox shows the manager's e-mail, and its link
// leads to the approval.
import { assert, axe, byTestId, config, futureWeekday, newPage, shot, signIn } from '../lib.mjs';

/** Calls the API from the signed-in page with its own token. */
async function apiFrom(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = window.sessionStorage.getItem('powerpto.token');
      const res = await fetch(`/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

export async function notificationsScenario(browser, { step }) {
  console.log('\nE-mail notifications (issue 17)');
  const emma = await newPage(browser);
  const manager = await newPage(browser);
  let requestId = null;
  await step('employee submits a request (e-mail queued for the manager)', emma, async () => {
    await signIn(emma, config.employee, config.employeePassword);
    const me = (await apiFrom(emma, 'GET', '/auth/me')).json;
    const cid = me.company_id;
    const assignments = (await apiFrom(emma, 'GET', `/companies/${cid}/employees/${me.user_id}/assignments`)).json;
    assert(assignments.items?.length > 0, 'the employee has a policy');
    const spread = (Date.now() / 1000 / 60) % 300 | 0;
    const day = futureWeekday(130 + spread + 1600);
    const created = await apiFrom(emma, 'POST', `/companies/${cid}/requests`, {
      employee_id: me.user_id,
      policy_id: assignments.items[0].policy_id,
      start_at: `${day}T09:00`,
      end_at: `${day}T11:00`,
    });
    assert(created.status === 201, `submit answered ${created.status}: ${JSON.stringify(created.json)}`);
    requestId = created.json.id;
  });
  await step('development mailbox shows the manager\u2019s e-mail and its link opens the approval', manager, async () => {
    assert(requestId, 'a request was submitted');
    await signIn(manager, config.manager, config.managerPassword);
    await manager.goto('/dev/mailbox');
    const message = byTestId(manager, 'mail-subject').filter({ hasText: 'Time-off request from' }).first();
    await message.waitFor({ timeout: 30000 }); // the worker sends every 5 s
    // Open the newest message for this request (its link names the request id).
    const subjects = byTestId(manager, 'mail-subject').filter({ hasText: 'Time-off request from' });
    // The worker may not have sent this request's message yet (older ones are already listed): look
    // through the list again until it arrives.
    let link = null;
    const deadline = Date.now() + 45000;
    while (!link && Date.now() < deadline) {
      for (let i = 0; i < (await subjects.count()) && !link; i++) {
        await subjects.nth(i).click();
        const candidate = byTestId(manager, 'mail-body').locator(`a[href*="request=${requestId}"]`);
        if (await candidate.count()) link = candidate.first();
        else await subjects.nth(i).click();
      }
      if (!link) await manager.waitForTimeout(2000);
    }
    assert(link, 'an e-mail links to the new request');
    await shot(manager, 'dev-mailbox');
    await link.click();
    await manager.waitForURL((url) => url.pathname === '/approvals' && url.search.includes(requestId));
    await byTestId(manager, 'approval-card').first().waitFor();
  });
  await whosOutScenario(browser, { step, emma, manager });
  for (const p of [emma, manager]) await p.context().close();
}

/**
 * Who's out for everyone: a colleague of Emma (same manager) gets a short absence approved this
 * week; Emma (an employee) sees it in the team calendar and in the panel on her landing page.
 */
async function whosOutScenario(browser, { step, emma, manager }) {
  const ethan = await newPage(browser);
  let day = null;
  await step('a colleague\u2019s absence this week is approved', ethan, async () => {
    await signIn(ethan, process.env.E2E_COLLEAGUE_EMAIL ?? 'ethan@acme.test', config.password);
    const me = (await apiFrom(ethan, 'GET', '/auth/me')).json;
    const cid = me.company_id;
    const assignments = (await apiFrom(ethan, 'GET', `/companies/${cid}/employees/${me.user_id}/assignments`)).json;
    assert(assignments.items?.length > 0, 'the colleague has a policy');
    day = futureWeekday(1);
    // Half-hour slots, so a rerun on the same day finds a free one instead of an overlap.
    let created = null;
    for (let slot = 0; slot < 16 && created?.status !== 201; slot++) {
      const from = 9 * 60 + slot * 30;
      const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      created = await apiFrom(ethan, 'POST', `/companies/${cid}/requests`, {
        employee_id: me.user_id,
        policy_id: assignments.items[0].policy_id,
        start_at: `${day}T${hhmm(from)}`,
        end_at: `${day}T${hhmm(from + 30)}`,
      });
    }
    assert(created.status === 201, `submit answered ${created.status}: ${JSON.stringify(created.json)}`);
    const approved = await apiFrom(manager, 'POST', `/companies/${cid}/requests/${created.json.id}/approve`, {});
    assert(approved.status === 200, `approve answered ${approved.status}`);
  });
  await step('the employee sees it in the team calendar (weekends shaded) and in who\u2019s out', emma, async () => {
    assert(day, 'an absence was approved');
    await emma.goto('/team-calendar');
    await byTestId(emma, 'calendar-grid').waitFor();
    const target = new Date(`${day}T12:00:00`);
    const now = new Date();
    const months = (target.getFullYear() - now.getFullYear()) * 12 + target.getMonth() - now.getMonth();
    for (let i = 0; i < months; i++) await emma.getByRole('button', { name: 'Next month' }).click();
    await emma.locator(`[data-date="${day}"] [data-testid="calendar-absence"]`, { hasText: 'Ethan Evans' }).first().waitFor();
    assert((await emma.locator('[data-weekend="true"]').count()) >= 8, 'weekends are shaded');
    await shot(emma, 'team-calendar-employee');
    await axe(emma, 'team calendar (employee)');
    await emma.goto('/balances');
    const panel = byTestId(emma, 'whos-out-panel');
    await panel.getByTestId('whos-out-row').filter({ hasText: 'Ethan Evans' }).first().waitFor();
    await shot(emma, 'whos-out-panel');
  });
  await ethan.context().close();
}

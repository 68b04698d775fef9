// Issue 17: after a submit, the development mailbox shows the manager's e-mail, and its link
// leads to the approval.
import { assert, byTestId, config, futureWeekday, newPage, shot, signIn } from '../lib.mjs';

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
  for (const p of [emma, manager]) await p.context().close();
}

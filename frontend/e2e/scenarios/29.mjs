// Issue 29 in the browser: `make run` connects the demo company to the development Slack stand-in.
// An employee submits a request; the manager finds it as a Slack direct message on the development
// Slack page (/dev/slack) and clicks Approve there: the click goes to the app's interactivity
// endpoint signed as Slack signs it, the request is approved, and the message shows the outcome.
import { assert, axe, byTestId, config, futureWeekday, newPage, shot, signIn } from '../lib.mjs';

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

export async function issue29(browser, runner) {
  const { step } = runner;
  console.log('\nIssue 29: approve from (development) Slack');
  const emma = await newPage(browser);
  const manager = await newPage(browser);
  let requestId = null;
  let companyId = null;

  await step('an employee submits a request (the manager gets a Slack message)', emma, async () => {
    await signIn(emma, config.employee, config.employeePassword);
    const me = (await apiFrom(emma, 'GET', '/auth/me')).json;
    companyId = me.company_id;
    const assignments = (await apiFrom(emma, 'GET', `/companies/${companyId}/employees/${me.user_id}/assignments`)).json;
    assert(assignments.items?.length > 0, 'the employee has a policy');
    const spread = (Date.now() / 1000 / 60) % 400 | 0;
    let created = null;
    for (let attempt = 0; attempt < 10 && created?.status !== 201; attempt++) {
      const day = futureWeekday(2200 + spread + attempt * 3);
      created = await apiFrom(emma, 'POST', `/companies/${companyId}/requests`, {
        employee_id: me.user_id,
        policy_id: assignments.items[0].policy_id,
        start_at: `${day}T13:00`,
        end_at: `${day}T15:00`,
        reason: 'Dentist (Slack e2e)',
      });
    }
    assert(created.status === 201, `submit answered ${created.status}: ${JSON.stringify(created.json)}`);
    requestId = created.json.id;
  });

  await step('the manager approves it on the development Slack page', manager, async () => {
    assert(requestId, 'a request was submitted');
    await signIn(manager, config.manager, config.managerPassword);
    await manager.goto('/dev/slack');
    // The worker delivers every 5 s: wait for this request's message (its link names the request).
    const message = byTestId(manager, 'slack-message').filter({ has: manager.locator(`a[href*="request=${requestId}"]`) });
    await message.first().waitFor({ timeout: 45000 });
    assert((await message.first().innerText()).includes('Dentist (Slack e2e)'), 'the message shows the reason');
    await shot(manager, 'dev-slack-request');
    await axe(manager, 'development Slack');
    await message.first().getByTestId('slack-approve').click();
    // The approvers' messages are redrawn right after the click was acknowledged.
    await message.first().getByTestId('slack-outcome').filter({ hasText: 'Approved by Mark Manager' }).waitFor({ timeout: 20000 });
    assert((await message.first().getByTestId('slack-approve').count()) === 0, 'the buttons are gone');
    const request = await apiFrom(manager, 'GET', `/companies/${companyId}/requests/${requestId}`);
    assert(request.json.status === 'APPROVED', `the request is ${request.json.status}`);
    await shot(manager, 'dev-slack-approved');
  });

  await step('the employee gets the decision as a Slack message too', emma, async () => {
    await emma.goto('/dev/slack');
    await byTestId(emma, 'slack-headline').filter({ hasText: 'Your time off is approved' }).first().waitFor({ timeout: 20000 });
    await shot(emma, 'dev-slack-employee');
  });
  for (const p of [emma, manager]) await p.context().close();
}

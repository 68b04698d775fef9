// Issue 16 in the browser: single sign-on through the local demo identity provider that
// `make run` (and this e2e server) starts for the demo company — an employee signs in with
// "Continue with Demo SSO"; an unknown e-mail and an unverified one land on a refusal that says
// why; the admin sees the company's SSO settings without the client secret.
import { assert, axe, byTestId, config, newPage, shot, signIn } from '../lib.mjs';

/** From the sign-in page through the demo provider's login form back to the app. */
async function throughDemoSso(page, email, { verified = true } = {}) {
  await page.goto('/sign-in');
  await byTestId(page, 'sign-in-email').fill(email);
  const button = byTestId(page, 'sso-continue');
  await button.waitFor();
  assert((await button.innerText()).trim() === 'Continue with Demo SSO', `button text: ${await button.innerText()}`);
  await button.click();
  // The provider's own page (another origin): it asks for the e-mail again.
  await page.locator('#demo-sso-form').waitFor();
  assert(!page.url().startsWith(config.baseUrl), `at the provider, not the app: ${page.url()}`);
  await page.locator('#email').fill(email);
  if (!verified) await page.locator('#verified').uncheck();
  await page.locator('#demo-sso-submit').click();
  await page.waitForURL((url) => url.origin === new URL(config.baseUrl).origin && !url.pathname.startsWith('/api/'));
}

export async function issue16(browser, runner) {
  const { step } = runner;
  console.log('\nIssue 16: single sign-on through the local demo provider');

  const emma = await newPage(browser);
  await step('an employee signs in with "Continue with Demo SSO" and lands in the app', emma, async () => {
    await throughDemoSso(emma, config.employee);
    await emma.waitForURL((url) => url.pathname === '/balances');
    await emma.locator('main#main h1').first().waitFor();
    assert((await emma.evaluate(() => window.location.hash)) === '', 'the token is gone from the address bar');
    const me = await emma.evaluate(async () => {
      const res = await fetch('/api/auth/me', { headers: { Authorization: `Bearer ${sessionStorage.getItem('powerpto.token')}` } });
      return res.json();
    });
    assert(me.employee?.email === config.employee, `signed in as ${JSON.stringify(me.employee?.email)}`);
    await shot(emma, 'sso-signed-in');
  });

  const stranger = await newPage(browser);
  await step('an unknown e-mail lands on the refusal page with the reason', stranger, async () => {
    await throughDemoSso(stranger, `nobody-${Date.now().toString(36)}@acme.test`);
    await stranger.waitForURL((url) => url.pathname === '/sign-in/sso');
    const reason = await byTestId(stranger, 'sso-refusal-reason').innerText();
    assert(reason.includes('no employee of this company has that e-mail address'), `reason: ${reason}`);
    assert((await stranger.evaluate(() => window.location.hash)) === '', 'the fragment is cleared');
    assert((await stranger.evaluate(() => sessionStorage.getItem('powerpto.token'))) === null, 'no session stored');
    await shot(stranger, 'sso-unknown-user');
    await axe(stranger, 'sso refusal');
    await stranger.getByRole('link', { name: 'Back to sign-in' }).click();
    await stranger.waitForURL((url) => url.pathname === '/sign-in');
  });

  await step('an e-mail the provider did not verify is refused, in plain language', stranger, async () => {
    await throughDemoSso(stranger, config.employee, { verified: false });
    await stranger.waitForURL((url) => url.pathname === '/sign-in/sso');
    const reason = await byTestId(stranger, 'sso-refusal-reason').innerText();
    assert(reason.includes('did not confirm that the e-mail address belongs to you'), `reason: ${reason}`);
  });

  const admin = await newPage(browser);
  await step('the admin sees the company single sign-on settings, never the client secret', admin, async () => {
    await signIn(admin, config.admin, config.adminPassword);
    await admin.goto('/admin/settings');
    const card = byTestId(admin, 'sso-settings');
    await card.waitFor();
    assert((await byTestId(admin, 'sso-provider-name').inputValue()) === 'Demo SSO', 'provider name');
    assert((await byTestId(admin, 'sso-email-domain').inputValue()) === 'acme.test', 'e-mail domain');
    assert((await byTestId(admin, 'sso-client-secret').inputValue()) === '', 'the secret is never shown');
    assert((await card.innerText()).includes('Leave empty to keep it'), 'says a secret is stored');
    await shot(admin, 'sso-settings');
  });

  const requireSso = async (on) => {
    await admin.goto('/admin/settings');
    await byTestId(admin, 'sso-settings').waitFor();
    const box = byTestId(admin, 'sso-require');
    if ((await box.isChecked()) !== on) await box.click();
    await byTestId(admin, 'sso-save').click();
    await byTestId(admin, 'toast').filter({ hasText: 'Single sign-on saved' }).first().waitFor();
  };
  const employee = await newPage(browser);
  await step('when the company requires single sign-on the password form says so; the break-glass admin still uses a password', employee, async () => {
    await requireSso(true);
    try {
      await employee.goto('/sign-in');
      await byTestId(employee, 'sign-in-email').fill(config.employee);
      const note = byTestId(employee, 'sso-required');
      await note.waitFor();
      assert((await note.innerText()).includes('Your company signs in with Demo SSO'), `note: ${await note.innerText()}`);
      await byTestId(employee, 'sign-in-password').fill(config.employeePassword ?? config.password);
      await byTestId(employee, 'sign-in-submit').click();
      await employee.getByText('Your company signs in with Demo SSO only.').waitFor();
      await shot(employee, 'sso-required');
      await axe(employee, 'sign-in with required SSO');
      const breakGlass = await newPage(browser);
      await signIn(breakGlass, config.admin, config.adminPassword);
      await breakGlass.context().close();
    } finally {
      await requireSso(false);
    }
  });

  // Last of the run: it ends every session of the demo employee.
  const otherDevice = await newPage(browser);
  await step('"Sign out everywhere" on the Account page ends the session here and on every other device', emma, async () => {
    await signIn(otherDevice, config.employee, config.employeePassword ?? config.password);
    await emma.goto('/account');
    const oldToken = await emma.evaluate(() => sessionStorage.getItem('powerpto.token'));
    assert(oldToken, 'signed in through single sign-on');
    await byTestId(emma, 'sign-out-everywhere-card').waitFor();
    await axe(emma, 'account with sign out everywhere');
    await byTestId(emma, 'sign-out-everywhere').click();
    await emma.waitForURL((url) => url.pathname === '/sign-in');
    assert((await emma.evaluate(() => sessionStorage.getItem('powerpto.token'))) === null, 'signed out here');
    const status = await emma.evaluate(async (token) => (await fetch('/api/auth/me', { headers: { Authorization: `Bearer ${token}` } })).status, oldToken);
    assert(status === 401, `the old token is refused: ${status}`);
    await otherDevice.goto('/requests');
    await otherDevice.waitForURL((url) => url.pathname === '/sign-in');
    await byTestId(otherDevice, 'sign-in-form').getByText('Your session has ended').waitFor();
    await shot(otherDevice, 'signed-out-everywhere-other-device');
  });

  for (const p of [emma, stranger, admin, employee, otherDevice]) await p.context().close();
}

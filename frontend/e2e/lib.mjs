// Small helpers around playwright-core + axe for the Power PTO end-to-end run.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
for (const f of readdirSync(ARTIFACTS)) if (f.endsWith('.png') || f.endsWith('.csv')) rmSync(join(ARTIFACTS, f));

export const config = {
  baseUrl: (process.env.BASE_URL ?? 'http://localhost:8000').replace(/\/$/, ''),
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: process.env.HEADED !== '1',
  password: process.env.E2E_PASSWORD ?? 'demo-password-1',
  admin: process.env.E2E_ADMIN_EMAIL ?? 'admin@acme.test',
  manager: process.env.E2E_MANAGER_EMAIL ?? 'manager@acme.test',
  employee: process.env.E2E_EMPLOYEE_EMAIL ?? 'emma@acme.test',
  adminPassword: process.env.E2E_ADMIN_PASSWORD,
  managerPassword: process.env.E2E_MANAGER_PASSWORD,
  employeePassword: process.env.E2E_EMPLOYEE_PASSWORD,
  timeout: Number(process.env.E2E_TIMEOUT_MS ?? 15000),
};

export async function launch() {
  return chromium.launch({
    executablePath: config.chromium,
    headless: config.headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true, baseURL: config.baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(config.timeout);
  const consoleErrors = [];
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.consoleErrors = consoleErrors;
  return page;
}

let shotNo = 0;
export async function shot(page, name) {
  shotNo += 1;
  const file = join(ARTIFACTS, `${String(shotNo).padStart(2, '0')}-${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Violations of serious/critical impact on the current page, collected for the final report. */
export const a11yFailures = [];
export async function axe(page, screen) {
  // Let transitions and lazy chunks settle.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    a11yFailures.push({ screen, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) });
  }
  const minor = results.violations.length - bad.length;
  console.log(`    axe ${screen}: ${bad.length} serious/critical, ${minor} minor`);
  return bad;
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Pick an option of a Radix Select (trigger by test id, option by accessible name). */
export async function selectOption(page, testId, name) {
  await byTestId(page, testId).click();
  await page.getByRole('option', { name }).first().click();
}

export async function signIn(page, email, password = config.password) {
  await page.goto('/sign-in');
  await byTestId(page, 'sign-in-email').fill(email);
  await byTestId(page, 'sign-in-password').fill(password);
  await byTestId(page, 'sign-in-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: config.timeout });
  await page.locator('main#main h1').first().waitFor();
}

export async function signOut(page) {
  const toggle = byTestId(page, 'nav-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await byTestId(page, 'user-menu').click();
  await byTestId(page, 'sign-out').click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}

export async function nav(page, label) {
  const toggle = byTestId(page, 'nav-toggle');
  if (await toggle.isVisible()) await toggle.click();
  const link = page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: label, exact: true });
  await link.click();
  // The old page stays on screen until the route's render commits: a locator used right after the
  // click could find a button of the old page (balances and requests both have "Request time off").
  // NavLink marks the link current in the same commit that shows the new page.
  await page.waitForFunction((name) => [...document.querySelectorAll('#primary-nav a[aria-current="page"]')]
    .some((a) => a.textContent.trim() === name), label);
}

/** The request dialog's "hours" mode: one day, from–to (local times of the employee). */
export async function fillRequestHours(page, day, from, to) {
  await byTestId(page, 'request-mode-hours').check({ force: true });
  await byTestId(page, 'request-start-date').fill(day);
  await byTestId(page, 'request-from-time').fill(from);
  await byTestId(page, 'request-to-time').fill(to);
}

export async function expectToast(page, text) {
  await byTestId(page, 'toast').filter({ hasText: text }).first().waitFor();
}

export function assert(cond, message) {
  if (!cond) throw new Error(`Assertion failed: ${message}`);
}

/** A runner: named steps, a screenshot on failure, a summary and exit code. */
export function createRunner() {
  const results = [];
  return {
    results,
    async step(name, page, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
        return true;
      } catch (err) {
        let file = '';
        try {
          if (page) file = await shot(page, `FAILED-${name}`);
        } catch {
          /* page may be gone */
        }
        results.push({ name, ok: false, error: err, ms: Date.now() - started });
        console.log(`  ✗ ${name}\n    ${String(err?.message ?? err).split('\n').join('\n    ')}${file ? `\n    screenshot: ${file}` : ''}`);
        return false;
      }
    },
  };
}

/** A bearer token for an account, through the API's password sign-in. */
export async function apiToken(email, password) {
  const res = await fetch(`${config.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: password ?? config.password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (await res.json()).access_token;
}

/** One API call; a non-2xx answer throws an Error carrying `status` and the error `body`. */
export async function apiCall(tok, method, path, body, contentType = 'application/json') {
  const res = await fetch(`${config.baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, 'content-type': contentType },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const json = res.status === 204 ? null : await res.json();
  if (!res.ok) {
    const error = new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    error.status = res.status;
    error.body = json;
    throw error;
  }
  return json;
}

// The company's holidays (every location), so that a day picked for a request is a working day on any
// date the suite runs: the demo calendar and the presets imported by earlier scenarios close days
// that a minute-based spread lands on now and then.
const companyHolidays = new Set();

export async function loadHolidays(yearsAhead = 8) {
  const tok = await apiToken(config.admin, config.adminPassword);
  const me = await apiCall(tok, 'GET', '/auth/me');
  const first = new Date().getFullYear();
  for (let year = first; year <= first + yearsAhead; year++) {
    for (let offset = 0; ; offset += 100) {
      const page = await apiCall(tok, 'GET', `/companies/${me.company_id}/holidays?year=${year}&limit=100&offset=${offset}`);
      for (const h of page.items) companyHolidays.add(h.date);
      if (page.items.length < 100) break;
    }
  }
}

/** YYYY-MM-DD of the first working day (Mon–Fri, no company holiday) `daysAhead` days from now or after. */
export function futureWeekday(daysAhead) {
  const d = new Date();
  d.setDate(d.getDate() + daysAhead);
  while (d.getDay() === 0 || d.getDay() === 6 || companyHolidays.has(iso(d))) d.setDate(d.getDate() + 1);
  return iso(d);
}

export function nextSaturday(afterIso) {
  const d = new Date(`${afterIso}T12:00:00`);
  while (d.getDay() !== 6) d.setDate(d.getDate() + 1);
  return iso(d);
}

export function iso(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Employee, RequestPreview, Role } from '@/lib/types';
import { renderSignedIn } from '@/test/app';
import { RequestDialog } from './RequestDialog';

/**
 * The whole dialog against a stubbed server: what the preview says about the policy's rules
 * decides whether Submit is on, and an admin may submit past them with a reason.
 */

const COMPANY = 'c0000000-0000-4000-8000-000000000001';
const emma: Employee = {
  id: 'e0000000-0000-4000-8000-000000000e01', company_id: COMPANY, first_name: 'Emma', last_name: 'Employee',
  email: 'emma@acme.test', pay_type: 'SALARY', workday_minutes: 480, timezone: 'UTC', hire_date: null,
  manager_id: null, work_days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], workday_start: '09:00',
} as Employee;
const POLICY = 'p0000000-0000-4000-8000-000000000001';

const blackoutPreview: RequestPreview = {
  requested_minutes: 480,
  available_minutes_after: null,
  warnings: ['Time off cannot be requested during “Year-end close” (2027-12-28 to 2028-01-02); 2027-12-28 falls inside it.'],
  days: [{ date: '2027-12-28', minutes: 480, reason: 'WORKDAY' }],
  rule_violations: [{
    code: 'rule_blackout',
    message: 'Time off cannot be requested during “Year-end close” (2027-12-28 to 2028-01-02); 2027-12-28 falls inside it.',
    context: { blackout_name: 'Year-end close', blackout_start_date: '2027-12-28', blackout_end_date: '2028-01-02', date: '2027-12-28' },
  }],
};

let posted: { path: string; body: Record<string, unknown> }[] = [];

const UNLIMITED = { available_minutes: null, is_unlimited: true };

function server(role: Role, userId: string, preview: RequestPreview, balance: { available_minutes: number | null; is_unlimited: boolean } = UNLIMITED) {
  posted = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = url.replace(/^\/api/, '').split('?')[0];
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (path === '/auth/me') return json({ user_id: userId, company_id: COMPANY, role, employee: role === 'employee' ? emma : null });
    if (path.endsWith(`/employees/${emma.id}/balances`)) {
      return json({ items: [{ policy_id: POLICY, policy_key: 'vacation', policy_category: 'VACATION', accrued_minutes: 0,
        used_minutes: 0, held_minutes: 0, ...balance, updated_at: null }], total: 1, limit: 50, offset: 0 });
    }
    if (path.endsWith('/policies')) return json({ items: [], total: 0, limit: 100, offset: 0 });
    if (path.endsWith('/requests/preview')) return json(preview);
    if (path.endsWith('/requests') && init.method === 'POST') {
      const body = JSON.parse(String(init.body));
      posted.push({ path, body });
      return json({ id: 'r1', employee_id: emma.id, policy_id: POLICY, status: 'SUBMITTED', requested_minutes: 480,
        start_at: '2027-12-28T00:00:00Z', end_at: '2027-12-29T00:00:00Z' }, 201);
    }
    return json({ error: 'not stubbed: ' + path, detail: null, status_code: 404 }, 404);
  });
}

function open(locale: 'en' | 'de' = 'en') {
  renderSignedIn(
    <RequestDialog open onOpenChange={() => {}} employee={emma} />,
    { locale },
  );
}

async function pickDays() {
  const start = await screen.findByTestId('request-start-date');
  fireEvent.change(start, { target: { value: '2027-12-28' } });
  fireEvent.change(screen.getByTestId('request-end-date'), { target: { value: '2027-12-28' } });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('request dialog and the policy rules', { timeout: 20_000 }, () => {
  it('an employee cannot submit a request that breaks a rule, and reads why', async () => {
    server('employee', emma.id, blackoutPreview);
    open();
    await pickDays();
    const note = await screen.findByTestId('request-refused', {}, { timeout: 5000 });
    expect(note.textContent).toContain('Time off cannot be requested during “Year-end close”');
    expect(note.textContent).toContain('Dec 28, 2027');
    const submit = screen.getByTestId('request-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(submit.getAttribute('aria-describedby')).toBe('request-refused-note');
    expect(screen.queryByTestId('rule-override-reason')).toBeNull();
    expect(screen.getByTestId('preview-rule-warnings').textContent).toContain('Year-end close');
    fireEvent.submit(screen.getByTestId('request-form'));
    expect(posted).toHaveLength(0);
  });

  it('an admin may submit past the rules once they give a reason, which is sent', async () => {
    server('admin', 'a0000000-0000-4000-8000-000000000a01', blackoutPreview);
    open();
    await pickDays();
    const reason = await screen.findByTestId('rule-override-reason', {}, { timeout: 5000 });
    const submit = screen.getByTestId('request-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('rule-override').textContent).toContain('As an admin you may submit it anyway');
    fireEvent.change(reason, { target: { value: '   ' } });
    expect(submit.disabled).toBe(true);
    fireEvent.change(reason, { target: { value: 'Approved by the CFO' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].body).toMatchObject({ employee_id: emma.id, policy_id: POLICY, rule_override_reason: 'Approved by the CFO' });
  });

  it('without a broken rule Submit is on and no override reason is sent', async () => {
    server('admin', 'a0000000-0000-4000-8000-000000000a01', { ...blackoutPreview, warnings: [], rule_violations: [] });
    open();
    await pickDays();
    await screen.findByTestId('preview-duration', {}, { timeout: 5000 });
    expect(screen.queryByTestId('rule-override')).toBeNull();
    const submit = screen.getByTestId('request-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0].body).not.toHaveProperty('rule_override_reason');
  });

  it('the rule sentence is in the reader’s language, from the rule’s numbers', async () => {
    server('employee', emma.id, {
      ...blackoutPreview,
      rule_violations: [{ code: 'rule_staffing', message: 'On 2027-12-28 2 people of your department …',
        context: { scope: 'DEPARTMENT', limit: 2, date: '2027-12-28', already_away: 2 } }],
    });
    open('de');
    await pickDays();
    const note = await screen.findByTestId('request-refused', {}, { timeout: 5000 });
    expect(note.textContent).toContain('sind bereits 2 Personen aus Ihrer Abteilung abwesend');
    expect(note.textContent).toContain('höchstens 2 gleichzeitig');
    expect((screen.getByTestId('request-submit') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a German reader sees every amount in German (days and hours, decimal comma)', async () => {
    server(
      'employee',
      emma.id,
      {
        requested_minutes: 720,
        available_minutes_after: 480,
        warnings: [],
        rule_violations: [],
        days: [
          { date: '2027-12-28', minutes: 480, reason: 'WORKDAY' },
          { date: '2027-12-29', minutes: 240, reason: 'PARTIAL' },
        ],
      },
      { available_minutes: 1200, is_unlimited: false },
    );
    open('de');
    expect((await screen.findByTestId('request-current-balance', {}, { timeout: 5000 })).textContent).toContain('2,5 Tage (20 Std.)');
    await pickDays();
    const duration = await screen.findByTestId('preview-duration', {}, { timeout: 5000 });
    expect(duration.textContent).toContain('1,5 Tage');
    expect(duration.textContent).toContain('12 Std.');
    expect(screen.getByTestId('preview-balance-after').textContent).toBe('1 Tag');
    const breakdown = screen.getByTestId('preview-breakdown').textContent ?? '';
    expect(breakdown).toContain('8 Std.');
    expect(breakdown).toContain('4 Std.');
    expect(document.body.textContent).not.toMatch(/\bdays?\b|\d h\b/);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Employee, TimeOffRequest } from '@/lib/types';
import { Toaster } from '@/components/ui/toast';
import { renderSignedIn } from '@/test/app';
import MyTeamPage, { approverOptions } from './MyTeamPage';
import { createIntl } from 'react-intl';
import en from '@/i18n/messages/en';

/**
 * A manager's team page against a stubbed server: several pending requests approved at once with
 * one note (each its own call, so one refusal leaves the others approved), the team's balances
 * by policy name, and the history of the manager's own decisions.
 */

const COMPANY = 'c0000000-0000-4000-8000-000000000001';
const POLICY = 'p0000000-0000-4000-8000-000000000001';
const person = (id: string, first_name: string, last_name: string, manager_id: string | null): Employee =>
  ({
    id, company_id: COMPANY, first_name, last_name, email: `${first_name.toLowerCase()}@acme.test`, pay_type: 'SALARY',
    workday_minutes: 480, timezone: 'UTC', hire_date: null, manager_id, work_days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    workday_start: '09:00',
  }) as Employee;
const mark = person('m0000000-0000-4000-8000-000000000001', 'Mark', 'Manager', null);
const emma = person('e0000000-0000-4000-8000-000000000001', 'Emma', 'Employee', mark.id);
const ethan = person('e0000000-0000-4000-8000-000000000002', 'Ethan', 'Evans', mark.id);
const other = person('o0000000-0000-4000-8000-000000000001', 'Olga', 'Other', mark.id);

const request = (id: string, employee: Employee, status: TimeOffRequest['status'], extra: Partial<TimeOffRequest> = {}) =>
  ({
    id, employee_id: employee.id, policy_id: POLICY, status, requested_minutes: 480,
    start_at: '2030-03-04T09:00:00Z', end_at: '2030-03-04T17:00:00Z', decided_by: null, decided_at: null,
    decision_note: null, ...extra,
  }) as TimeOffRequest;

const REQUESTS = [
  request('r1', emma, 'SUBMITTED'),
  request('r2', ethan, 'SUBMITTED', { start_at: '2030-03-05T09:00:00Z', end_at: '2030-03-05T17:00:00Z' }),
  request('r3', emma, 'APPROVED', { decided_by: mark.id, decided_at: '2030-01-10T10:00:00Z', decision_note: 'Enjoy!' }),
  request('r4', ethan, 'DENIED', { decided_by: mark.id, decided_at: '2030-01-12T10:00:00Z', decided_on_behalf_of: other.id } as Partial<TimeOffRequest>),
  request('r5', other, 'APPROVED', { decided_by: other.id, decided_at: '2030-01-11T10:00:00Z' }),
];

let approvals: { id: string; body: Record<string, unknown> }[] = [];

function server() {
  approvals = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = url.replace(/^\/api/, '').split('?')[0];
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const page = (items: unknown[]) => json({ items, total: items.length, limit: 100, offset: 0 });
    if (path === '/auth/me') return json({ user_id: mark.id, company_id: COMPANY, role: 'manager', employee: mark });
    if (path.endsWith('/employees')) return page([mark, emma, ethan]);
    if (/\/employees\/[^/]+\/balances$/.test(path)) {
      return page([{ policy_id: POLICY, policy_key: 'vacation-2030', policy_name: 'Vacation', policy_category: 'VACATION',
        accrued_minutes: 1200, used_minutes: 0, held_minutes: 0, available_minutes: 1200, is_unlimited: false, updated_at: null }]);
    }
    if (path.endsWith('/policies')) return page([{ id: POLICY, key: 'vacation-2030', name: 'Vacation', current_version: { settings: { unit: 'DAYS' } } }]);
    const approve = path.match(/\/requests\/([^/]+)\/approve$/);
    if (approve && init.method === 'POST') {
      approvals.push({ id: approve[1], body: JSON.parse(String(init.body ?? '{}')) });
      // Ethan's request is refused (it overlaps another absence): Emma's stays approved
      if (approve[1] === 'r2') return json({ error: 'Conflict', detail: 'overlaps another request', status_code: 409, code: 'request_overlap' }, 409);
      return json({ ...REQUESTS[0], status: 'APPROVED' });
    }
    if (/\/requests\/r1\/days$/.test(path)) {
      return json({ request_id: 'r1', requested_minutes: 480, recomputed: false, days: [{ date: '2030-03-04', minutes: 480, reason: 'WORKDAY' }] });
    }
    if (path.endsWith('/delegations/approvers')) {
      return json({ items: [
        { id: mark.id, first_name: 'Mark', last_name: 'Manager', role: 'manager', account: 'active' },
        { id: 'i1', first_name: 'Ivo', last_name: 'Invited', role: 'manager', account: 'invited' },
        { id: 'i2', first_name: 'Imke', last_name: 'Imported', role: 'manager', account: 'none' },
      ] });
    }
    if (path.endsWith('/delegations')) return page([]);
    if (path.endsWith('/requests')) return page(REQUESTS);
    return json({ error: 'not stubbed: ' + path, detail: null, status_code: 404 }, 404);
  });
}

function open(locale: 'en' | 'de' = 'en') {
  renderSignedIn(
    <>
      <MyTeamPage />
      <Toaster />
    </>,
    { locale },
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('my team page', { timeout: 20_000 }, () => {
  it('approves the selected requests with one note; a refused one does not undo the others', async () => {
    server();
    open();
    const bulk = await screen.findByTestId('bulk-approve', {}, { timeout: 5000 });
    expect(bulk.textContent).toContain('Waiting for you (2)');
    const button = within(bulk).getByTestId('bulk-approve-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const boxes = within(bulk).getAllByTestId('bulk-select');
    expect(boxes).toHaveLength(2);
    boxes.forEach((b) => fireEvent.click(b));
    fireEvent.change(within(bulk).getByTestId('bulk-note'), { target: { value: '  Have a good break  ' } });
    expect(button.textContent).toContain('Approve selected (2)');
    fireEvent.click(button);
    await waitFor(() => expect(approvals).toHaveLength(2));
    expect(approvals.map((a) => a.id).sort()).toEqual(['r1', 'r2']);
    for (const a of approvals) expect(a.body).toEqual({ note: 'Have a good break' });
    expect((await screen.findByTestId('toast')).textContent).toContain('Approved 1 of 2 requests');
  });

  it('shows each report’s balances by policy name, in the reader’s language', async () => {
    server();
    open('de');
    const reports = await screen.findAllByTestId('team-report', {}, { timeout: 5000 });
    expect(reports).toHaveLength(2);
    const balances = await within(reports[0]).findByText(/Vacation:/);
    expect(balances.textContent).toBe('Vacation: 2,5 Tage (20 Std.)');
  });

  it('the Decisions tab lists the manager’s own decisions, newest first, with note and delegate mark', async () => {
    server();
    open();
    const tab = await screen.findByTestId('team-tab-decisions', {}, { timeout: 5000 });
    fireEvent.mouseDown(tab, { button: 0 });
    const list = await screen.findByTestId('team-decisions');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2); // Olga decided r5 herself: not Mark's decision
    expect(rows[0].textContent).toContain('Ethan Evans');
    expect(rows[0].querySelector('[data-status]')?.getAttribute('data-status')).toBe('DENIED');
    expect(rows[0].textContent).toContain('(as delegate)');
    expect(rows[1].textContent).toContain('Emma Employee');
    expect(rows[1].querySelector('[data-status]')?.getAttribute('data-status')).toBe('APPROVED');
    expect(rows[1].textContent).toContain('“Enjoy!”');
  });

  it('issue 26: an upcoming request shows its days, and a whole-day one its last day (not the midnight after)', async () => {
    REQUESTS.push(request('r6', ethan, 'APPROVED', { start_at: '2030-03-11T00:00:00Z', end_at: '2030-03-16T00:00:00Z' }));
    try {
      server();
      open();
      const reports = await screen.findAllByTestId('team-report', {}, { timeout: 5000 });
      const ethanCard = reports.find((r) => r.textContent?.includes('Ethan'))!;
      expect(ethanCard.textContent).toContain('Mar 11, 2030 → Mar 15, 2030');
      const emmaCard = reports.find((r) => r.textContent?.includes('Emma'))!;
      const r1 = emmaCard.querySelector('[data-testid="team-upcoming-request"][data-request-id="r1"]') as HTMLElement;
      fireEvent.click(within(r1).getByTestId('request-days-toggle'));
      const table = await within(emmaCard).findByTestId('request-breakdown');
      expect(table.querySelector('[data-reason="WORKDAY"]')).toBeTruthy();
    } finally {
      REQUESTS.pop();
    }
  });

  it('issue 26: delegation offers managers who have not signed in yet, and says so', () => {
    const t = (id: string, values?: Record<string, string | number | Date>) => createIntl({ locale: 'en', messages: en }).formatMessage({ id }, values);
    const options = approverOptions([
      { id: mark.id, first_name: 'Mark', last_name: 'Manager', role: 'manager', account: 'active' },
      { id: 'i1', first_name: 'Ivo', last_name: 'Invited', role: 'manager', account: 'invited' },
      { id: 'i2', first_name: 'Imke', last_name: 'Imported', role: 'manager', account: 'none' },
      { id: 'a1', first_name: 'Ada', last_name: 'Admin', role: 'admin' },
    ], mark.id, t as never);
    expect(options.map((o) => o.label)).toEqual([
      'Ivo Invited (manager, not signed in yet)',
      'Imke Imported (manager, not signed in yet)',
      'Ada Admin (admin)',
    ]);
  });
});

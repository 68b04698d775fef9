// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, employee, renderSignedIn, stubApi } from '@/test/app';
import type { Me, Policy, TimeOffRequest } from '@/lib/types';
import { ApprovalCard } from './ApprovalCard';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const MARK = employee('e0000000-0000-0000-0000-0000000000m1', 'Mark', 'Manager', 'mark@acme.test');
const EMMA = { ...employee('e0000000-0000-0000-0000-0000000000e1', 'Emma', 'Employee', 'emma@acme.test'), manager_id: MARK.id };
const managerMe: Me = { user_id: MARK.id, company_id: CID, role: 'manager', employee: MARK };
const POLICY = { id: 'p1', key: 'vacation', name: 'Vacation', current_version: { settings: { type: 'UNLIMITED' } } } as unknown as Policy;
// Wed 24 .. Wed 31 March 2027, whole days in Berlin (the dialog sends local midnights)
const REQUEST: TimeOffRequest = {
  id: 'r1', company_id: CID, employee_id: EMMA.id, policy_id: 'p1', start_at: '2027-03-23T23:00:00Z', end_at: '2027-03-31T22:00:00Z',
  requested_minutes: 5 * 480, reason: null, status: 'SUBMITTED', submitted_at: '2027-03-01T10:00:00Z', decided_at: null,
  decided_by: null, decision_note: null, idempotency_key: null, created_at: '2027-03-01T10:00:00Z',
};

function card() {
  return renderSignedIn(
    <ApprovalCard request={REQUEST} employee={EMMA} policy={POLICY} overlaps={[]} employees={new Map([[EMMA.id, EMMA]])} />,
  );
}

describe('approval card (issue 26)', () => {
  it('a full-day request of Mar 24–31 reads "→ Mar 31, 2027", not "Apr 1, 12:00 AM"', async () => {
    stubApi(() => undefined, managerMe);
    card();
    const times = await screen.findByTestId('approval-times');
    expect(times.textContent).toContain('Mar 24, 2027 → Mar 31, 2027');
    expect(document.body.textContent).not.toMatch(/Apr 1|12:00 AM/);
  });

  it('deny asks for confirmation before anything is sent', async () => {
    const calls = stubApi((call) => (call.path.endsWith('/deny') ? { ...REQUEST, status: 'DENIED' } : undefined), managerMe);
    card();
    fireEvent.change(await screen.findByTestId('decision-note'), { target: { value: 'Team offsite' } });
    fireEvent.click(screen.getByTestId('deny-request'));
    const dialog = await screen.findByTestId('deny-dialog');
    expect(within(dialog).getByText('Deny Emma Employee\'s request?')).toBeTruthy();
    expect(dialog.textContent).toContain('“Team offsite”');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(dialog).getByText('Keep it pending'));
    await waitFor(() => expect(screen.queryByTestId('deny-dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('deny-request'));
    fireEvent.click(await screen.findByTestId('confirm-deny'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/companies/${CID}/requests/r1/deny`]));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ note: 'Team offsite' });
  });

  it('shows the request day by day, from the breakdown counted at submit', async () => {
    const calls = stubApi((call) =>
      call.path === `/companies/${CID}/requests/r1/days`
        ? { request_id: 'r1', requested_minutes: 2400, recomputed: false, days: [
            { date: '2027-03-25', minutes: 480, reason: 'WORKDAY' },
            { date: '2027-03-26', minutes: 0, reason: 'HOLIDAY' },
            { date: '2027-03-27', minutes: 0, reason: 'WEEKEND' },
          ] }
        : undefined, managerMe);
    card();
    expect(calls.some((c) => c.path.endsWith('/days'))).toBe(false); // read only when asked
    fireEvent.click(await screen.findByTestId('request-days-toggle'));
    const table = await screen.findByTestId('request-breakdown');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(3);
    expect(table.querySelector('[data-reason="HOLIDAY"]')?.textContent).toContain('Holiday');
  });
});

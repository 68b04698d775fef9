// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, employee, renderSignedIn, stubApi } from '@/test/app';
import { clearSession } from '@/lib/session';
import type { Employee } from '@/lib/types';
import { Toaster } from '@/components/ui/toast';
import { LifecyclePanel } from './LifecyclePanel';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const LEAVING: Employee = { ...employee('e0000000-0000-0000-0000-000000000021', 'Emma', 'Leaving', 'emma@acme.test'),
  termination_date: '2027-06-30', status: 'ACTIVE' } as Employee;
const statement = { employee_id: LEAVING.id, termination_date: '2027-06-30', as_of: '2027-06-30', items: [], pending_requests: [] };

describe('withdrawing a future termination (issue 24)', { timeout: 20_000 }, () => {
  it('is offered until the last day ends, confirmed, and says what stays cancelled', async () => {
    const calls = stubApi((call) => {
      if (call.path.endsWith('/final-statement')) return statement;
      if (call.method === 'DELETE') {
        return { ...LEAVING, termination_date: null, restored_assignments: ['a1'], assignments_changed_since: [],
          restored_reports: [], reports_changed_since: ['r1'], cancelled_requests: ['q1', 'q2'], reversed_requests: [], trimmed_requests: [] };
      }
      return undefined;
    });
    renderSignedIn(<><LifecyclePanel employee={LEAVING} /><Toaster /></>);
    expect(await screen.findByTestId('statement-as-of')).toHaveProperty('textContent', 'Amounts as of Jun 30, 2027, grants still due by then included.');
    expect(screen.queryByTestId('rehire')).toBeNull(); // a rehire is refused while still employed
    const user = userEvent.setup();
    await user.click(screen.getByTestId('withdraw-termination'));
    await user.click(await screen.findByTestId('confirm-withdraw'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(calls.find((c) => c.method === 'DELETE')?.path).toBe(`/companies/${CID}/employees/${LEAVING.id}/termination`);
    expect(await screen.findByText('2 requests it cancelled stay cancelled; the employee can book them again. 1 change made since was kept as they are.'))
      .toBeTruthy();
  });

  it('after the last day only a rehire is offered', async () => {
    stubApi((call) => (call.path.endsWith('/final-statement') ? statement : undefined));
    renderSignedIn(<LifecyclePanel employee={{ ...LEAVING, status: 'TERMINATED' } as Employee} />, { locale: 'de' });
    expect(await screen.findByText('Wieder einstellen')).toBeTruthy();
    expect(screen.queryByTestId('withdraw-termination')).toBeNull();
  });
});

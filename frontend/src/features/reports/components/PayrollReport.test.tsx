// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, renderSignedIn, stubApi } from '@/test/app';
import { PayrollReport, type PayrollLine } from './PayrollReport';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const LINE: PayrollLine = {
  employee_id: 'e1', employee_name: 'Emma Employee', policy_id: 'p1', policy_key: 'vacation', policy_name: 'Urlaub',
  unit: 'DAYS', workday_minutes: 450, is_unlimited: false, opening_balance_minutes: 0, accrued_minutes: 900,
  taken_minutes: 450, adjusted_minutes: 0, expired_minutes: 200, prior_period_corrections_minutes: 4400, balance_minutes: 4650,
};

describe('payroll report (issue 26)', () => {
  it('asks for the chosen pay period and shows each amount in the policy unit, in German', async () => {
    const calls = stubApi((call) =>
      call.path === `/companies/${CID}/reports/payroll` ? { items: [LINE, { ...LINE, policy_id: 'p2', policy_name: 'Krank', is_unlimited: true, opening_balance_minutes: null, balance_minutes: null }], total: 2 } : undefined,
    );
    renderSignedIn(<PayrollReport />, { locale: 'de' });
    await screen.findAllByTestId('payroll-row'); // last month's, by default
    fireEvent.change(screen.getByTestId('payroll-month'), { target: { value: '2024-02' } });
    await waitFor(() => {
      const asked = calls.filter((c) => c.path.endsWith('/reports/payroll')).at(-1)!;
      expect([asked.query.get('start_date'), asked.query.get('end_date')]).toEqual(['2024-02-01', '2024-02-29']);
    });
    const rows = await screen.findAllByTestId('payroll-row');
    expect(rows[0].textContent).toContain('10,33 Tage'); // 4,650 minutes of a 7.5-hour day
    expect(rows[0].textContent).toContain('9,78 Tage'); // the corrections to earlier periods
    expect(rows[1].textContent).toContain('Unbegrenzt');
    expect(screen.getByText('Korrekturen (frühere Zeiträume)')).toBeTruthy();
  });
});

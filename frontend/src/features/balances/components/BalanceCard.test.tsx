// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderIn } from '@/test/render';
import type { Balance } from '@/lib/types';
import { BalanceCard } from './BalanceCard';

afterEach(cleanup);

const balance: Balance = {
  policy_id: 'p1',
  policy_key: 'vacation-tiered-a1',
  policy_category: 'VACATION',
  policy_name: 'Vacation (Germany)',
  policy_description: 'Paid leave, 30 days a year',
  accrued_minutes: 4800,
  used_minutes: 720,
  held_minutes: 0,
  available_minutes: 4080,
  is_unlimited: false,
  updated_at: null,
};

describe('BalanceCard', () => {
  it('is titled by the policy name, not its key, with the amounts in the policy unit', () => {
    renderIn(<BalanceCard balance={balance} unit="DAYS" workdayMinutes={480} />);
    expect(screen.getByRole('heading', { name: 'Vacation (Germany)' })).toBeTruthy();
    expect(screen.getByText('Paid leave, 30 days a year')).toBeTruthy();
    expect(document.body.textContent).not.toContain('vacation-tiered-a1');
    expect(screen.getByTestId('balance-available').textContent).toBe('8.5 days');
    expect(screen.getByTestId('balance-used').textContent).toBe('1.5 days · 12 h');
  });

  it('falls back to the key without a name; German words and numbers', () => {
    renderIn(<BalanceCard balance={{ ...balance, policy_name: null, policy_description: null }} unit="HOURS" workdayMinutes={480} />, 'de');
    expect(screen.getByRole('heading', { name: 'vacation-tiered-a1' })).toBeTruthy();
    expect(screen.getByText('Urlaub')).toBeTruthy();
    expect(screen.getByText('Verfügbar')).toBeTruthy();
    expect(screen.getByTestId('balance-available').textContent).toBe('68 Std.');
    expect(screen.getByTestId('balance-used').textContent).toBe('12 Std. · 1,5 Tage');
  });
});

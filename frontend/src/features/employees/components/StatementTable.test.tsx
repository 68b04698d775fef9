// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { renderIn } from '@/test/render';
import { StatementTable, type FinalStatement } from './LifecyclePanel';

afterEach(cleanup);

const statement: FinalStatement = {
  employee_id: 'e1',
  termination_date: '2027-03-31',
  items: [
    { policy_id: 'p1', policy_key: 'vacation', policy_name: 'Vacation', available_minutes: 1200, payable_minutes: 1200, unit: 'DAYS' },
    { policy_id: 'p2', policy_key: 'overtime', available_minutes: -600, payable_minutes: 0, unit: 'HOURS' },
    { policy_id: 'p3', policy_key: 'minutes', available_minutes: 45, payable_minutes: 45, unit: 'MINUTES' },
    { policy_id: 'p4', policy_key: 'sick', available_minutes: null, payable_minutes: 0, unit: 'DAYS' },
  ],
};

const cells = () => screen.getAllByTestId('final-statement-row').map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent));

describe('final statement units', () => {
  it('shows minutes in the policy unit, days by the workday', () => {
    renderIn(<StatementTable statement={statement} employee={{ workday_minutes: 480 }} />);
    expect(cells()).toEqual([
      ['Vacation', '2.5 days', '2.5 days'],
      ['overtime', '-10 h', '0 h'],
      ['minutes', '45 min', '45 min'],
      ['sick', 'Unlimited', '0 days'],
    ]);
  });

  it('in German', () => {
    renderIn(<StatementTable statement={statement} employee={{ workday_minutes: 480 }} />, 'de');
    expect(cells()[0]).toEqual(['Vacation', '2,5 Tage', '2,5 Tage']);
    expect(cells()[3][1]).toBe('Unbegrenzt');
  });
});

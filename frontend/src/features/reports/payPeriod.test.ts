import { describe, expect, it } from 'vitest';
import { payPeriod, previousMonth } from './payPeriod';

describe('pay periods (issue 26)', () => {
  const choice = { kind: 'MONTH' as const, month: '2024-02', start: '', end: '' };
  it('a month, either half of it, or a custom range', () => {
    expect(payPeriod(choice)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(payPeriod({ ...choice, kind: 'FIRST_HALF' })).toEqual({ start: '2024-02-01', end: '2024-02-15' });
    expect(payPeriod({ ...choice, kind: 'SECOND_HALF', month: '2023-02' })).toEqual({ start: '2023-02-16', end: '2023-02-28' });
    expect(payPeriod({ ...choice, kind: 'CUSTOM', start: '2024-01-01', end: '2024-01-14' })).toEqual({ start: '2024-01-01', end: '2024-01-14' });
  });
  it('nothing until the choice is complete and in order', () => {
    expect(payPeriod({ ...choice, month: '' })).toBeNull();
    expect(payPeriod({ ...choice, kind: 'CUSTOM', start: '2024-01-15', end: '2024-01-14' })).toBeNull();
    expect(payPeriod({ ...choice, kind: 'CUSTOM', start: '2024-01-15', end: '' })).toBeNull();
  });
  it('the previous month', () => {
    expect(previousMonth('2024-01-10')).toBe('2023-12');
    expect(previousMonth('2024-11-30')).toBe('2024-10');
  });
});

import { describe, expect, it } from 'vitest';
import { employeeToForm, formToEmployeeBody, isValidTimeZone, validateAdjustment, validateEmployeeForm } from './validation';
import { validateAssignment } from './components/AssignmentForm';
import { validateHoliday } from '@/features/holidays/pages/HolidaysPage';

const valid = { ...employeeToForm(null), first_name: 'Emma', last_name: 'Stone', email: 'emma@acme.test' };

describe('employee form', () => {
  it('has the contract defaults', () => {
    const f = employeeToForm(null);
    expect(f.workday_minutes).toBe('480');
    expect(f.timezone).toBe('UTC');
    expect(f.work_days).toEqual(['MON', 'TUE', 'WED', 'THU', 'FRI']);
    expect(f.workday_start).toBe('09:00');
  });
  it('validates names, e-mail, workday, zone, days, start', () => {
    expect(validateEmployeeForm(valid)).toEqual({});
    expect(validateEmployeeForm({ ...valid, email: 'nope' })).toHaveProperty('email');
    expect(validateEmployeeForm({ ...valid, workday_minutes: '59' })).toHaveProperty('workday_minutes');
    expect(validateEmployeeForm({ ...valid, workday_minutes: '1441' })).toHaveProperty('workday_minutes');
    expect(validateEmployeeForm({ ...valid, workday_minutes: '1440' })).toEqual({});
    expect(validateEmployeeForm({ ...valid, timezone: 'Mars/Base' })).toHaveProperty('timezone');
    expect(validateEmployeeForm({ ...valid, work_days: [] })).toHaveProperty('work_days');
    expect(validateEmployeeForm({ ...valid, workday_start: '25:00' })).toHaveProperty('workday_start');
    expect(validateEmployeeForm({ ...valid, manager_id: 'me' }, 'me')).toHaveProperty('manager_id');
  });
  it('builds the upsert body with nulls for blanks', () => {
    expect(formToEmployeeBody(valid)).toMatchObject({ workday_minutes: 480, hire_date: null, manager_id: null });
  });
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('adjustment, assignment, holiday forms', () => {
  it('adjustment needs policy, positive amount and a reason', () => {
    const v = { policy_id: 'p', direction: 'ADD' as const, amount: '2', unit: 'HOURS' as const, reason: 'Bonus day' };
    expect(validateAdjustment(v)).toEqual({});
    expect(validateAdjustment({ ...v, amount: '0' })).toHaveProperty('amount');
    expect(validateAdjustment({ ...v, amount: '-1' })).toHaveProperty('amount');
    expect(validateAdjustment({ ...v, reason: ' ' })).toHaveProperty('reason');
    expect(validateAdjustment({ ...v, reason: 'x'.repeat(1001) })).toHaveProperty('reason');
  });
  it('assignment end must be after start', () => {
    const v = { employee_id: 'e', policy_id: 'p', effective_from: '2025-01-01', effective_to: '' };
    expect(validateAssignment(v)).toEqual({});
    expect(validateAssignment({ ...v, effective_to: '2025-01-01' })).toHaveProperty('effective_to');
    expect(validateAssignment({ ...v, employee_id: '' })).toHaveProperty('employee_id');
  });
  it('holiday needs a date in the chosen year and a name', () => {
    expect(validateHoliday({ date: '2025-12-25', name: 'Christmas' }, 2025)).toEqual({});
    expect(validateHoliday({ date: '2026-01-01', name: 'New Year' }, 2025)).toHaveProperty('date');
    expect(validateHoliday({ date: '', name: '' })).toEqual({ date: expect.any(String), name: expect.any(String) });
  });
});

import type { Employee, WeekDay } from '@/lib/types';
import { isEmail } from '@/lib/email';

export interface EmployeeFormValues {
  first_name: string;
  last_name: string;
  email: string;
  pay_type: 'SALARY' | 'HOURLY';
  workday_minutes: string;
  timezone: string;
  hire_date: string;
  manager_id: string;
  work_days: WeekDay[];
  workday_start: string;
  department: string;
  location: string;
}

export function employeeToForm(e?: Employee | null): EmployeeFormValues {
  return {
    first_name: e?.first_name ?? '',
    last_name: e?.last_name ?? '',
    email: e?.email ?? '',
    pay_type: e?.pay_type ?? 'SALARY',
    workday_minutes: String(e?.workday_minutes ?? 480),
    timezone: e?.timezone ?? 'UTC',
    hire_date: e?.hire_date ?? '',
    manager_id: e?.manager_id ?? '',
    work_days: e?.work_days ?? ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    workday_start: (e?.workday_start ?? '09:00').slice(0, 5),
    department: e?.department ?? '',
    location: e?.location ?? '',
  };
}

export function isValidTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function validateEmployeeForm(v: EmployeeFormValues, selfId?: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.first_name.trim()) e.first_name = 'Enter the first name.';
  if (!v.last_name.trim()) e.last_name = 'Enter the last name.';
  if (!isEmail(v.email)) e.email = 'Enter a valid e-mail address.';
  const wm = Number(v.workday_minutes);
  if (!/^\d+$/.test(v.workday_minutes.trim()) || wm < 60 || wm > 1440) e.workday_minutes = 'A workday is 1 to 24 hours.';
  if (!isValidTimeZone(v.timezone.trim())) e.timezone = 'Enter an IANA time zone, e.g. Europe/Paris.';
  if (v.work_days.length === 0) e.work_days = 'Choose at least one work day.';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(v.workday_start)) e.workday_start = 'Enter a time like 09:00.';
  if (v.hire_date && !/^\d{4}-\d{2}-\d{2}$/.test(v.hire_date)) e.hire_date = 'Enter a valid date.';
  if (selfId && v.manager_id === selfId) e.manager_id = 'An employee cannot manage themself.';
  return e;
}

export function formToEmployeeBody(v: EmployeeFormValues) {
  return {
    first_name: v.first_name.trim(),
    last_name: v.last_name.trim(),
    email: v.email.trim(),
    pay_type: v.pay_type,
    workday_minutes: Number(v.workday_minutes),
    timezone: v.timezone.trim(),
    hire_date: v.hire_date || null,
    manager_id: v.manager_id || null,
    work_days: v.work_days,
    workday_start: v.workday_start,
    department: v.department.trim() || null,
    location: v.location.trim() || null,
  };
}

export interface AdjustmentFormValues {
  policy_id: string;
  direction: 'ADD' | 'DEDUCT';
  amount: string;
  unit: 'MINUTES' | 'HOURS' | 'DAYS';
  reason: string;
}

export function validateAdjustment(v: AdjustmentFormValues): Record<string, string> {
  const e: Record<string, string> = {};
  if (!v.policy_id) e.policy_id = 'Choose a policy.';
  const n = Number(v.amount);
  if (!v.amount.trim() || !Number.isFinite(n) || n <= 0) e.amount = 'Enter an amount above 0.';
  if (!v.reason.trim()) e.reason = 'Say why (it is kept in the ledger and audit log).';
  else if (v.reason.length > 1000) e.reason = 'Keep the reason under 1000 characters.';
  return e;
}

import { useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { addDays, parseDate } from '@/lib/format';

/** One absence of GET /companies/{cid}/whos-out: names and days, never reasons. */
export interface WhosOutItem {
  request_id: string;
  employee_id: string;
  name: string;
  first_day: string;
  last_day: string;
  start_at: string;
  end_at: string;
  status: 'APPROVED' | 'SUBMITTED';
  all_day: boolean;
  policy_id?: string;
}

/** A holiday of the viewer (issue 28: with its location, null = company-wide, and half_day). */
export interface WhosOutHoliday {
  date: string;
  name: string;
  location?: string | null;
  half_day?: boolean;
}

/** Issue 28: a person in view who is off for their location's holiday. */
export interface PersonHoliday {
  employee_id: string;
  name: string;
  date: string;
  holiday: string;
  location: string;
  half_day: boolean;
}

export interface WhosOut {
  from: string;
  to: string;
  scope: 'team' | 'reports' | 'company';
  weekend_days: string[];
  items: WhosOutItem[];
  holidays: WhosOutHoliday[];
  people_holidays?: PersonHoliday[];
}

export function useWhosOut(from: string, to: string, managerId?: string) {
  const me = useMe();
  return useQuery({
    queryKey: ['whos-out', me.company_id, from, to, managerId ?? null],
    queryFn: ({ signal }) =>
      api.get<WhosOut>(companyPath(me.company_id, '/whos-out'), { from, to, manager_id: managerId || undefined }, signal),
  });
}

const WEEKDAY_CODES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Whether an ISO day is one of the viewer's non-working week days (e.g. SAT, SUN). */
export function isWeekend(day: string, weekendDays: string[]): boolean {
  return weekendDays.includes(WEEKDAY_CODES[parseDate(day).getDay()]);
}

/** The absences covering each of the given days (inclusive first/last day). */
export function outByDay(items: WhosOutItem[], days: string[]): Map<string, WhosOutItem[]> {
  const map = new Map<string, WhosOutItem[]>();
  for (const d of days) map.set(d, items.filter((i) => i.first_day <= d && i.last_day >= d));
  return map;
}

/** The people off for their own location's holiday, by day. */
export function peopleHolidaysByDay(items: PersonHoliday[] | undefined): Map<string, PersonHoliday[]> {
  const map = new Map<string, PersonHoliday[]>();
  for (const h of items ?? []) map.set(h.date, [...(map.get(h.date) ?? []), h]);
  return map;
}

/** Today and the six days after it: the dashboard panel's window. */
export function weekFrom(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 6) };
}

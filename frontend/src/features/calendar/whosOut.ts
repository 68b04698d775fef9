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

export interface WhosOut {
  from: string;
  to: string;
  scope: 'team' | 'reports' | 'company';
  weekend_days: string[];
  items: WhosOutItem[];
  holidays: { date: string; name: string }[];
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

/** Today and the six days after it: the dashboard panel's window. */
export function weekFrom(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 6) };
}

import type { TimeOffRequest } from '@/lib/types';
import { dateInZone } from '@/lib/format';

/** The local calendar days [first, last] a request touches (end is exclusive). */
export function requestDays(r: TimeOffRequest, timeZone?: string): { first: string; last: string } {
  const first = dateInZone(r.start_at, timeZone);
  const endMs = new Date(r.end_at).getTime() - 1;
  const last = dateInZone(new Date(Math.max(endMs, new Date(r.start_at).getTime())).toISOString(), timeZone);
  return { first, last };
}

/** Map ISO date → requests covering that date, for the given days. */
export function absencesByDay(
  requests: TimeOffRequest[],
  days: string[],
  zoneOf: (employeeId: string) => string | undefined,
): Map<string, TimeOffRequest[]> {
  const map = new Map<string, TimeOffRequest[]>();
  for (const d of days) map.set(d, []);
  for (const r of requests) {
    const { first, last } = requestDays(r, zoneOf(r.employee_id));
    for (const d of days) if (d >= first && d <= last) map.get(d)!.push(r);
  }
  return map;
}

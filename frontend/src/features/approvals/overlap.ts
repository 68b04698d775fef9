import type { TimeOffRequest } from '@/lib/types';

/** Requests of *other* employees that overlap `r` in time and are pending or approved. */
export function overlappingAbsences(r: TimeOffRequest, all: TimeOffRequest[]): TimeOffRequest[] {
  const s = new Date(r.start_at).getTime();
  const e = new Date(r.end_at).getTime();
  return all.filter(
    (o) =>
      o.id !== r.id &&
      o.employee_id !== r.employee_id &&
      (o.status === 'SUBMITTED' || o.status === 'APPROVED') &&
      new Date(o.start_at).getTime() < e &&
      new Date(o.end_at).getTime() > s,
  );
}

import type { MessageKey } from '@/i18n/messages/en';
/**
 * The request dialog asks for dates first, then one of three modes, and turns them into the
 * request's local start/end (sent without an offset: the server reads them in the employee's
 * time zone). Full days cover whole calendar days (the server counts only working time in them);
 * a half day is the first or second half of the employee's working window.
 */
export type RequestMode = 'FULL_DAYS' | 'HALF_DAY' | 'HOURS';
export type HalfDay = 'MORNING' | 'AFTERNOON';

export interface WhenValues {
  mode: RequestMode;
  start_date: string; // YYYY-MM-DD
  end_date: string; // FULL_DAYS only
  half: HalfDay; // HALF_DAY only
  from_time: string; // HH:mm, HOURS only
  to_time: string;
}

export interface Schedule {
  workday_start?: string | null;
  workday_minutes?: number | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

export function isDate(v: string): boolean {
  if (!DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

function isTime(v: string): boolean {
  if (!TIME.test(v)) return false;
  const [h, m] = v.split(':').map(Number);
  return h <= 23 && m <= 59;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

/** Local "YYYY-MM-DDTHH:mm" that is `minutes` after `date` `time` on the wall clock. */
function plusMinutes(date: string, time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  const day = addDays(date, Math.floor(total / 1440));
  const rest = ((total % 1440) + 1440) % 1440;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}T${p(Math.floor(rest / 60))}:${p(rest % 60)}`;
}

/** Message keys (request.when.*): the fields translate them. */
export type WhenErrors = Partial<Record<'start_date' | 'end_date' | 'from_time' | 'to_time', MessageKey>>;

export function validateWhen(v: WhenValues): WhenErrors {
  const errors: WhenErrors = {};
  if (!v.start_date) errors.start_date = 'request.when.error.chooseFirst';
  else if (!isDate(v.start_date)) errors.start_date = 'request.when.error.invalidDate';
  if (v.mode === 'FULL_DAYS') {
    if (!v.end_date) errors.end_date = 'request.when.error.chooseLast';
    else if (!isDate(v.end_date)) errors.end_date = 'request.when.error.invalidDate';
    else if (!errors.start_date && v.end_date < v.start_date) errors.end_date = 'request.when.error.lastBeforeFirst';
  }
  if (v.mode === 'HOURS') {
    if (!isTime(v.from_time)) errors.from_time = 'request.when.error.startTime';
    if (!isTime(v.to_time)) errors.to_time = 'request.when.error.endTime';
    else if (!errors.from_time && v.to_time <= v.from_time) errors.to_time = 'request.when.error.endBeforeStart';
  }
  return errors;
}

/** The request's local start and end for valid values (null otherwise). */
export function windowFor(v: WhenValues, schedule: Schedule): { start_at: string; end_at: string } | null {
  if (Object.values(validateWhen(v)).some(Boolean)) return null;
  const start = schedule.workday_start && isTime(schedule.workday_start) ? schedule.workday_start : '09:00';
  const minutes = schedule.workday_minutes && schedule.workday_minutes > 0 ? schedule.workday_minutes : 480;
  switch (v.mode) {
    case 'FULL_DAYS':
      return { start_at: `${v.start_date}T00:00`, end_at: `${addDays(v.end_date, 1)}T00:00` };
    case 'HALF_DAY': {
      const half = Math.floor(minutes / 2);
      return v.half === 'MORNING'
        ? { start_at: `${v.start_date}T${start}`, end_at: plusMinutes(v.start_date, start, half) }
        : { start_at: plusMinutes(v.start_date, start, half), end_at: plusMinutes(v.start_date, start, minutes) };
    }
    case 'HOURS':
      return { start_at: `${v.start_date}T${v.from_time}`, end_at: `${v.start_date}T${v.to_time}` };
  }
}

/** Message keys of the breakdown's "why" column. */
export const REASON_LABELS: Record<string, MessageKey> = {
  WORKDAY: 'request.day.WORKDAY',
  PARTIAL: 'request.day.PARTIAL',
  WEEKEND: 'request.day.WEEKEND',
  HOLIDAY: 'request.day.HOLIDAY',
  NON_WORKDAY: 'request.day.NON_WORKDAY',
};

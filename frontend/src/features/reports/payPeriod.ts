// The pay period a payroll report covers (issue 26): a calendar month, one half of it, or any range.
export type PeriodKind = 'MONTH' | 'FIRST_HALF' | 'SECOND_HALF' | 'CUSTOM';

export interface PeriodChoice {
  kind: PeriodKind;
  /** "YYYY-MM" for the month-based kinds. */
  month: string;
  start: string;
  end: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function lastDay(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The first and last day (inclusive) the choice means; null until it is complete and in order. */
export function payPeriod(c: PeriodChoice): { start: string; end: string } | null {
  if (c.kind === 'CUSTOM') {
    if (!DATE.test(c.start) || !DATE.test(c.end) || c.end < c.start) return null;
    return { start: c.start, end: c.end };
  }
  const m = MONTH.exec(c.month);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12) return null;
  const first = `${m[1]}-${m[2]}-01`;
  const last = lastDay(year, month);
  if (c.kind === 'FIRST_HALF') return { start: first, end: `${m[1]}-${m[2]}-15` };
  if (c.kind === 'SECOND_HALF') return { start: `${m[1]}-${m[2]}-16`, end: last };
  return { start: first, end: last };
}

/** The month before the one of `today` ("YYYY-MM"): the period payroll usually closes. */
export function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// Dates and labels.

/** Parse "YYYY-MM-DD" as a local calendar date (never shifted by the UTC offset). */
export function parseDate(date: string): Date {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Date(y, (m ?? 1) - 1, d ?? 1);
}

export function toIsoDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function todayIso(): string {
  return toIsoDate(new Date());
}

export function addDays(date: string, days: number): string {
  const d = parseDate(date);
  d.setDate(d.getDate() + days);
  return toIsoDate(d);
}

/** The locale dates are shown in; set by the i18n provider when the language changes. */
let displayLocale = 'en-US';
export function setDisplayLocale(locale: string): void {
  displayLocale = locale;
}

/** The name of a weekday in the display language, Monday = 0 ("Mon" / "Mo."; "Monday" with 'long'). */
export function weekdayName(index: number, style: 'short' | 'long' | 'narrow' = 'short'): string {
  // 1 January 2024 was a Monday
  return new Date(2024, 0, 1 + index).toLocaleDateString(displayLocale, { weekday: style });
}

/** The weekday of an ISO date, Monday = 0 (for {@link weekdayName}). */
export function weekdayIndex(date: string): number {
  return (parseDate(date).getDay() + 6) % 7;
}

/** "December 28, 2027" / "28. Dezember 2027". */
export function formatLongDate(date: string | null | undefined): string {
  if (!date) return '—';
  return parseDate(date).toLocaleDateString(displayLocale, { dateStyle: 'long' });
}

/** "Tue, Dec 28" / "Di., 28. Dez.": a day in a short list within one year. */
export function formatWeekdayDate(date: string): string {
  return parseDate(date).toLocaleDateString(displayLocale, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** "December 31" / "31. Dezember": a day of every year (month 1–12). */
export function formatDayOfYear(month: number, day: number): string {
  return new Date(2000, month - 1, day).toLocaleDateString(displayLocale, { day: 'numeric', month: 'long' });
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  return parseDate(date).toLocaleDateString(displayLocale, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** "Mar 1, 2027" for one day, "Mar 1, 2027 – Mar 4, 2027" for several (both ends included). */
export function formatDateRange(first: string, last: string): string {
  return first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}

export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(displayLocale, {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
  } catch {
    return d.toLocaleString(displayLocale);
  }
}

/** "09:00" / "00:00": the wall-clock time of an instant in a timezone (24 h, for comparisons). */
function clockInZone(iso: string, timeZone?: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timeZone || undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('hour')}:${get('minute')}`;
  } catch {
    return '';
  }
}

/**
 * A request's first and last moment as people say them (issue 26). Whole days — start and end at
 * midnight in the employee's zone, as the request dialog sends them — are dates, `to` being the
 * last day off ("Mar 31", never "Apr 1, 12:00 AM"). Anything else keeps its times, in `timeZone`
 * (the reader's or, by default, the employee's); an end on the start's day is a time only.
 */
export function requestSpan(startAt: string, endAt: string, employeeZone: string, timeZone?: string): { allDay: boolean; from: string; to: string } {
  if (clockInZone(startAt, employeeZone) === '00:00' && clockInZone(endAt, employeeZone) === '00:00') {
    const first = dateInZone(startAt, employeeZone);
    const last = addDays(dateInZone(endAt, employeeZone), -1);
    return { allDay: true, from: formatDate(first), to: formatDate(last < first ? first : last) };
  }
  const zone = timeZone ?? employeeZone;
  const sameDay = dateInZone(startAt, zone) === dateInZone(endAt, zone);
  const to = sameDay
    ? new Date(endAt).toLocaleTimeString(displayLocale, { timeZone: zone || undefined, hour: 'numeric', minute: '2-digit' })
    : formatDateTime(endAt, zone);
  return { allDay: false, from: formatDateTime(startAt, zone), to };
}

/** {@link requestSpan} in one line: "Mar 24, 2027 → Mar 31, 2027", "Mar 24, 2027", "Mar 24, 2027, 8:00 AM → 12:00 PM". */
export function formatRequestWhen(startAt: string, endAt: string, employeeZone: string, timeZone?: string): string {
  const s = requestSpan(startAt, endAt, employeeZone, timeZone);
  return s.allDay && s.from === s.to ? s.from : `${s.from} → ${s.to}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function dateInZone(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return toIsoDate(d);
  }
}

/** "VACATION" → "Vacation", "HOLD_RELEASE" → "Hold release". */
export function humanize(value: string | null | undefined): string {
  if (!value) return '—';
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function fullName(e: { first_name: string; last_name: string } | null | undefined): string {
  if (!e) return 'Unknown';
  return `${e.first_name} ${e.last_name}`.trim();
}

export function initials(e: { first_name: string; last_name: string } | null | undefined): string {
  if (!e) return '?';
  return `${e.first_name.charAt(0)}${e.last_name.charAt(0)}`.toUpperCase();
}

/** Weeks (Mon-first) covering a month: array of 6×7 or 5×7 ISO dates. */
export function monthGrid(year: number, month: number): string[][] {
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 6) % 7; // Monday = 0
  const start = new Date(year, month, 1 - offset);
  const weeks: string[][] = [];
  const cursor = new Date(start);
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(toIsoDate(cursor));
      cursor.setDate(cursor.getDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getMonth() === month && cursor.getFullYear() === year);
  return weeks;
}

export function monthLabel(year: number, month: number): string {
  return new Date(year, month, 1).toLocaleDateString(displayLocale, { month: 'long', year: 'numeric' });
}

export function lastDayOfMonth(year: number, month: number): string {
  return toIsoDate(new Date(year, month + 1, 0));
}

/** A random idempotency key for request submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

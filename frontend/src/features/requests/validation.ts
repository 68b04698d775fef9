export interface RequestFormValues {
  policy_id: string;
  start_at: string; // datetime-local "YYYY-MM-DDTHH:mm", sent without offset
  end_at: string;
  reason: string;
}

export type RequestFormErrors = Partial<Record<keyof RequestFormValues, string>>;

export const MAX_REASON_LENGTH = 1000;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export function isLocalDateTime(v: string): boolean {
  if (!LOCAL_DATETIME.test(v)) return false;
  const [date, time] = v.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  if (m < 1 || m > 12 || hh > 23 || mm > 59) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Compare two naive local datetimes (same zone): negative when a < b. */
export function compareLocal(a: string, b: string): number {
  const norm = (s: string) => (s.length === 16 ? `${s}:00` : s);
  return norm(a).localeCompare(norm(b));
}

export function validateRequestForm(v: RequestFormValues): RequestFormErrors {
  const errors: RequestFormErrors = {};
  if (!v.policy_id) errors.policy_id = 'Choose a policy.';
  if (!v.start_at) errors.start_at = 'Enter when your time off starts.';
  else if (!isLocalDateTime(v.start_at)) errors.start_at = 'Enter a valid date and time.';
  if (!v.end_at) errors.end_at = 'Enter when your time off ends.';
  else if (!isLocalDateTime(v.end_at)) errors.end_at = 'Enter a valid date and time.';
  if (!errors.start_at && !errors.end_at && compareLocal(v.end_at, v.start_at) <= 0) {
    errors.end_at = 'The end must be after the start.';
  }
  if (v.reason.length > MAX_REASON_LENGTH) errors.reason = `Keep the reason under ${MAX_REASON_LENGTH} characters.`;
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}

/** Default window: the next working day, from workday start for one workday. */
export function defaultWindow(now: Date, workdayStart = '09:00', workdayMinutes = 480, workDays?: string[]) {
  const days = workDays && workDays.length ? workDays : ['MON', 'TUE', 'WED', 'THU', 'FRI'];
  const names = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  for (let i = 0; i < 7 && !days.includes(names[d.getDay()]); i++) d.setDate(d.getDate() + 1);
  const [h, m] = workdayStart.split(':').map(Number);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), h || 0, m || 0);
  const end = new Date(start.getTime() + workdayMinutes * 60_000);
  return { start_at: toLocalInput(start), end_at: toLocalInput(end) };
}

export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

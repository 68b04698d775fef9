import type { MessageKey } from '@/i18n/messages/en';

/** Field → the message key of what is wrong (shown with `{ year }` in the reader's language). */
export function validateHoliday(v: { date: string; name: string }, year?: number): Record<string, MessageKey> {
  const e: Record<string, MessageKey> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) e.date = 'holidays.error.date';
  else if (year && Number(v.date.slice(0, 4)) !== year) e.date = 'holidays.error.year';
  if (!v.name.trim()) e.name = 'holidays.error.name';
  else if (v.name.length > 200) e.name = 'holidays.error.nameLong';
  return e;
}

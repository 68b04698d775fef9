import { useT } from '@/i18n/I18nProvider';
import { formatDate, monthLabel, weekdayName } from '@/lib/format';
import { cn } from '@/lib/utils';
import { isWeekend, type PersonHoliday, type WhosOutHoliday, type WhosOutItem } from '../whosOut';


interface Props {
  year: number;
  month: number;
  weeks: string[][];
  today: string;
  byDay: Map<string, WhosOutItem[]>;
  /** The viewer's own holidays (company-wide and their location's) by date. */
  holidays: Map<string, WhosOutHoliday>;
  /** Each person in view on their own location's holidays, by date (issue 28). */
  peopleHolidays?: Map<string, PersonHoliday[]>;
  weekendDays: string[];
}

/**
 * A month of absences; weekends (the viewer's days off) and the viewer's holidays shaded, and
 * each person's own location holidays shaded under their name.
 */
export function CalendarGrid({ year, month, weeks, today, byDay, holidays, peopleHolidays, weekendDays }: Props) {
  const t = useT();
  const monthPrefix = `${year}-${String(month + 1).padStart(2, '0')}`;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="calendar-grid">
      <table className="w-full table-fixed border-collapse text-xs">
        <caption className="sr-only">{t('calendar.caption', { month: monthLabel(year, month) })}</caption>
        <thead>
          <tr>
            {[0, 1, 2, 3, 4, 5, 6].map((d) => (
              <th key={d} scope="col" className="border-b border-slate-200 bg-slate-50 py-1 font-semibold text-slate-700">
                {weekdayName(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.startsWith(monthPrefix);
                const out = byDay.get(day) ?? [];
                const off = peopleHolidays?.get(day) ?? [];
                const holiday = holidays.get(day);
                const shown = Math.max(0, 3 - off.length);
                const weekend = isWeekend(day, weekendDays);
                return (
                  <td
                    key={day}
                    className={cn(
                      'h-20 border border-slate-100 p-1 align-top sm:h-24',
                      weekend && 'bg-slate-100',
                      holiday && 'bg-sky-50 dark:bg-sky-950',
                      !inMonth && 'bg-slate-50 text-slate-500',
                      day === today && 'ring-2 ring-inset ring-brand-500',
                    )}
                    data-date={day}
                    data-weekend={weekend || undefined}
                    data-holiday={holiday ? true : undefined}
                  >
                    <div className="font-medium">
                      <span className="sr-only">{formatDate(day)}</span>
                      <span aria-hidden="true">{Number(day.slice(8))}</span>
                      {weekend && <span className="sr-only"> {t('calendar.weekend')}</span>}
                    </div>
                    {holiday && (
                      <p className="truncate text-sky-900 dark:text-sky-100" title={holiday.name} data-testid="calendar-holiday">
                        {holiday.name}
                        {holiday.half_day && <span> {t('calendar.halfDay')}</span>}
                      </p>
                    )}
                    <ul className="mt-0.5 space-y-0.5">
                      {off.slice(0, 3).map((h) => {
                        const label = t('calendar.personHoliday', { name: h.name, holiday: h.holiday, location: h.location });
                        return (
                          <li
                            key={`holiday-${h.employee_id}`}
                            title={label}
                            className="truncate rounded border border-sky-300 bg-sky-100 px-1 text-sky-950 dark:border-sky-700 dark:bg-sky-900 dark:text-sky-50"
                            data-testid="calendar-person-holiday"
                          >
                            <span aria-hidden="true">{h.name}</span>
                            <span className="sr-only">{label}</span>
                          </li>
                        );
                      })}
                      {out.slice(0, shown).map((r) => {
                        const status = t(`status.${r.status}`);
                        return (
                          <li
                            key={r.request_id}
                            title={`${r.name} (${status})`}
                            className={cn(
                              'truncate rounded px-1',
                              r.status === 'APPROVED' ? 'bg-emerald-200 text-emerald-950' : 'bg-amber-200 text-amber-950',
                            )}
                            data-testid="calendar-absence"
                          >
                            {r.name}
                            <span className="sr-only"> {status}</span>
                          </li>
                        );
                      })}
                      {off.length + out.length > 3 && (
                        <li className="text-slate-600">{t('calendar.more', { count: off.length + out.length - Math.min(3, off.length) - Math.min(shown, out.length) })}</li>
                      )}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

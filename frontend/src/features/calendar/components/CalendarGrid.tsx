import { useT } from '@/i18n/I18nProvider';
import { formatDate, monthLabel, weekdayName } from '@/lib/format';
import { cn } from '@/lib/utils';
import { isWeekend, type WhosOutItem } from '../whosOut';


interface Props {
  year: number;
  month: number;
  weeks: string[][];
  today: string;
  byDay: Map<string, WhosOutItem[]>;
  holidays: Map<string, string>;
  weekendDays: string[];
}

/** A month of absences; weekends (the viewer's days off) and company holidays shaded. */
export function CalendarGrid({ year, month, weeks, today, byDay, holidays, weekendDays }: Props) {
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
                const holiday = holidays.get(day);
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
                      <p className="truncate text-sky-900 dark:text-sky-100" title={holiday} data-testid="calendar-holiday">
                        {holiday}
                      </p>
                    )}
                    <ul className="mt-0.5 space-y-0.5">
                      {out.slice(0, 3).map((r) => {
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
                      {out.length > 3 && <li className="text-slate-600">{t('calendar.more', { count: out.length - 3 })}</li>}
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

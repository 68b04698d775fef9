import type { PreviewDay } from '@/lib/types';
import { useAmounts } from '@/i18n/amounts';
import { useT } from '@/i18n/I18nProvider';
import { formatWeekdayDate } from '@/lib/format';
import { REASON_LABELS } from '../modes';

/** The preview's day-by-day breakdown: why a request counts what it counts. */
export function BreakdownTable({ days, workday, testId = 'preview-breakdown' }: { days: PreviewDay[]; workday: number; testId?: string }) {
  const t = useT();
  const amounts = useAmounts();
  if (days.length === 0) return null;
  return (
    <table className="mt-2 w-full text-left text-xs" data-testid={testId}>
      <caption className="sr-only">{t('request.breakdown.caption')}</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="py-1 font-medium">{t('request.breakdown.day')}</th>
          <th scope="col" className="py-1 font-medium">{t('request.breakdown.counts')}</th>
          <th scope="col" className="py-1 font-medium">{t('request.breakdown.why')}</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr key={d.date} data-reason={d.reason} className={d.minutes === 0 ? 'text-slate-500' : ''}>
            <td className="py-0.5">{formatWeekdayDate(d.date)}</td>
            <td className="py-0.5">{d.minutes === 0 ? '—' : amounts.one(d.minutes, 'HOURS', workday)}</td>
            <td className="py-0.5">
              {REASON_LABELS[d.reason] ? t(REASON_LABELS[d.reason]) : d.reason}
              {d.holiday && (
                <span className="block text-slate-600" data-testid="preview-holiday">
                  {t(d.half_day ? 'request.day.halfHoliday' : 'request.day.holidayName', { name: d.holiday })}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}


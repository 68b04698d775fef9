// What the preview's "On <date> you will have …" contains (issue 26): the accruals until then, each
// forfeit on its date ("3 days are lost at the carryover cap on Jan 1"), what the bank cap withholds
// and the requests already booked — so a smaller number than expected is never a riddle.
import type { DisplayUnit, ForecastOnStart } from '@/lib/types';
import { formatDate } from '@/lib/format';
import { useAmounts } from '@/i18n/amounts';
import { useT } from '@/i18n/I18nProvider';

export function ForecastExplanation({ forecast, unit, workday }: { forecast: ForecastOnStart; unit: DisplayUnit; workday: number }) {
  const t = useT();
  const amounts = useAmounts();
  const amount = (m: number) => amounts.one(m, unit, workday);
  const lines: string[] = [t('request.forecast.now', { amount: amount(forecast.available_minutes) })];
  if (forecast.scheduled_accrual_minutes > 0) lines.push(t('request.forecast.accrued', { amount: amount(forecast.scheduled_accrual_minutes) }));
  for (const f of forecast.forfeits)
    lines.push(t(`request.forecast.forfeit.${f.kind}`, { amount: amount(f.minutes), date: formatDate(f.date) }));
  if (forecast.capped_accrual_minutes > 0) lines.push(t('request.forecast.capped', { amount: amount(forecast.capped_accrual_minutes) }));
  if (forecast.booked_minutes > 0) lines.push(t('request.forecast.booked', { amount: amount(forecast.booked_minutes) }));
  return (
    <ul className="mt-1 list-disc pl-5 text-xs text-slate-700" data-testid="preview-forecast-explained">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

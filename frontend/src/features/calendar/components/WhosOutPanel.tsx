import { Link } from 'react-router';
import { useT } from '@/i18n/I18nProvider';
import { formatDate, todayIso } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { StatusBadge } from '@/features/requests/components/StatusBadge';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useWhosOut, weekFrom, type WhosOut, type WhosOutItem } from '../whosOut';

/** "Who's out today and this week", on every role's landing page. */
export function WhosOutPanel() {
  const today = todayIso();
  const { from, to } = weekFrom(today);
  const query = useWhosOut(from, to);
  const t = useT();
  return (
    <Card className="mb-6" data-testid="whos-out-panel">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">{t('whosOut.title')}</h2>
        <Link to="/team-calendar" className="text-sm text-brand-700 hover:underline">
          {t('whosOut.openCalendar')}
        </Link>
      </div>
      {query.isPending ? (
        <LoadingState label={t('whosOut.loading')} />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <WhosOutLists data={query.data} today={today} />
      )}
    </Card>
  );
}

/** The panel's two lists, from the API answer (pure, for tests). */
export function WhosOutLists({ data, today }: { data: WhosOut; today: string }) {
  const t = useT();
  const outToday = data.items.filter((i) => i.first_day <= today && i.last_day >= today);
  const later = data.items.filter((i) => !outToday.includes(i));
  const holidays = data.holidays;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <section aria-labelledby="whos-out-today">
        <h3 id="whos-out-today" className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">
          {t('whosOut.today')}
        </h3>
        {outToday.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="whos-out-today-empty">
            {t('whosOut.nobodyToday')}
          </p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="whos-out-today">
            {outToday.map((i) => (
              <Row key={i.request_id} item={i} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="whos-out-week">
        <h3 id="whos-out-week" className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">
          {t('whosOut.thisWeek')}
        </h3>
        {later.length === 0 && holidays.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="whos-out-week-empty">
            {t('whosOut.nobodyThisWeek')}
          </p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="whos-out-week">
            {later.map((i) => (
              <Row key={i.request_id} item={i} />
            ))}
            {holidays.map((h) => (
              <li key={h.date} className="text-slate-700" data-testid="whos-out-holiday">
                {t('whosOut.holiday', { name: h.name, date: formatDate(h.date) })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Row({ item }: { item: WhosOutItem }) {
  const t = useT();
  const days = item.first_day === item.last_day ? formatDate(item.first_day) : `${formatDate(item.first_day)} – ${formatDate(item.last_day)}`;
  return (
    <li className="flex flex-wrap items-center justify-between gap-2" data-testid="whos-out-row">
      <span>
        <span className="font-medium">{item.name}</span>
        {!item.all_day && <span className="text-slate-600"> · {t('whosOut.partOfDay')}</span>}
      </span>
      <span className="flex items-center gap-2 text-slate-700">
        {days}
        {item.status === 'SUBMITTED' && <StatusBadge status={item.status} />}
      </span>
    </li>
  );
}

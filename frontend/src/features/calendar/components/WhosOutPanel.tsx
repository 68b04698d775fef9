import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '@/i18n/I18nProvider';
import { formatDate, todayIso } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { AbsenceRow } from './AbsenceRow';
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
  // "later this week" means after today: a holiday falling today is not later
  const holidays = data.holidays.filter((h) => h.date > today);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <WhosOutSection id="whos-out-today" title={t('whosOut.today')} empty={t('whosOut.nobodyToday')} items={outToday} />
      <WhosOutSection id="whos-out-week" title={t('whosOut.thisWeek')} empty={t('whosOut.nobodyThisWeek')} items={later}>
        {holidays.map((h) => (
          <li key={h.date} className="text-slate-700" data-testid="whos-out-holiday">
            {t('whosOut.holiday', { name: h.name, date: formatDate(h.date) })}
          </li>
        ))}
      </WhosOutSection>
    </div>
  );
}

/** A titled list of absences (plus extra rows such as holidays); a sentence when there is none. */
function WhosOutSection({ id, title, empty, items, children }: { id: string; title: string; empty: string; items: WhosOutItem[]; children?: ReactNode[] }) {
  const extra = children ?? [];
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-600">
        {title}
      </h3>
      {items.length === 0 && extra.length === 0 ? (
        <p className="text-sm text-slate-600" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid={id}>
          {items.map((i) => (
            <AbsenceRow key={i.request_id} item={i} pendingOnly testId="whos-out-row" />
          ))}
          {extra}
        </ul>
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { useMe } from '@/lib/auth';
import { policyLabel } from '@/lib/units';
import { fullName, lastDayOfMonth, monthGrid, monthLabel, todayIso } from '@/lib/format';
import { useEmployees, usePolicyMap } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { AbsenceRow } from '../components/AbsenceRow';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { CalendarGrid } from '../components/CalendarGrid';
import { outByDay, peopleHolidaysByDay, useWhosOut } from '../whosOut';

const EVERYONE = 'everyone';

/**
 * Who is out in a month, for every role (read-only): an employee sees their team, a manager their
 * reports, an admin everyone or one manager's team. Weekends and company holidays are shaded.
 */
export default function TeamCalendarPage() {
  const t = useT();
  const me = useMe();
  const now = new Date();
  const [ym, setYm] = useState({ y: now.getFullYear(), m: now.getMonth() });
  const [team, setTeam] = useState(EVERYONE);
  const weeks = useMemo(() => monthGrid(ym.y, ym.m), [ym]);
  // The whole visible grid (it starts and ends in the neighbouring months).
  const from = weeks[0][0];
  const to = weeks[weeks.length - 1][6];
  const whosOut = useWhosOut(from, to, team === EVERYONE ? undefined : team);
  const isAdmin = me.role === 'admin';
  const employees = useEmployees(isAdmin);
  // the server names the policy of an absence (policy_id) to managers and admins only
  const policies = usePolicyMap(me.role !== 'employee');
  const managers = useMemo(() => {
    const all = employees.data ?? [];
    const ids = new Set(all.map((e) => e.manager_id).filter(Boolean));
    return all.filter((e) => ids.has(e.id)).sort((a, b) => fullName(a).localeCompare(fullName(b)));
  }, [employees.data]);
  const byDay = useMemo(() => outByDay(whosOut.data?.items ?? [], weeks.flat()), [whosOut.data, weeks]);
  const holidays = useMemo(() => new Map((whosOut.data?.holidays ?? []).map((h) => [h.date, h])), [whosOut.data]);
  const peopleHolidays = useMemo(() => peopleHolidaysByDay(whosOut.data?.people_holidays), [whosOut.data]);
  const first = `${ym.y}-${String(ym.m + 1).padStart(2, '0')}-01`;
  const last = lastDayOfMonth(ym.y, ym.m);
  const inMonth = (whosOut.data?.items ?? []).filter((r) => r.last_day >= first && r.first_day <= last);
  const shift = (delta: number) =>
    setYm(({ y, m }) => {
      const d = new Date(y, m + delta, 1);
      return { y: d.getFullYear(), m: d.getMonth() };
    });
  const description =
    me.role === 'employee' ? t('calendar.description.team') : me.role === 'manager' ? t('calendar.description.reports') : t('calendar.description.company');

  return (
    <>
      <PageHeader title={t('nav.calendar')} description={description} />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => shift(-1)} aria-label={t('calendar.previous')}>
          ←
        </Button>
        <h2 className="min-w-40 text-center text-lg font-semibold" aria-live="polite" data-testid="calendar-month">
          {monthLabel(ym.y, ym.m)}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => shift(1)} aria-label={t('calendar.next')}>
          →
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setYm({ y: now.getFullYear(), m: now.getMonth() })}>
          {t('calendar.today')}
        </Button>
        {isAdmin && (
          <div className="ml-auto w-64">
            <Select
              value={team}
              onValueChange={setTeam}
              aria-label={t('calendar.teamFilter')}
              data-testid="calendar-team-filter"
              options={[
                { value: EVERYONE, label: t('calendar.everyone') },
                ...managers.map((m) => ({ value: m.id, label: t('calendar.teamOf', { name: fullName(m) }) })),
              ]}
            />
          </div>
        )}
      </div>
      <div className="mb-3 flex flex-wrap gap-3 text-xs text-slate-700">
        <Legend swatch="bg-emerald-200" label={t('status.APPROVED')} />
        <Legend swatch="bg-amber-200" label={t('status.SUBMITTED')} />
        <Legend swatch="bg-slate-100 border border-slate-200" label={t('calendar.weekend')} />
        <Legend swatch="bg-sky-50 border border-sky-200 dark:bg-sky-950" label={t('calendar.holiday')} />
        <Legend swatch="bg-sky-100 border border-sky-300 dark:bg-sky-900" label={t('calendar.personHolidayLegend')} />
      </div>
      {whosOut.isPending ? (
        <LoadingState label={t('calendar.loading')} />
      ) : whosOut.isError ? (
        <ErrorState error={whosOut.error} onRetry={() => whosOut.refetch()} />
      ) : (
        <>
          <CalendarGrid
            year={ym.y}
            month={ym.m}
            weeks={weeks}
            today={todayIso()}
            byDay={byDay}
            holidays={holidays}
            peopleHolidays={peopleHolidays}
            weekendDays={whosOut.data.weekend_days}
          />
          <Card className="mt-6">
            <h2 className="mb-2 font-semibold">{t('calendar.listTitle', { month: monthLabel(ym.y, ym.m) })}</h2>
            {inMonth.length === 0 ? (
              <EmptyState title={t('calendar.nobody')} />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="calendar-list">
                {inMonth.map((r) => (
                  <AbsenceRow
                    key={r.request_id}
                    item={r}
                    what={r.policy_id ? policyLabel(policies.map.get(r.policy_id)) || t('calendar.timeOff') : undefined}
                    className="py-2"
                  />
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </>
  );
}

function Legend({ swatch, label }: { swatch: string; label: string }) {
  return (
    <span className="flex items-center gap-1">
      <span aria-hidden="true" className={`inline-block h-3 w-3 rounded ${swatch}`} /> {label}
    </span>
  );
}

import { useMemo, useState } from 'react';
import { policyLabel } from '@/lib/units';
import { fullName, initials, lastDayOfMonth, monthGrid, monthLabel, todayIso, formatDate } from '@/lib/format';
import { useEmployeeMap, usePolicyMap, useRequestList } from '@/lib/queries';
import type { TimeOffRequest } from '@/lib/types';
import { cn } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { absencesByDay, requestDays } from '../calendar';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export default function TeamCalendarPage() {
  const now = new Date();
  const [ym, setYm] = useState({ y: now.getFullYear(), m: now.getMonth() });
  const first = `${ym.y}-${String(ym.m + 1).padStart(2, '0')}-01`;
  const last = lastDayOfMonth(ym.y, ym.m);
  const submitted = useRequestList({ status: 'SUBMITTED', start_date: first, end_date: last });
  const approved = useRequestList({ status: 'APPROVED', start_date: first, end_date: last });
  const employees = useEmployeeMap();
  const policies = usePolicyMap();
  const weeks = useMemo(() => monthGrid(ym.y, ym.m), [ym]);
  const requests = useMemo<TimeOffRequest[]>(
    () => [...(approved.data ?? []), ...(submitted.data ?? [])],
    [approved.data, submitted.data],
  );
  const byDay = useMemo(
    () => absencesByDay(requests, weeks.flat(), (id) => employees.map.get(id)?.timezone),
    [requests, weeks, employees.map],
  );
  const shift = (delta: number) =>
    setYm(({ y, m }) => {
      const d = new Date(y, m + delta, 1);
      return { y: d.getFullYear(), m: d.getMonth() };
    });
  const today = todayIso();
  const loading = submitted.isPending || approved.isPending;
  const error = submitted.error ?? approved.error;
  const name = (id: string) => fullName(employees.map.get(id));

  return (
    <>
      <PageHeader title="Team calendar" description="Who is out, approved and pending." />
      <div className="mb-4 flex items-center gap-2">
        <Button variant="secondary" size="sm" onClick={() => shift(-1)} aria-label="Previous month">
          ←
        </Button>
        <h2 className="min-w-40 text-center text-lg font-semibold" aria-live="polite" data-testid="calendar-month">
          {monthLabel(ym.y, ym.m)}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => shift(1)} aria-label="Next month">
          →
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setYm({ y: now.getFullYear(), m: now.getMonth() })}>
          Today
        </Button>
      </div>
      <div className="mb-3 flex gap-3 text-xs text-slate-700">
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded bg-emerald-200" /> Approved
        </span>
        <span className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded bg-amber-200" /> Pending
        </span>
      </div>
      {loading ? (
        <LoadingState label="Loading the calendar…" />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void Promise.all([submitted.refetch(), approved.refetch()])} />
      ) : (
        <>
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="calendar-grid">
            <table className="w-full table-fixed border-collapse text-xs">
              <caption className="sr-only">Absences in {monthLabel(ym.y, ym.m)}</caption>
              <thead>
                <tr>
                  {WEEKDAYS.map((d) => (
                    <th key={d} scope="col" className="border-b border-slate-200 bg-slate-50 py-1 font-semibold text-slate-700">
                      {d}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week[0]}>
                    {week.map((day) => {
                      const inMonth = day.slice(0, 7) === first.slice(0, 7);
                      const out = byDay.get(day) ?? [];
                      return (
                        <td
                          key={day}
                          className={cn(
                            'h-20 border border-slate-100 p-1 align-top sm:h-24',
                            !inMonth && 'bg-slate-50 text-slate-500',
                            day === today && 'ring-2 ring-inset ring-brand-500',
                          )}
                          data-date={day}
                        >
                          <div className="font-medium">
                            <span className="sr-only">{formatDate(day)}</span>
                            <span aria-hidden="true">{Number(day.slice(8))}</span>
                          </div>
                          <ul className="mt-0.5 space-y-0.5">
                            {out.slice(0, 3).map((r) => (
                              <li
                                key={r.id}
                                title={`${name(r.employee_id)} (${r.status === 'APPROVED' ? 'approved' : 'pending'})`}
                                className={cn(
                                  'truncate rounded px-1',
                                  r.status === 'APPROVED' ? 'bg-emerald-200 text-emerald-950' : 'bg-amber-200 text-amber-950',
                                )}
                              >
                                <span className="hidden sm:inline">{name(r.employee_id)}</span>
                                <span className="sm:hidden">{initials(employees.map.get(r.employee_id))}</span>
                                <span className="sr-only">{r.status === 'APPROVED' ? ' approved' : ' pending'}</span>
                              </li>
                            ))}
                            {out.length > 3 && <li className="text-slate-600">+{out.length - 3} more</li>}
                          </ul>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Card className="mt-6">
            <h2 className="mb-2 font-semibold">Who is out in {monthLabel(ym.y, ym.m)}</h2>
            {requests.length === 0 ? (
              <EmptyState title="Nobody is out this month" />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="calendar-list">
                {[...requests]
                  .sort((a, b) => a.start_at.localeCompare(b.start_at))
                  .map((r) => {
                    const { first: f, last: l } = requestDays(r, employees.map.get(r.employee_id)?.timezone);
                    return (
                      <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <span>
                          <span className="font-medium">{name(r.employee_id)}</span> ·{' '}
                          {policyLabel(policies.map.get(r.policy_id)) || 'Time off'}
                        </span>
                        <span className="flex items-center gap-2 text-slate-700">
                          {f === l ? formatDate(f) : `${formatDate(f)} – ${formatDate(l)}`}
                          <Badge tone={r.status === 'APPROVED' ? 'green' : 'amber'}>
                            {r.status === 'APPROVED' ? 'Approved' : 'Pending'}
                          </Badge>
                        </span>
                      </li>
                    );
                  })}
              </ul>
            )}
          </Card>
        </>
      )}
    </>
  );
}

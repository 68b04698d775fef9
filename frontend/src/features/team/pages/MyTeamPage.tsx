import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { formatDate, formatDateTime, formatRequestWhen, fullName } from '@/lib/format';
import { useBalances, useEmployees, usePolicyMap, useRequestList } from '@/lib/queries';
import type { Delegation, Employee, TimeOffRequest } from '@/lib/types';
import { balanceLabel, policyUnit, safeWorkday } from '@/lib/units';
import { useAmounts } from '@/i18n/amounts';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { StatusBadge } from '@/features/requests/components/StatusBadge';
import { RequestDialog } from '@/features/requests/components/RequestDialog';
import { RequestDays } from '@/features/requests/components/RequestDays';
import { useInvalidateRequestData } from '@/features/requests/hooks/useRequestMutations';

/** A manager's team: balances, upcoming time off and history per report; past decisions; delegation. */
export default function MyTeamPage() {
  const me = useMe();
  const t = useT();
  const employees = useEmployees();
  const reports = useMemo(
    () => (employees.data ?? []).filter((e) => e.manager_id === me.user_id && e.id !== me.user_id),
    [employees.data, me.user_id],
  );
  const requests = useRequestList({});
  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.description')} />
      <Tabs defaultValue="team">
        <TabsList>
          <TabsTrigger value="team" data-testid="team-tab-team">{t('team.tab.team')}</TabsTrigger>
          <TabsTrigger value="decisions" data-testid="team-tab-decisions">{t('team.tab.decisions')}</TabsTrigger>
          <TabsTrigger value="delegation" data-testid="team-tab-delegation">{t('team.tab.delegation')}</TabsTrigger>
        </TabsList>
        <TabsContent value="team" className="space-y-4 pt-4">
          {employees.isPending || requests.isPending ? (
            <LoadingState label={t('team.loading')} />
          ) : employees.isError ? (
            <ErrorState error={employees.error} onRetry={() => employees.refetch()} />
          ) : reports.length === 0 ? (
            <EmptyState title={t('team.empty')}>{t('team.emptyHint')}</EmptyState>
          ) : (
            <>
              <BulkApprove requests={(requests.data ?? []).filter((r) => r.status === 'SUBMITTED' && reports.some((e) => e.id === r.employee_id))} reports={reports} />
              {reports.map((e) => (
                <ReportCard key={e.id} employee={e} requests={(requests.data ?? []).filter((r) => r.employee_id === e.id)} />
              ))}
            </>
          )}
        </TabsContent>
        <TabsContent value="decisions" className="pt-4">
          <Decisions requests={(requests.data ?? []).filter((r) => r.decided_by === me.user_id && (r.status === 'APPROVED' || r.status === 'DENIED'))} employees={employees.data ?? []} />
        </TabsContent>
        <TabsContent value="delegation" className="pt-4">
          <DelegationPanel />
        </TabsContent>
      </Tabs>
    </>
  );
}

function ReportCard({ employee, requests }: { employee: Employee; requests: TimeOffRequest[] }) {
  const t = useT();
  const amounts = useAmounts();
  const balances = useBalances(employee.id);
  const policies = usePolicyMap();
  const [open, setOpen] = useState(false);
  const workday = safeWorkday(employee.workday_minutes);
  const now = new Date().toISOString();
  const upcoming = requests
    .filter((r) => (r.status === 'APPROVED' || r.status === 'SUBMITTED') && r.end_at > now)
    .sort((a, b) => a.start_at.localeCompare(b.start_at));
  const history = requests.filter((r) => !upcoming.includes(r)).slice(0, 5);
  return (
    <Card data-testid="team-report" data-employee-id={employee.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="font-semibold">{fullName(employee)}</h2>
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid="enter-time-off">
          {t('request.submitOnBehalf')}
        </Button>
      </div>
      <div className="mt-2 grid gap-4 text-sm md:grid-cols-3">
        <section>
          <h3 className="font-medium text-slate-700">{t('team.balances')}</h3>
          <ul data-testid="team-balances">
            {(balances.data?.items ?? []).map((b) => (
              <li key={b.policy_id}>
                {balanceLabel(b)}: {b.is_unlimited ? t('unit.unlimited') : amounts.both(b.available_minutes, policyUnit(policies.map.get(b.policy_id)), workday)}
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h3 className="font-medium text-slate-700">{t('team.upcoming')}</h3>
          {upcoming.length === 0 ? <p className="text-slate-600">{t('team.nothingPlanned')}</p> : (
            <ul data-testid="team-upcoming">
              {upcoming.map((r) => (
                <li key={r.id} data-testid="team-upcoming-request" data-request-id={r.id}>
                  {formatRequestWhen(r.start_at, r.end_at, employee.timezone)} · {amounts.one(r.requested_minutes, policyUnit(policies.map.get(r.policy_id)), workday)}{' '}
                  <StatusBadge status={r.status} />
                  <RequestDays requestId={r.id} workday={workday} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section>
          <h3 className="font-medium text-slate-700">{t('team.history')}</h3>
          {history.length === 0 ? <p className="text-slate-600">{t('team.noHistory')}</p> : (
            <ul>
              {history.map((r) => (
                <li key={r.id}>
                  {formatRequestWhen(r.start_at, r.end_at, employee.timezone)} <StatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <RequestDialog open={open} onOpenChange={setOpen} employee={employee} />
    </Card>
  );
}

function BulkApprove({ requests, reports }: { requests: TimeOffRequest[]; reports: Employee[] }) {
  const me = useMe();
  const t = useT();
  const invalidate = useInvalidateRequestData();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState('');
  const names = new Map(reports.map((e) => [e.id, fullName(e)]));
  const zones = new Map(reports.map((e) => [e.id, e.timezone || 'UTC']));
  const bulk = useMutation({
    // One call per request: each is its own transaction, so one refusal does not undo the others.
    mutationFn: async (ids: string[]) => {
      const results = await Promise.allSettled(
        ids.map((id) => api.post<TimeOffRequest>(companyPath(me.company_id, `/requests/${id}/approve`), note.trim() ? { note: note.trim() } : {})),
      );
      return results.filter((r) => r.status === 'fulfilled').length;
    },
    onSuccess: (approved, ids) => {
      toast(t('team.bulk.done', { approved, total: ids.length }));
      setSelected(new Set());
      setNote('');
    },
    onSettled: invalidate,
  });
  if (requests.length === 0) return null;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Card data-testid="bulk-approve">
      <h2 className="font-semibold">{t('team.bulk.title', { count: requests.length })}</h2>
      <ul className="mt-2 space-y-1 text-sm">
        {requests.map((r) => (
          <li key={r.id}>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={selected.has(r.id)} onChange={() => toggle(r.id)} data-testid="bulk-select" />
              {names.get(r.employee_id) ?? t('approvals.employee')} · {formatRequestWhen(r.start_at, r.end_at, zones.get(r.employee_id) ?? 'UTC')}
            </label>
          </li>
        ))}
      </ul>
      <FormError error={bulk.error} />
      <Field label={t('team.bulk.note')} className="mt-2">
        <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="bulk-note" />
      </Field>
      <Button className="mt-2" disabled={selected.size === 0} loading={bulk.isPending} onClick={() => bulk.mutate([...selected])} data-testid="bulk-approve-button">
        {t('team.bulk.approve', { count: selected.size })}
      </Button>
    </Card>
  );
}

function Decisions({ requests, employees }: { requests: TimeOffRequest[]; employees: Employee[] }) {
  const t = useT();
  const names = new Map(employees.map((e) => [e.id, fullName(e)]));
  const zones = new Map(employees.map((e) => [e.id, e.timezone || 'UTC']));
  const sorted = [...requests].sort((a, b) => (b.decided_at ?? '').localeCompare(a.decided_at ?? ''));
  if (sorted.length === 0) return <EmptyState title={t('team.decisions.empty')}>{t('team.decisions.emptyHint')}</EmptyState>;
  return (
    <ul className="space-y-2 text-sm" data-testid="team-decisions">
      {sorted.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center gap-2">
          <StatusBadge status={r.status} /> {names.get(r.employee_id) ?? t('approvals.employee')} · {formatRequestWhen(r.start_at, r.end_at, zones.get(r.employee_id) ?? 'UTC')}
          <span className="text-slate-600">
            {r.decided_on_behalf_of
              ? t('team.decisions.decidedAsDelegate', { at: formatDateTime(r.decided_at) })
              : t('team.decisions.decided', { at: formatDateTime(r.decided_at) })}
          </span>
          {r.decision_note && <span className="italic">“{r.decision_note}”</span>}
        </li>
      ))}
    </ul>
  );
}

export interface Approver {
  id: string;
  first_name: string;
  last_name: string;
  role: string;
  /** Issue 26: `invited` (not signed in yet) and `none` (imported, no account yet) are offered too. */
  account?: 'active' | 'invited' | 'none';
}

/** Who a delegation can go to, the caller aside; those who have not signed in yet say so (issue 26). */
export function approverOptions(approvers: Approver[], meId: string, t: ReturnType<typeof useT>) {
  return approvers
    .filter((a) => a.id !== meId)
    .map((a) => ({
      value: a.id,
      label: t(a.account && a.account !== 'active' ? 'team.delegation.optionNotSignedIn' : 'team.delegation.option', {
        name: `${a.first_name} ${a.last_name}`,
        role: a.role,
      }),
    }));
}

function DelegationPanel() {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const approvers = useQuery({
    queryKey: ['delegation-approvers', me.company_id],
    queryFn: () => api.get<{ items: Approver[] }>(companyPath(me.company_id, '/delegations/approvers')),
  });
  const delegations = useQuery({
    queryKey: ['delegations', me.company_id],
    queryFn: () => api.get<{ items: Delegation[]; total: number }>(companyPath(me.company_id, '/delegations'), { limit: 100 }),
  });
  const [delegate, setDelegate] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const names = new Map((approvers.data?.items ?? []).map((a) => [a.id, `${a.first_name} ${a.last_name}`]));
  const refresh = () => Promise.all([qc.invalidateQueries({ queryKey: ['delegations'] }), qc.invalidateQueries({ queryKey: ['requests'] })]);
  const create = useMutation({
    mutationFn: () => api.post<Delegation>(companyPath(me.company_id, '/delegations'), { delegate_id: delegate, start_date: start, end_date: end }),
    onSuccess: () => {
      toast(t('team.delegation.done', { name: names.get(delegate) ?? t('team.delegation.colleague') }));
      setDelegate('');
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post<Delegation>(companyPath(me.company_id, `/delegations/${id}/revoke`)),
    onSettled: refresh,
  });
  const options = approverOptions(approvers.data?.items ?? [], me.user_id, t);
  return (
    <div className="space-y-4">
      <Card>
        <h2 className="font-semibold">{t('team.delegation.title')}</h2>
        <p className="text-sm text-slate-600">{t('team.delegation.intro')}</p>
        <form
          className="mt-2 grid gap-3 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label={t('team.delegation.to')} required>
            <Select value={delegate} onValueChange={setDelegate} options={options} placeholder={t('team.delegation.choose')} data-testid="delegate-select" />
          </Field>
          <Field label={t('team.delegation.from')} required>
            <Input type="date" value={start} onChange={(e) => setStart(e.target.value)} data-testid="delegate-start" />
          </Field>
          <Field label={t('team.delegation.until')} required>
            <Input type="date" value={end} min={start || undefined} onChange={(e) => setEnd(e.target.value)} data-testid="delegate-end" />
          </Field>
          <div className="flex items-end">
            <Button type="submit" disabled={!delegate || !start || !end} loading={create.isPending} data-testid="delegate-submit">
              {t('team.delegation.submit')}
            </Button>
          </div>
        </form>
        <FormError error={create.error ?? revoke.error} />
      </Card>
      <Card>
        <h2 className="font-semibold">{t('team.delegation.list')}</h2>
        {(delegations.data?.items ?? []).length === 0 ? (
          <p className="text-sm text-slate-600">{t('team.delegation.none')}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="delegation-list">
            {delegations.data!.items.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2" data-delegation-id={d.id}>
                {t('team.delegation.item', {
                  from: d.delegator_id === me.user_id ? t('team.delegation.you') : names.get(d.delegator_id) ?? t('team.delegation.aManager'),
                  to: d.delegate_id === me.user_id ? t('team.delegation.youLower') : names.get(d.delegate_id) ?? t('team.delegation.someone'),
                  start: formatDate(d.start_date),
                  end: formatDate(d.end_date),
                })}
                {d.revoked_at ? (
                  <span className="text-slate-600">{t('team.delegation.revoked')}</span>
                ) : (
                  (d.delegator_id === me.user_id || me.role === 'admin') && (
                    <Button size="sm" variant="secondary" onClick={() => revoke.mutate(d.id)} data-testid="delegation-revoke">
                      {t('team.delegation.revoke')}
                    </Button>
                  )
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

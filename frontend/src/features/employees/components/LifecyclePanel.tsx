import { useState, type FormEvent } from 'react';
import { balanceLabel } from '@/lib/units';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, companyPath, downloadFile } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, fullName } from '@/lib/format';
import type { Employee } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, Card, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useIntl } from 'react-intl';
import { useT } from '@/i18n/I18nProvider';
import { useAmounts } from '@/i18n/amounts';
import type { DisplayUnit } from '@/lib/types';

export interface FinalStatement {
  employee_id: string;
  termination_date: string | null;
  items: { policy_id: string; policy_key: string; policy_name?: string | null; available_minutes: number | null; payable_minutes: number; unit: string }[];
  /** Issue 24: the day the amounts stand on (grants due up to the last day included). */
  as_of?: string;
  /** Issue 24: requests still pending, listed apart. */
  pending_requests?: { request_id: string; policy_id: string; start_at: string; end_at: string; requested_minutes: number }[];
}

interface TerminationResult extends Employee {
  ended_assignments: string[];
  cancelled_requests: string[];
  reversed_requests: string[];
  reports_without_manager: { id: string; first_name: string; last_name: string; email: string }[];
  trimmed_requests?: string[];
}

/** The answer of DELETE …/termination (issue 24). */
interface WithdrawalResult extends Employee {
  restored_assignments: string[];
  assignments_changed_since: string[];
  restored_reports: string[];
  reports_changed_since: string[];
  cancelled_requests: string[];
  reversed_requests: string[];
  trimmed_requests: string[];
}

/** The final statement: each balance in its policy's unit (days by the employee's workday). */
export function StatementTable({ statement, employee }: { statement: FinalStatement; employee: Pick<Employee, 'workday_minutes'> }) {
  const t = useT();
  const intl = useIntl();
  const amounts = useAmounts();
  const amount = (minutes: number | null, unit: string) => amounts.one(minutes, unit as DisplayUnit, employee.workday_minutes);
  return (
    <Table caption={t('lifecycle.statement')} data-testid="final-statement">
      <thead>
        <tr>
          <Th>{t('col.policy')}</Th>
          <Th>{t('balance.available')}</Th>
          <Th>{t('lifecycle.toPay')}</Th>
          <Th>{t('lifecycle.minutesToPay')}</Th>
        </tr>
      </thead>
      <tbody>
        {statement.items.map((i) => (
          <tr key={i.policy_id} data-testid="final-statement-row">
            <Td>{balanceLabel(i)}</Td>
            <Td>{amount(i.available_minutes, i.unit)}</Td>
            <Td>{amount(i.payable_minutes, i.unit)}</Td>
            <Td>{intl.formatNumber(i.payable_minutes)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The "Employment" tab: terminate (with the final statement to confirm), the statement, rehire. */
export function LifecyclePanel({ employee }: { employee: Employee }) {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const base = companyPath(me.company_id, `/employees/${employee.id}`);
  const statement = useQuery({
    queryKey: ['final-statement', me.company_id, employee.id, employee.termination_date ?? null],
    queryFn: ({ signal }) => api.get<FinalStatement>(`${base}/final-statement`, undefined, signal),
  });
  const [lastDay, setLastDay] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<TerminationResult | null>(null);
  const [hireDate, setHireDate] = useState('');
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['employee'] });
    await qc.invalidateQueries({ queryKey: ['employees'] });
    await qc.invalidateQueries();
  };
  const terminate = useMutation({
    mutationFn: () => api.post<TerminationResult>(`${base}/terminate`, { termination_date: lastDay, reason: reason || null }),
    onSuccess: async (r) => {
      setConfirming(false);
      setResult(r);
      toast(t('lifecycle.terminated'));
      await refresh();
    },
  });
  const [withdrawing, setWithdrawing] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => api.del<WithdrawalResult>(`${base}/termination`),
    onSuccess: async (r) => {
      setWithdrawing(false);
      setResult(null);
      const left = r.cancelled_requests.length + r.reversed_requests.length;
      const kept = r.assignments_changed_since.length + r.reports_changed_since.length;
      toast(t('lifecycle.withdrawn'), {
        description: [left > 0 ? t('lifecycle.stillCancelled', { count: left }) : '', kept > 0 ? t('lifecycle.keptChanges', { count: kept }) : '']
          .filter(Boolean)
          .join(' ') || undefined,
      });
      await refresh();
    },
  });
  const rehire = useMutation({
    mutationFn: () => api.post<Employee>(`${base}/rehire`, { hire_date: hireDate }),
    onSuccess: async () => {
      toast(t('lifecycle.rehired'));
      setResult(null);
      await refresh();
    },
  });
  function review(e: FormEvent) {
    e.preventDefault();
    if (/^\d{4}-\d{2}-\d{2}$/.test(lastDay)) setConfirming(true);
  }
  const terminated = !!employee.termination_date;
  return (
    <div className="space-y-4">
      <Card className="max-w-3xl">
        <CardTitle>{t('employee.tab.employment')}</CardTitle>
        <p className="mt-1 text-sm text-slate-700" data-testid="employment-status">
          <Badge tone={employee.status === 'TERMINATED' ? 'gray' : 'green'}>
            {employee.status === 'TERMINATED' ? t('lifecycle.terminatedBadge') : t('employees.status.ACTIVE')}
          </Badge>{' '}
          {terminated
            ? employee.status === 'TERMINATED'
              ? t('lifecycle.ended', { date: formatDate(employee.termination_date) })
              : t('lifecycle.leaves', { date: formatDate(employee.termination_date), zone: employee.timezone })
            : t('lifecycle.hired', { date: formatDate(employee.hire_date) })}
        </p>
        {!terminated && (
          <form onSubmit={review} noValidate className="mt-4 grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
            <Field label={t('lifecycle.lastDay')} required>
              <Input type="date" value={lastDay} onChange={(e) => setLastDay(e.target.value)} data-testid="termination-date" />
            </Field>
            <Field label={t('adjust.reason')}>
              <Input value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} data-testid="termination-reason" />
            </Field>
            <Button type="submit" variant="secondary" disabled={!lastDay} data-testid="terminate">
              {t('lifecycle.terminate')}
            </Button>
          </form>
        )}
        {terminated && employee.status !== 'TERMINATED' && (
          <div className="mt-4 space-y-2" data-testid="withdraw-termination-card">
            <p className="text-sm text-slate-700">{t('lifecycle.withdrawHint')}</p>
            <Button variant="secondary" onClick={() => setWithdrawing(true)} data-testid="withdraw-termination">
              {t('lifecycle.withdraw')}
            </Button>
          </div>
        )}
        {terminated && employee.status === 'TERMINATED' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (hireDate) rehire.mutate();
            }}
            noValidate
            className="mt-4 grid gap-4 sm:grid-cols-[12rem_auto] sm:items-end"
          >
            <FormError error={rehire.error} />
            <Field label={t('lifecycle.newHireDate')} required hint={t('lifecycle.newHireHint')}>
              <Input type="date" value={hireDate} onChange={(e) => setHireDate(e.target.value)} data-testid="rehire-date" />
            </Field>
            <Button type="submit" disabled={!hireDate || rehire.isPending} data-testid="rehire">
              {t('lifecycle.rehire')}
            </Button>
          </form>
        )}
      </Card>
      {result && result.reports_without_manager.length > 0 && (
        <Card className="max-w-3xl" data-testid="reports-to-reassign">
          <CardTitle>{t('lifecycle.reassign')}</CardTitle>
          <p className="mt-1 text-sm text-slate-700">{t('lifecycle.reassignHint')}</p>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {result.reports_without_manager.map((r) => (
              <li key={r.id}>
                <Link className="text-brand-700 underline" to={`/admin/employees/${r.id}/edit`}>
                  {r.first_name} {r.last_name}
                </Link>{' '}
                ({r.email})
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card className="max-w-3xl print:max-w-none print:border-0 print:shadow-none" data-testid="final-statement-card" data-print-part>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <CardTitle>{terminated ? t('lifecycle.statement') : t('lifecycle.statementPreview')}</CardTitle>
          <div className="flex gap-2 print:hidden">
            <Button variant="secondary" onClick={() => window.print()} data-testid="print-statement">
              {t('lifecycle.print')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => downloadFile(`${base}/final-statement`, {}, `final-statement-${employee.id}.csv`)}
            >
              {t('common.downloadCsv')}
            </Button>
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-700">
          {fullName(employee)} · {employee.email}
          {employee.termination_date ? ` · ${t('lifecycle.lastDayOn', { date: formatDate(employee.termination_date) })}` : ''}
        </p>
        <div className="mt-3">
          {statement.isPending ? (
            <LoadingState label={t('lifecycle.loading')} />
          ) : statement.isError ? (
            <ErrorState error={statement.error} onRetry={() => statement.refetch()} />
          ) : (
            <>
              <StatementTable statement={statement.data} employee={employee} />
              {statement.data.as_of && (
                <p className="mt-2 text-xs text-slate-600" data-testid="statement-as-of">
                  {t('lifecycle.asOf', { date: formatDate(statement.data.as_of) })}
                </p>
              )}
              {(statement.data.pending_requests ?? []).length > 0 && (
                <p className="mt-1 text-xs text-slate-600" data-testid="statement-pending">
                  {t('lifecycle.pending', { count: statement.data.pending_requests?.length ?? 0 })}
                </p>
              )}
            </>
          )}
        </div>
      </Card>
      <Dialog
        open={withdrawing}
        onOpenChange={setWithdrawing}
        title={t('lifecycle.confirmWithdrawTitle', { name: fullName(employee) })}
        description={t('lifecycle.withdrawHint')}
        testId="withdraw-dialog"
      >
        <FormError error={withdraw.error} />
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setWithdrawing(false)}>
            {t('action.cancel')}
          </Button>
          <Button onClick={() => withdraw.mutate()} disabled={withdraw.isPending} data-testid="confirm-withdraw">
            {t('lifecycle.confirmWithdraw')}
          </Button>
        </div>
      </Dialog>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('lifecycle.confirmTitle', { name: fullName(employee) })}
        description={t('lifecycle.confirmHint', { date: formatDate(lastDay) })}
        testId="terminate-dialog"
        className="max-w-2xl"
      >
        <FormError error={terminate.error} />
        <p className="mb-2 text-sm font-medium">{t('lifecycle.leftToPay')}</p>
        {statement.data && <StatementTable statement={statement.data} employee={employee} />}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </Button>
          <Button onClick={() => terminate.mutate()} disabled={terminate.isPending} data-testid="confirm-terminate">
            {t('lifecycle.confirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

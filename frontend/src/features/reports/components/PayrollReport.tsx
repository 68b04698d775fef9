// The payroll report (issue 26): per person × policy for a pay period — opening balance, accrued,
// taken, adjusted, expired, corrections to earlier periods posted in this one, balance — in the
// policy's unit; the same as CSV (GET …/reports/payroll, docs/api-extensions.md).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { companyPath, downloadFile, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDateRange, todayIso } from '@/lib/format';
import type { DisplayUnit } from '@/lib/types';
import { balanceLabel } from '@/lib/units';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { useAmounts } from '@/i18n/amounts';
import { payPeriod, previousMonth, type PeriodChoice, type PeriodKind } from '../payPeriod';

/** One line of GET /reports/payroll. */
export interface PayrollLine {
  employee_id: string;
  employee_name: string;
  policy_id: string;
  policy_key: string;
  policy_name: string | null;
  unit: DisplayUnit;
  workday_minutes: number;
  is_unlimited: boolean;
  opening_balance_minutes: number | null;
  accrued_minutes: number;
  taken_minutes: number;
  adjusted_minutes: number;
  expired_minutes: number;
  prior_period_corrections_minutes: number;
  balance_minutes: number | null;
}

const AMOUNTS = [
  ['opening_balance_minutes', 'reports.payroll.opening'],
  ['accrued_minutes', 'reports.payroll.accrued'],
  ['taken_minutes', 'reports.payroll.taken'],
  ['adjusted_minutes', 'reports.payroll.adjusted'],
  ['expired_minutes', 'reports.payroll.expired'],
  ['prior_period_corrections_minutes', 'reports.payroll.corrections'],
  ['balance_minutes', 'reports.payroll.balance'],
] as const;

export function PayrollReport() {
  const me = useMe();
  const t = useT();
  const amounts = useAmounts();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: 'MONTH', month: previousMonth(todayIso()), start: '', end: '' }));
  const period = payPeriod(choice);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const report = useQuery({
    queryKey: ['report-payroll', me.company_id, period],
    queryFn: ({ signal }) =>
      fetchAll<PayrollLine>(companyPath(me.company_id, '/reports/payroll'), { start_date: period!.start, end_date: period!.end }, signal, 10_000),
    enabled: !!period,
  });
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }));
  async function download() {
    if (!period) return;
    setDownloadError(null);
    try {
      await downloadFile(companyPath(me.company_id, '/reports/payroll'), { start_date: period.start, end_date: period.end, format: 'csv' },
        `payroll-${period.start}-to-${period.end}.csv`);
      toast(t('reports.downloaded'));
    } catch (e) {
      setDownloadError(e);
    }
  }
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <Field label={t('reports.payroll.period')}>
            <Select
              value={choice.kind}
              onValueChange={(k) => set({ kind: k as PeriodKind })}
              options={(['MONTH', 'FIRST_HALF', 'SECOND_HALF', 'CUSTOM'] as const).map((k) => ({ value: k, label: t(`reports.payroll.kind.${k}`) }))}
              data-testid="payroll-period-kind"
            />
          </Field>
          {choice.kind === 'CUSTOM' ? (
            <>
              <Field label={t('reports.payroll.start')}>
                <Input type="date" value={choice.start} onChange={(e) => set({ start: e.target.value })} data-testid="payroll-start" />
              </Field>
              <Field label={t('reports.payroll.end')} error={choice.start && choice.end && choice.end < choice.start ? t('reports.payroll.order') : undefined}>
                <Input type="date" value={choice.end} onChange={(e) => set({ end: e.target.value })} data-testid="payroll-end" />
              </Field>
            </>
          ) : (
            <Field label={t('reports.payroll.month')}>
              <Input type="month" value={choice.month} onChange={(e) => set({ month: e.target.value })} data-testid="payroll-month" />
            </Field>
          )}
          <Button variant="secondary" onClick={download} disabled={!period} data-testid="payroll-csv">
            {t('common.downloadCsv')}
          </Button>
        </div>
        <p className="mt-3 text-xs text-slate-600">{t('reports.payroll.explain')}</p>
        <div className="mt-3">
          <FormError error={downloadError} />
        </div>
      </Card>
      {!period ? (
        <EmptyState title={t('reports.payroll.choose')} />
      ) : report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : report.data.length === 0 ? (
        <EmptyState title={t('reports.payroll.empty')} />
      ) : (
        <div className="overflow-x-auto">
          <Table caption={t('reports.payroll.caption', { period: formatDateRange(period.start, period.end) })} data-testid="payroll-report">
            <thead>
              <tr>
                <Th>{t('col.employee')}</Th>
                <Th>{t('col.policy')}</Th>
                {AMOUNTS.map(([, label]) => (
                  <Th key={label} className="text-right">
                    {t(label)}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.data.map((l) => (
                <tr key={`${l.employee_id}-${l.policy_id}`} data-testid="payroll-row">
                  <Td>{l.employee_name}</Td>
                  <Td>{balanceLabel(l)}</Td>
                  {AMOUNTS.map(([field]) => (
                    <Td key={field} className={field === 'balance_minutes' ? 'text-right font-medium tabular-nums' : 'text-right tabular-nums'}>
                      {l[field] === null ? (l.is_unlimited ? t('unit.unlimited') : '—') : amounts.one(l[field], l.unit, l.workday_minutes)}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
    </div>
  );
}

import { useState } from 'react';
import { balanceLabel } from '@/lib/units';
import { useIntl } from 'react-intl';
import { useQuery } from '@tanstack/react-query';
import { companyPath, downloadFile, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatLongDate, todayIso } from '@/lib/format';
import type { DisplayUnit } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { useAmounts } from '@/i18n/amounts';
import { BalanceTableHead } from './BalanceTableHead';

/** One row of GET /reports/balances-as-of (docs/api-extensions.md, issue 20). */
export interface BalanceLine {
  employee_id: string;
  employee_name: string;
  employee_email: string;
  policy_id: string;
  policy_key: string;
  policy_name: string | null;
  unit: DisplayUnit;
  workday_minutes: number;
  accrued_minutes: number;
  used_minutes: number;
  held_minutes: number;
  available_minutes: number | null;
  is_unlimited: boolean;
}

/** The last day of the previous month: what payroll usually asks for. */
export function lastMonthEnd(today: string): string {
  const d = new Date(`${today.slice(0, 8)}01T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

/** Balances at the end of a past day, from the ledger; shown as a table and downloadable as CSV. */
export function AsOfReport() {
  const me = useMe();
  const intl = useIntl();
  const amounts = useAmounts();
  const t = useT();
  const [date, setDate] = useState(() => lastMonthEnd(todayIso()));
  const [shown, setShown] = useState(date);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const tooLate = date > todayIso();
  const report = useQuery({
    queryKey: ['report-as-of', me.company_id, shown],
    queryFn: ({ signal }) =>
      fetchAll<BalanceLine>(companyPath(me.company_id, '/reports/balances-as-of'), { date: shown }, signal, 5000),
    enabled: !!shown,
  });
  async function download() {
    setDownloadError(null);
    try {
      await downloadFile(companyPath(me.company_id, '/reports/balances-as-of'), { date, format: 'csv' }, `balances-as-of-${date}.csv`);
      toast(t('reports.downloaded'));
    } catch (e) {
      setDownloadError(e);
    }
  }
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-end gap-3">
          <Field label={intl.formatMessage({ id: 'reports.asOf' })} error={tooLate ? t('reports.notFuture') : undefined}>
            <Input type="date" value={date} max={todayIso()} onChange={(e) => setDate(e.target.value)} data-testid="as-of-date" />
          </Field>
          <Button onClick={() => setShown(date)} disabled={tooLate || !date} data-testid="as-of-show">
            {intl.formatMessage({ id: 'reports.asOfShow' })}
          </Button>
          <Button variant="secondary" onClick={download} disabled={tooLate || !date} data-testid="as-of-csv">
            {intl.formatMessage({ id: 'reports.asOfCsv' })}
          </Button>
        </div>
        <div className="mt-3">
          <FormError error={downloadError} />
        </div>
      </Card>
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      ) : report.data.length === 0 ? (
        <EmptyState title={t('reports.noBalancesOn')} />
      ) : (
        <Table caption={t('reports.asOfCaption', { date: formatLongDate(shown) })} data-testid="as-of-report">
          <BalanceTableHead />
          <tbody>
            {report.data.map((b) => {
              const fmt = (m: number | null) => amounts.both(m, b.unit, b.workday_minutes);
              return (
                <tr key={`${b.employee_id}-${b.policy_id}`} data-testid="as-of-row">
                  <Td>{b.employee_name}</Td>
                  <Td>{balanceLabel(b)}</Td>
                  <Td className="text-right tabular-nums">{fmt(b.accrued_minutes)}</Td>
                  <Td className="text-right tabular-nums">{fmt(b.used_minutes)}</Td>
                  <Td className="text-right tabular-nums">{fmt(b.held_minutes)}</Td>
                  <Td className="text-right font-medium tabular-nums">
                    {fmt(b.available_minutes)}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { balanceLabel, policyLabel } from '@/lib/units';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, companyPath, downloadFile, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDateTime, fullName, todayIso } from '@/lib/format';
import { useEnumLabel } from '@/i18n/enums';
import { useAmounts } from '@/i18n/amounts';
import { useEmployeeMap, usePolicyMap } from '@/lib/queries';
import type { Balance, LedgerEntry, Page } from '@/lib/types';
import { policyUnit } from '@/lib/units';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState, Pagination } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { toast } from '@/components/ui/toast';
import { AsOfReport } from '../components/AsOfReport';
import { PayrollReport } from '../components/PayrollReport';
import { BalanceTableHead } from '../components/BalanceTableHead';

const LIMIT = 50;

export default function ReportsPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('nav.reports')} />
      <Tabs defaultValue="balances">
        <TabsList aria-label={t('nav.reports')}>
          <TabsTrigger value="balances">{t('reports.tab.summary')}</TabsTrigger>
          <TabsTrigger value="ledger" data-testid="tab-ledger-export">
            {t('reports.tab.ledger')}
          </TabsTrigger>
          <TabsTrigger value="as-of" data-testid="tab-as-of">
            {t('reports.tab.asOf')}
          </TabsTrigger>
          <TabsTrigger value="payroll" data-testid="tab-payroll">
            {t('reports.tab.payroll')}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="balances">
          <BalanceSummary />
        </TabsContent>
        <TabsContent value="ledger">
          <LedgerExport />
        </TabsContent>
        <TabsContent value="as-of">
          <AsOfReport />
        </TabsContent>
        <TabsContent value="payroll">
          <PayrollReport />
        </TabsContent>
      </Tabs>
    </>
  );
}

function BalanceSummary() {
  const t = useT();
  const amounts = useAmounts();
  const me = useMe();
  const employees = useEmployeeMap();
  const policies = usePolicyMap();
  const [q, setQ] = useState('');
  const [csvError, setCsvError] = useState<unknown>(null);
  async function downloadBalances() {
    setCsvError(null);
    try {
      await downloadFile(companyPath(me.company_id, '/reports/balances'), { format: 'csv' }, `balances-${todayIso()}.csv`);
      toast(t('reports.downloaded'));
    } catch (e) {
      setCsvError(e);
    }
  }
  const balances = useQuery({
    queryKey: ['report-balances', me.company_id],
    queryFn: ({ signal }) => fetchAll<Balance>(companyPath(me.company_id, '/reports/balances'), undefined, signal, 5000),
  });
  if (balances.isPending) return <LoadingState label={t('balances.loading')} />;
  if (balances.isError) return <ErrorState error={balances.error} onRetry={() => balances.refetch()} />;
  const needle = q.trim().toLowerCase();
  const rows = balances.data
    .map((b) => ({ b, e: employees.map.get(b.employee_id ?? '') }))
    .filter(({ b, e }) => !needle || `${fullName(e)} ${b.policy_key} ${b.policy_name ?? ''}`.toLowerCase().includes(needle))
    .sort((x, y) => fullName(x.e).localeCompare(fullName(y.e)) || x.b.policy_key.localeCompare(y.b.policy_key));
  return (
    <>
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <Field label={t('reports.filter')} className="max-w-sm flex-1">
          <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <Button variant="secondary" onClick={downloadBalances} data-testid="balances-csv">
          {t('reports.balancesCsv')}
        </Button>
      </div>
      <FormError error={csvError} />
      {rows.length === 0 ? (
        <EmptyState title={t('reports.noBalances')} />
      ) : (
        <Table caption={t('reports.summaryCaption')} data-testid="balance-report">
          <BalanceTableHead />
          <tbody>
            {rows.map(({ b, e }) => {
              const unit = policyUnit(policies.map.get(b.policy_id));
              const wd = e?.workday_minutes;
              return (
                <tr key={`${b.employee_id}-${b.policy_id}`}>
                  <Td>{e ? fullName(e) : (b.employee_id ?? '').slice(0, 8)}</Td>
                  <Td>{balanceLabel(b)}</Td>
                  <Td className="text-right tabular-nums">{amounts.one(b.accrued_minutes, unit, wd)}</Td>
                  <Td className="text-right tabular-nums">{amounts.one(b.used_minutes, unit, wd)}</Td>
                  <Td className="text-right tabular-nums">{amounts.one(b.held_minutes, unit, wd)}</Td>
                  <Td className="text-right font-medium tabular-nums">{b.is_unlimited ? t('unit.unlimited') : amounts.one(b.available_minutes, unit, wd)}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </>
  );
}

function LedgerExport() {
  const t = useT();
  const enumLabel = useEnumLabel();
  const amounts = useAmounts();
  const me = useMe();
  const employees = useEmployeeMap();
  const policies = usePolicyMap();
  const [f, setF] = useState({ policy_id: 'all', employee_id: 'all', start_date: '', end_date: '' });
  const [offset, setOffset] = useState(0);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const filters = {
    policy_id: f.policy_id === 'all' ? undefined : f.policy_id,
    employee_id: f.employee_id === 'all' ? undefined : f.employee_id,
    start_date: f.start_date || undefined,
    end_date: f.end_date || undefined,
  };
  const dateError = f.start_date && f.end_date && f.end_date < f.start_date ? t('reports.dateOrder') : undefined;
  const ledger = useQuery({
    queryKey: ['report-ledger', me.company_id, filters, offset],
    queryFn: ({ signal }) =>
      api.get<Page<LedgerEntry>>(companyPath(me.company_id, '/reports/ledger'), { ...filters, offset, limit: LIMIT }, signal),
    placeholderData: keepPreviousData,
    enabled: !dateError,
  });
  const set = (k: keyof typeof f) => (v: string) => {
    setF((s) => ({ ...s, [k]: v }));
    setOffset(0);
  };
  async function download(layout?: 'payroll') {
    setDownloading(true);
    setDownloadError(null);
    try {
      await downloadFile(companyPath(me.company_id, '/reports/ledger'), { ...filters, format: 'csv', layout }, `ledger-${todayIso()}.csv`);
      toast(t('reports.downloaded'));
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  }
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>{t('reports.filters')}</CardTitle>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label={t('col.policy')}>
            <Select value={f.policy_id} onValueChange={set('policy_id')} options={[{ value: 'all', label: t('reports.allPolicies') }, ...[...policies.map.values()].map((p) => ({ value: p.id, label: policyLabel(p) }))]} data-testid="export-policy" />
          </Field>
          <Field label={t('col.employee')}>
            <Select value={f.employee_id} onValueChange={set('employee_id')} options={[{ value: 'all', label: t('reports.allEmployees') }, ...[...employees.map.values()].map((e) => ({ value: e.id, label: fullName(e) }))]} data-testid="export-employee" />
          </Field>
          <Field label={t('col.from')}>
            <Input type="date" value={f.start_date} onChange={(e) => set('start_date')(e.target.value)} />
          </Field>
          <Field label={t('col.to')} error={dateError}>
            <Input type="date" value={f.end_date} onChange={(e) => set('end_date')(e.target.value)} />
          </Field>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button onClick={() => download('payroll')} loading={downloading} disabled={!!dateError} data-testid="download-payroll-csv">
            {t('reports.payrollCsv')}
          </Button>
          <Button variant="secondary" onClick={() => download()} loading={downloading} disabled={!!dateError} data-testid="download-csv">
            {t('common.downloadCsv')}
          </Button>
          {ledger.data && <span className="text-sm text-slate-600">{t('reports.matches', { count: ledger.data.total })}</span>}
        </div>
        <div className="mt-3">
          <FormError error={downloadError} />
        </div>
      </Card>
      {ledger.isPending ? (
        <LoadingState label={t('balances.loadingLedger')} />
      ) : ledger.isError ? (
        <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />
      ) : ledger.data.items.length === 0 ? (
        <EmptyState title={t('reports.noEntries')} />
      ) : (
        <>
          <Table caption={t('reports.ledgerCaption')} data-testid="ledger-report">
            <thead>
              <tr>
                <Th>{t('ledger.when')}</Th>
                <Th>{t('col.employee')}</Th>
                <Th>{t('col.policy')}</Th>
                <Th>{t('col.type')}</Th>
                <Th className="text-right">{t('col.amount')}</Th>
                <Th>{t('ledger.source')}</Th>
              </tr>
            </thead>
            <tbody>
              {ledger.data.items.map((l) => {
                const p = policies.map.get(l.policy_id);
                const e = employees.map.get(l.employee_id);
                return (
                  <tr key={l.id}>
                    <Td className="whitespace-nowrap">{formatDateTime(l.effective_at)}</Td>
                    <Td>{e ? fullName(e) : l.employee_id.slice(0, 8)}</Td>
                    <Td>{policyLabel(p) || l.policy_id.slice(0, 8)}</Td>
                    <Td>{enumLabel('entry', l.entry_type)}</Td>
                    <Td className="text-right tabular-nums">{amounts.signed(l.amount_minutes, policyUnit(p), e?.workday_minutes)}</Td>
                    <Td>{enumLabel('source', l.source_type)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          <Pagination offset={offset} limit={LIMIT} total={ledger.data.total} onChange={setOffset} />
        </>
      )}
    </div>
  );
}

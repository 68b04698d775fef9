import { useState } from 'react';
import { policyLabel } from '@/lib/units';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, companyPath, downloadFile, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDateTime, fullName, humanize, todayIso } from '@/lib/format';
import { useEmployeeMap, usePolicyMap } from '@/lib/queries';
import type { Balance, LedgerEntry, Page } from '@/lib/types';
import { formatDuration, formatSigned, policyUnit } from '@/lib/units';
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

const LIMIT = 50;

export default function ReportsPage() {
  return (
    <>
      <PageHeader title="Reports" />
      <Tabs defaultValue="balances">
        <TabsList aria-label="Reports">
          <TabsTrigger value="balances">Balance summary</TabsTrigger>
          <TabsTrigger value="ledger" data-testid="tab-ledger-export">
            Ledger export
          </TabsTrigger>
          <TabsTrigger value="as-of" data-testid="tab-as-of">
            Balances as of a date
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
      </Tabs>
    </>
  );
}

function BalanceSummary() {
  const me = useMe();
  const employees = useEmployeeMap();
  const policies = usePolicyMap();
  const [q, setQ] = useState('');
  const [csvError, setCsvError] = useState<unknown>(null);
  async function downloadBalances() {
    setCsvError(null);
    try {
      await downloadFile(companyPath(me.company_id, '/reports/balances'), { format: 'csv' }, `balances-${todayIso()}.csv`);
      toast('CSV downloaded');
    } catch (e) {
      setCsvError(e);
    }
  }
  const balances = useQuery({
    queryKey: ['report-balances', me.company_id],
    queryFn: ({ signal }) => fetchAll<Balance>(companyPath(me.company_id, '/reports/balances'), undefined, signal, 5000),
  });
  if (balances.isPending) return <LoadingState label="Loading balances…" />;
  if (balances.isError) return <ErrorState error={balances.error} onRetry={() => balances.refetch()} />;
  const needle = q.trim().toLowerCase();
  const rows = balances.data
    .map((b) => ({ b, e: employees.map.get(b.employee_id ?? '') }))
    .filter(({ b, e }) => !needle || `${fullName(e)} ${b.policy_key}`.toLowerCase().includes(needle))
    .sort((x, y) => fullName(x.e).localeCompare(fullName(y.e)) || x.b.policy_key.localeCompare(y.b.policy_key));
  return (
    <>
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <Field label="Filter by employee or policy" className="max-w-sm flex-1">
          <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <Button variant="secondary" onClick={downloadBalances} data-testid="balances-csv">
          Balances today (CSV)
        </Button>
      </div>
      <FormError error={csvError} />
      {rows.length === 0 ? (
        <EmptyState title="No balances" />
      ) : (
        <Table caption="Balance summary: one row per employee and assigned policy" data-testid="balance-report">
          <thead>
            <tr>
              <Th>Employee</Th>
              <Th>Policy</Th>
              <Th className="text-right">Accrued</Th>
              <Th className="text-right">Used</Th>
              <Th className="text-right">Held</Th>
              <Th className="text-right">Available</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ b, e }) => {
              const unit = policyUnit(policies.map.get(b.policy_id));
              const wd = e?.workday_minutes;
              return (
                <tr key={`${b.employee_id}-${b.policy_id}`}>
                  <Td>{e ? fullName(e) : (b.employee_id ?? '').slice(0, 8)}</Td>
                  <Td>{policyLabel(policies.map.get(b.policy_id)) || b.policy_key}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(b.accrued_minutes, unit, wd)}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(b.used_minutes, unit, wd)}</Td>
                  <Td className="text-right tabular-nums">{formatDuration(b.held_minutes, unit, wd)}</Td>
                  <Td className="text-right font-medium tabular-nums">{b.is_unlimited ? 'Unlimited' : formatDuration(b.available_minutes, unit, wd)}</Td>
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
  const dateError = f.start_date && f.end_date && f.end_date < f.start_date ? 'The end date is before the start date.' : undefined;
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
      toast('CSV downloaded');
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(false);
    }
  }
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>Filters</CardTitle>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field label="Policy">
            <Select value={f.policy_id} onValueChange={set('policy_id')} options={[{ value: 'all', label: 'All policies' }, ...[...policies.map.values()].map((p) => ({ value: p.id, label: policyLabel(p) }))]} data-testid="export-policy" />
          </Field>
          <Field label="Employee">
            <Select value={f.employee_id} onValueChange={set('employee_id')} options={[{ value: 'all', label: 'All employees' }, ...[...employees.map.values()].map((e) => ({ value: e.id, label: fullName(e) }))]} data-testid="export-employee" />
          </Field>
          <Field label="From">
            <Input type="date" value={f.start_date} onChange={(e) => set('start_date')(e.target.value)} />
          </Field>
          <Field label="To" error={dateError}>
            <Input type="date" value={f.end_date} onChange={(e) => set('end_date')(e.target.value)} />
          </Field>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button onClick={() => download('payroll')} loading={downloading} disabled={!!dateError} data-testid="download-payroll-csv">
            Payroll CSV (names, units, reason)
          </Button>
          <Button variant="secondary" onClick={() => download()} loading={downloading} disabled={!!dateError} data-testid="download-csv">
            Download CSV
          </Button>
          {ledger.data && <span className="text-sm text-slate-600">{ledger.data.total} entries match</span>}
        </div>
        <div className="mt-3">
          <FormError error={downloadError} />
        </div>
      </Card>
      {ledger.isPending ? (
        <LoadingState label="Loading ledger…" />
      ) : ledger.isError ? (
        <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />
      ) : ledger.data.items.length === 0 ? (
        <EmptyState title="No ledger entries match" />
      ) : (
        <>
          <Table caption="Ledger entries matching the filters" data-testid="ledger-report">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Employee</Th>
                <Th>Policy</Th>
                <Th>Type</Th>
                <Th className="text-right">Amount</Th>
                <Th>Source</Th>
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
                    <Td>{humanize(l.entry_type)}</Td>
                    <Td className="text-right tabular-nums">{formatSigned(l.amount_minutes, policyUnit(p), e?.workday_minutes)}</Td>
                    <Td>{humanize(l.source_type)}</Td>
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

import { lazy, Suspense, useMemo, useState } from 'react';
import type { Employee } from '@/lib/types';
import { useBalances, useLedger, usePolicyMap } from '@/lib/queries';
import { balanceLabel, policyUnit, safeWorkday } from '@/lib/units';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { BalanceCard } from './BalanceCard';
import { LedgerTable } from './LedgerTable';
import { ledgerSeries } from '../ledgerSeries';
import { useT } from '@/i18n/I18nProvider';

const BalanceChart = lazy(() => import('./BalanceChart'));

/** Balance cards, a balance-over-time chart and the ledger of one employee. */
export function EmployeeBalances({ employee, showLedger = true }: { employee: Employee; showLedger?: boolean }) {
  const t = useT();
  const workday = safeWorkday(employee.workday_minutes);
  const balances = useBalances(employee.id);
  const ledger = useLedger(employee.id);
  const policies = usePolicyMap();
  const items = useMemo(() => balances.data?.items ?? [], [balances.data]);
  const [chartPolicy, setChartPolicy] = useState<string | undefined>();
  const selectedPolicy = chartPolicy ?? items.find((b) => !b.is_unlimited)?.policy_id ?? items[0]?.policy_id;
  const points = useMemo(
    () => ledgerSeries((ledger.data ?? []).filter((e) => e.policy_id === selectedPolicy), employee.timezone),
    [ledger.data, selectedPolicy, employee.timezone],
  );

  if (balances.isPending) return <LoadingState label={t('balances.loading')} />;
  if (balances.isError) return <ErrorState error={balances.error} onRetry={() => balances.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState title={t('balances.empty')}>{t('balances.emptyHint')}</EmptyState>
    );
  }
  const selected = items.find((b) => b.policy_id === selectedPolicy);

  return (
    <div className="space-y-6">
      <section aria-label={t('balances.cards')} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="balance-cards">
        {items.map((b) => (
          <BalanceCard key={b.policy_id} balance={b} unit={policyUnit(policies.map.get(b.policy_id))} workdayMinutes={workday} />
        ))}
      </section>

      <Card>
        <div className="mb-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <CardTitle>{t('balances.chartTitle')}</CardTitle>
          <Field label={t('col.policy')} className="sm:w-64">
            <Select
              value={selectedPolicy}
              onValueChange={setChartPolicy}
              options={items.map((b) => ({ value: b.policy_id, label: balanceLabel(b) }))}
              data-testid="chart-policy"
            />
          </Field>
        </div>
        {ledger.isPending ? (
          <LoadingState label={t('balances.loadingHistory')} />
        ) : ledger.isError ? (
          <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />
        ) : points.length === 0 ? (
          <EmptyState title={t('balances.noActivity')} />
        ) : (
          <Suspense fallback={<LoadingState label={t('balances.loadingChart')} />}>
            <BalanceChart
              points={points}
              workdayMinutes={workday}
              label={t('balances.chartLabel', { name: balanceLabel(selected) })}
            />
          </Suspense>
        )}
      </Card>

      {showLedger && (
        <section aria-labelledby="ledger-heading">
          <h2 id="ledger-heading" className="mb-2 text-base font-semibold">
            {t('balances.ledger')}
          </h2>
          {ledger.isPending ? (
            <LoadingState label={t('balances.loadingLedger')} />
          ) : ledger.isError ? (
            <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />
          ) : (
            <LedgerTable entries={ledger.data ?? []} policies={policies.map} workdayMinutes={workday} timeZone={employee.timezone} />
          )}
        </section>
      )}
    </div>
  );
}

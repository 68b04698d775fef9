import { useMemo } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { useMe } from '@/lib/auth';
import { addDays, dateInZone } from '@/lib/format';
import { useDelegatedReports, useEmployeeMap, usePolicyMap, useRequestList } from '@/lib/queries';
import { PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { ApprovalCard } from '../components/ApprovalCard';
import { overlappingAbsences } from '../overlap';
import { WhosOutPanel } from '@/features/calendar/components/WhosOutPanel';

export default function ApprovalsPage() {
  const t = useT();
  const me = useMe();
  const pending = useRequestList({ status: 'SUBMITTED' });
  const own = useEmployeeMap();
  // A delegate's queue holds another manager's reports, who are not in the delegate's employee list.
  const delegated = useDelegatedReports();
  const employees = useMemo(() => {
    const map = new Map(own.map);
    for (const e of delegated.data?.items ?? []) if (!map.has(e.id)) map.set(e.id, e);
    return { map };
  }, [own.map, delegated.data]);
  const policies = usePolicyMap();
  const items = useMemo(
    () =>
      (pending.data ?? [])
        .filter((r) => r.employee_id !== me.user_id)
        .sort((a, b) => a.start_at.localeCompare(b.start_at)),
    [pending.data, me.user_id],
  );
  // One query for every absence around the pending requests' window.
  const window = useMemo(() => {
    if (items.length === 0) return null;
    const start = items.reduce((m, r) => (r.start_at < m ? r.start_at : m), items[0].start_at);
    const end = items.reduce((m, r) => (r.end_at > m ? r.end_at : m), items[0].end_at);
    return { start_date: addDays(dateInZone(start), -1), end_date: addDays(dateInZone(end), 1) };
  }, [items]);
  const around = useRequestList(window ?? {}, !!window);

  return (
    <>
      <PageHeader title={t('nav.approvals')} description={t('page.approvals.description')} />
      <WhosOutPanel />
      {pending.isPending ? (
        <LoadingState label={t('approvals.loading')} />
      ) : pending.isError ? (
        <ErrorState error={pending.error} onRetry={() => pending.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('approvals.empty')}>{t('approvals.emptyHint')}</EmptyState>
      ) : (
        <div className="space-y-4" data-testid="approvals-list">
          {items.map((r) => (
            <ApprovalCard
              key={r.id}
              request={r}
              employee={employees.map.get(r.employee_id)}
              policy={policies.map.get(r.policy_id)}
              overlaps={overlappingAbsences(r, around.data ?? [])}
              employees={employees.map}
            />
          ))}
        </div>
      )}
    </>
  );
}

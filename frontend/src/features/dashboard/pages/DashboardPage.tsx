import { lazy, Suspense } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import type { ReportSummary } from '@/lib/types';
import { Card, PageHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { WhosOutPanel } from '@/features/calendar/components/WhosOutPanel';

const DashboardCharts = lazy(() => import('../components/DashboardCharts'));

function Kpi({ label, value, to, testId }: { label: string; value: number | string; to?: string; testId: string }) {
  const body = (
    <>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-bold" data-testid={testId}>
        {value}
      </p>
    </>
  );
  return <Card>{to ? <Link to={to} className="block hover:text-brand-700">{body}</Link> : body}</Card>;
}

export default function DashboardPage() {
  const t = useT();
  const me = useMe();
  const summary = useQuery({
    queryKey: ['summary', me.company_id],
    queryFn: ({ signal }) => api.get<ReportSummary>(companyPath(me.company_id, '/reports/summary'), undefined, signal),
  });
  return (
    <>
      <PageHeader title={t('nav.dashboard')} description={t('page.dashboard.description')} />
      <WhosOutPanel />
      {summary.isPending ? (
        <LoadingState label={t('dashboard.loading')} />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <div className="space-y-6">
          <section aria-label={t('dashboard.keyFigures')} className="grid gap-4 sm:grid-cols-3">
            <Kpi label={t('dashboard.employees')} value={summary.data.employees} to="/admin/employees" testId="kpi-employees" />
            <Kpi label={t('dashboard.policies')} value={summary.data.policies} to="/admin/policies" testId="kpi-policies" />
            <Kpi label={t('dashboard.pending')} value={summary.data.pending_requests} to="/approvals" testId="kpi-pending" />
          </section>
          <Suspense fallback={<LoadingState label={t('dashboard.loadingCharts')} />}>
            <DashboardCharts summary={summary.data} />
          </Suspense>
        </div>
      )}
    </>
  );
}

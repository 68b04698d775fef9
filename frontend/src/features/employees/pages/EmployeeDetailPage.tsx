import { Link, useParams } from 'react-router';
import { formatDate, fullName, weekdayName } from '@/lib/format';
import { WEEK_DAYS } from '@/lib/types';
import { useT } from '@/i18n/I18nProvider';
import { useEmployee, useEmployeeMap } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { EmployeeBalances } from '@/features/balances/components/EmployeeBalances';
import { AccountPanel } from '../components/AccountPanel';
import { AdjustmentForm } from '../components/AdjustmentForm';
import { AssignmentsPanel } from '../components/AssignmentsPanel';
import { LifecyclePanel } from '../components/LifecyclePanel';

export default function EmployeeDetailPage() {
  const { eid = '' } = useParams();
  const employee = useEmployee(eid);
  const { map } = useEmployeeMap();
  const t = useT();
  if (employee.isPending) return <LoadingState label={t('employee.loading')} />;
  if (employee.isError) return <ErrorState error={employee.error} onRetry={() => employee.refetch()} />;
  const e = employee.data;
  return (
    <>
      <PageHeader
        title={fullName(e)}
        description={
          <>
            {e.email} · {t(e.pay_type === 'HOURLY' ? 'employee.form.pay.HOURLY' : 'employee.form.pay.SALARY')} · {e.timezone} ·{' '}
            {t('employee.detail.workday', { hours: e.workday_minutes / 60, start: e.workday_start, days: e.work_days.map((d) => weekdayName(WEEK_DAYS.indexOf(d))).join(', ') })} ·{' '}
            {t('employee.detail.hired', { date: formatDate(e.hire_date) })} ·{' '}
            {t('employee.detail.manager', { name: e.manager_id ? fullName(map.get(e.manager_id)) : t('employee.detail.none') })}
            {e.department ? ` · ${e.department}` : ''}
            {e.location ? ` · ${e.location}` : ''}
            {e.status === 'TERMINATED' ? ` · ${t('employee.detail.leftAfter', { date: formatDate(e.termination_date ?? null) })}` : ''}
          </>
        }
        actions={
          <Button asChild variant="secondary">
            <Link to={`/admin/employees/${e.id}/edit`}>{t('employee.detail.edit')}</Link>
          </Button>
        }
      />
      <Tabs defaultValue="balances">
        <TabsList aria-label={t('employee.detail.sections')}>
          <TabsTrigger value="balances">{t('employee.tab.balances')}</TabsTrigger>
          <TabsTrigger value="assignments" data-testid="tab-assignments">
            {t('policy.detail.assignments')}
          </TabsTrigger>
          <TabsTrigger value="adjust" data-testid="tab-adjust">
            {t('employee.tab.adjust')}
          </TabsTrigger>
          <TabsTrigger value="account" data-testid="tab-account">
            {t('employee.tab.account')}
          </TabsTrigger>
          <TabsTrigger value="employment" data-testid="tab-employment">
            {t('employee.tab.employment')}
          </TabsTrigger>
        </TabsList>
        <TabsContent value="balances">
          <EmployeeBalances employee={e} />
        </TabsContent>
        <TabsContent value="assignments">
          <AssignmentsPanel employee={e} />
        </TabsContent>
        <TabsContent value="adjust">
          <AdjustmentForm employee={e} />
        </TabsContent>
        <TabsContent value="account">
          <AccountPanel employee={e} />
        </TabsContent>
        <TabsContent value="employment">
          <LifecyclePanel employee={e} />
        </TabsContent>
      </Tabs>
    </>
  );
}

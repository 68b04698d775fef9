import { Link, useParams } from 'react-router';
import { formatDate, fullName } from '@/lib/format';
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
  if (employee.isPending) return <LoadingState label="Loading employee…" />;
  if (employee.isError) return <ErrorState error={employee.error} onRetry={() => employee.refetch()} />;
  const e = employee.data;
  return (
    <>
      <PageHeader
        title={fullName(e)}
        description={
          <>
            {e.email} · {e.pay_type === 'HOURLY' ? 'Hourly' : 'Salary'} · {e.timezone} · {e.workday_minutes / 60} h days from{' '}
            {e.workday_start} ({e.work_days.join(', ')}) · hired {formatDate(e.hire_date)} · manager{' '}
            {e.manager_id ? fullName(map.get(e.manager_id)) : 'none'}
            {e.department ? ` · ${e.department}` : ''}
            {e.location ? ` · ${e.location}` : ''}
            {e.status === 'TERMINATED' ? ` · left after ${formatDate(e.termination_date ?? null)}` : ''}
          </>
        }
        actions={
          <Button asChild variant="secondary">
            <Link to={`/admin/employees/${e.id}/edit`}>Edit details</Link>
          </Button>
        }
      />
      <Tabs defaultValue="balances">
        <TabsList aria-label="Employee sections">
          <TabsTrigger value="balances">Balances & ledger</TabsTrigger>
          <TabsTrigger value="assignments" data-testid="tab-assignments">
            Assignments
          </TabsTrigger>
          <TabsTrigger value="adjust" data-testid="tab-adjust">
            Adjust balance
          </TabsTrigger>
          <TabsTrigger value="account" data-testid="tab-account">
            Sign-in account
          </TabsTrigger>
          <TabsTrigger value="employment" data-testid="tab-employment">
            Employment
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

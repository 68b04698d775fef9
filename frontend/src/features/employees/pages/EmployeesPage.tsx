import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useT } from '@/i18n/I18nProvider';
import { Link } from 'react-router';
import { companyPath, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName } from '@/lib/format';
import { useEmployeeMap } from '@/lib/queries';
import type { Employee } from '@/lib/types';
import { Select } from '@/components/ui/select';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, ErrorState, LoadingState, Pagination } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const PAGE = 25;

export default function EmployeesPage() {
  const t = useT();
  const me = useMe();
  const [status, setStatus] = useState<'ACTIVE' | 'TERMINATED' | 'ALL'>('ACTIVE');
  const [department, setDepartment] = useState('all');
  // Its own query (not the pickers' list): admins can also see people who have left.
  const employees = useQuery({
    queryKey: ['employees', me.company_id, 'page', status],
    queryFn: ({ signal }) => fetchAll<Employee>(companyPath(me.company_id, '/employees'), { status }, signal, 10_000),
  });
  const { map } = useEmployeeMap();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const needle = q.trim().toLowerCase();
  const departments = [...new Set((employees.data ?? []).map((e) => e.department).filter((d): d is string => !!d))].sort();
  const rows = (employees.data ?? [])
    .filter((e) => department === 'all' || e.department === department)
    .filter((e) => !needle || `${fullName(e)} ${e.email}`.toLowerCase().includes(needle))
    .sort((a, b) => fullName(a).localeCompare(fullName(b)));
  return (
    <>
      <PageHeader
        title={t('nav.employees')}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="secondary">
              <Link to="/admin/employees/import" data-testid="import-employees">
                {t('employees.import')}
              </Link>
            </Button>
            <Button asChild>
              <Link to="/admin/employees/new" data-testid="new-employee">
                {t('page.newEmployee')}
              </Link>
            </Button>
          </div>
        }
      />
      <div className="mb-4 grid max-w-3xl gap-4 sm:grid-cols-3">
        <Field label={t('col.status')}>
          <Select
            value={status}
            onValueChange={(s) => {
              setStatus(s as typeof status);
              setOffset(0);
            }}
            options={[
              { value: 'ACTIVE', label: t('employees.status.ACTIVE') },
              { value: 'TERMINATED', label: t('employees.status.TERMINATED') },
              { value: 'ALL', label: t('bulk.everyone') },
            ]}
            data-testid="employee-status-filter"
          />
        </Field>
        <Field label={t('employee.form.department')}>
          <Select
            value={department}
            onValueChange={(d) => {
              setDepartment(d);
              setOffset(0);
            }}
            options={[{ value: 'all', label: t('employees.allDepartments') }, ...departments.map((d) => ({ value: d, label: d }))]}
            data-testid="employee-department-filter"
          />
        </Field>
        <Field label={t('employees.search')}>
          <Input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setOffset(0);
            }}
            data-testid="employee-search"
          />
        </Field>
      </div>
      {employees.isPending ? (
        <LoadingState label={t('employees.loading')} />
      ) : employees.isError ? (
        <ErrorState error={employees.error} onRetry={() => employees.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={needle ? t('employees.noMatch') : t('employees.empty')} />
      ) : (
        <>
          <Table caption={t('nav.employees')} data-testid="employees-table">
            <thead>
              <tr>
                <Th>{t('policies.col.name')}</Th>
                <Th>{t('employees.col.email')}</Th>
                <Th>{t('employee.form.manager')}</Th>
                <Th>{t('employee.form.department')}</Th>
                <Th>{t('employee.form.payType')}</Th>
                <Th>{t('employee.form.timezone')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(offset, offset + PAGE).map((e) => (
                <tr key={e.id} data-testid="employee-row">
                  <Td>
                    <Link to={`/admin/employees/${e.id}`} className="font-medium text-brand-700 hover:underline">
                      {fullName(e)}
                    </Link>
                  </Td>
                  <Td>{e.email}</Td>
                  <Td>{e.manager_id ? fullName(map.get(e.manager_id)) : '—'}</Td>
                  <Td>
                    {e.department ?? '—'}
                    {e.status === 'TERMINATED' ? ` · ${t('employees.left')}` : ''}
                  </Td>
                  <Td>{t(e.pay_type === 'HOURLY' ? 'employee.form.pay.HOURLY' : 'employee.form.pay.SALARY')}</Td>
                  <Td>{e.timezone}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pagination offset={offset} limit={PAGE} total={rows.length} onChange={setOffset} />
        </>
      )}
    </>
  );
}

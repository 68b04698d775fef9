import { useState } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { Link } from 'react-router';
import { fullName } from '@/lib/format';
import { useEmployeeMap, useEmployees } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, ErrorState, LoadingState, Pagination } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';

const PAGE = 25;

export default function EmployeesPage() {
  const t = useT();
  const employees = useEmployees();
  const { map } = useEmployeeMap();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const needle = q.trim().toLowerCase();
  const rows = (employees.data ?? [])
    .filter((e) => !needle || `${fullName(e)} ${e.email}`.toLowerCase().includes(needle))
    .sort((a, b) => fullName(a).localeCompare(fullName(b)));
  return (
    <>
      <PageHeader
        title={t('nav.employees')}
        actions={
          <Button asChild>
            <Link to="/admin/employees/new" data-testid="new-employee">
              {t('page.newEmployee')}
            </Link>
          </Button>
        }
      />
      <div className="mb-4 max-w-sm">
        <Field label="Search by name or e-mail">
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
        <LoadingState label="Loading employees…" />
      ) : employees.isError ? (
        <ErrorState error={employees.error} onRetry={() => employees.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={needle ? 'No employee matches' : 'No employees yet'} />
      ) : (
        <>
          <Table caption="Employees" data-testid="employees-table">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>E-mail</Th>
                <Th>Manager</Th>
                <Th>Pay type</Th>
                <Th>Time zone</Th>
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
                  <Td>{e.pay_type === 'HOURLY' ? 'Hourly' : 'Salary'}</Td>
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

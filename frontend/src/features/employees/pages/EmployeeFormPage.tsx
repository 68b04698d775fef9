import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName, newIdempotencyKey } from '@/lib/format';
import { useEmployee, useEmployees } from '@/lib/queries';
import type { Employee } from '@/lib/types';
import { PageHeader } from '@/components/ui/card';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { EmployeeForm } from '../components/EmployeeForm';
import { employeeToForm, formToEmployeeBody, type EmployeeFormValues } from '../validation';

export default function EmployeeFormPage() {
  const { eid } = useParams();
  const creating = !eid;
  const [newId] = useState(newIdempotencyKey);
  const id = eid ?? newId;
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const employee = useEmployee(eid);
  const employees = useEmployees();
  const save = useMutation({
    mutationFn: (v: EmployeeFormValues) => api.put<Employee>(companyPath(me.company_id, `/employees/${id}`), formToEmployeeBody(v)),
    onSuccess: async (e) => {
      await qc.invalidateQueries({ queryKey: ['employees'] });
      toast(t('employee.saved', { name: fullName(e) }));
      navigate(`/admin/employees/${e.id ?? id}`);
    },
  });
  if (!creating && employee.isPending) return <LoadingState label={t('employee.loading')} />;
  if (!creating && employee.isError) return <ErrorState error={employee.error} onRetry={() => employee.refetch()} />;
  return (
    <>
      <PageHeader title={creating ? t('page.newEmployee') : t('employee.edit', { name: fullName(employee.data) })} />
      <EmployeeForm
        key={employee.data?.id ?? 'new'}
        initial={employeeToForm(employee.data)}
        selfId={id}
        managers={employees.data ?? []}
        submitting={save.isPending}
        submitError={save.error}
        onSubmit={(v) => save.mutate(v)}
        onCancel={() => navigate(creating ? '/admin/employees' : `/admin/employees/${eid}`)}
      />
    </>
  );
}

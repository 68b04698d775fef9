import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName } from '@/lib/format';
import { useEmployeeMap } from '@/lib/queries';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';

interface BulkResult {
  matched: number;
  created: { id: string; employee_id: string }[];
  skipped: { employee_id: string; reason: string }[];
}

type Target = 'all' | 'department' | 'manager';

/** Assign this policy to everyone, a department or a manager's reports, from one date, in one call. */
export function BulkAssignForm({ policyId }: { policyId: string }) {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const { data: employees = [], map } = useEmployeeMap();
  const [target, setTarget] = useState<Target>('all');
  const [department, setDepartment] = useState('');
  const [managerId, setManagerId] = useState('');
  const [from, setFrom] = useState('');
  const [result, setResult] = useState<BulkResult | null>(null);
  const departments = [...new Set(employees.map((e) => e.department).filter((d): d is string => !!d))].sort();
  const managers = employees.filter((e) => employees.some((x) => x.manager_id === e.id));
  const assign = useMutation({
    mutationFn: () =>
      api.post<BulkResult>(companyPath(me.company_id, `/policies/${policyId}/assignments/bulk`), {
        effective_from: from,
        ...(target === 'all' ? { all: true } : target === 'department' ? { department } : { manager_id: managerId }),
      }),
    onSuccess: async (r) => {
      setResult(r);
      toast(t('bulk.assigned', { count: r.created.length }));
      await qc.invalidateQueries({ queryKey: ['policy-assignments', me.company_id, policyId] });
    },
  });
  const ready = !!from && (target === 'all' || (target === 'department' ? !!department : !!managerId));
  function submit(e: FormEvent) {
    e.preventDefault();
    if (ready) assign.mutate();
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="bulk-assign-form">
      <FormError error={assign.error} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('bulk.who')}>
          <Select
            value={target}
            onValueChange={(x) => setTarget(x as Target)}
            options={[
              { value: 'all', label: t('bulk.everyone') },
              { value: 'department', label: t('bulk.aDepartment') },
              { value: 'manager', label: t('bulk.aTeam') },
            ]}
            data-testid="bulk-target"
          />
        </Field>
        {target === 'department' && (
          <Field label={t('employee.form.department')}>
            <Select
              value={department || undefined}
              onValueChange={setDepartment}
              options={departments.map((d) => ({ value: d, label: d }))}
              placeholder={t('bulk.chooseDepartment')}
              data-testid="bulk-department"
            />
          </Field>
        )}
        {target === 'manager' && (
          <Field label={t('employee.form.manager')}>
            <Select
              value={managerId || undefined}
              onValueChange={setManagerId}
              options={managers.map((m) => ({ value: m.id, label: fullName(m) }))}
              placeholder={t('bulk.chooseManager')}
              data-testid="bulk-manager"
            />
          </Field>
        )}
        <Field label={t('col.from')} required>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="bulk-from" />
        </Field>
      </div>
      <Button type="submit" disabled={!ready || assign.isPending} data-testid="bulk-assign">
        {t('bulk.submit')}
      </Button>
      {result && (
        <p className="text-sm" data-testid="bulk-result">
          {t('bulk.result', { created: result.created.length, skipped: result.skipped.length })}
          {result.skipped.length > 0 &&
            `: ${result.skipped.map((s) => `${fullName(map.get(s.employee_id))} (${s.reason})`).join('; ')}`}
        </p>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { policyLabel } from '@/lib/units';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName, todayIso } from '@/lib/format';
import { useEmployees, usePolicies } from '@/lib/queries';
import type { Assignment } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { byLabel } from '../sorting';
import type { MessageKey } from '@/i18n/messages/en';

/** Field → the message key of what is wrong (the form shows it in the reader's language). */
export function validateAssignment(v: { employee_id: string; policy_id: string; effective_from: string; effective_to: string }) {
  const e: Record<string, MessageKey> = {};
  if (!v.employee_id) e.employee_id = 'assignment.error.employee';
  if (!v.policy_id) e.policy_id = 'assignment.error.policy';
  if (!v.effective_from) e.effective_from = 'assignment.error.from';
  if (v.effective_to && v.effective_from && v.effective_to <= v.effective_from) e.effective_to = 'assignment.error.to';
  return e;
}

/** Put an employee on a policy. Fix one side with `employeeId` or `policyId`. */
export function AssignmentForm({ employeeId, policyId }: { employeeId?: string; policyId?: string }) {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const policies = usePolicies();
  const employees = useEmployees(!employeeId);
  const [v, setV] = useState({ employee_id: employeeId ?? '', policy_id: policyId ?? '', effective_from: todayIso(), effective_to: '' });
  const [shown, setShown] = useState(false);
  const errors = validateAssignment(v);
  const create = useMutation({
    mutationFn: () =>
      api.post<Assignment>(companyPath(me.company_id, `/policies/${v.policy_id}/assignments`), {
        employee_id: v.employee_id,
        effective_from: v.effective_from,
        ...(v.effective_to ? { effective_to: v.effective_to } : {}),
      }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['assignments'] }),
        qc.invalidateQueries({ queryKey: ['policy-assignments'] }),
        qc.invalidateQueries({ queryKey: ['balances'] }),
      ]);
      toast(t('assignment.created'));
      setShown(false);
      setV((s) => ({ ...s, effective_to: '', ...(policyId ? { employee_id: '' } : { policy_id: '' }) }));
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) create.mutate();
  }
  const err = (k: string) => (shown && errors[k] ? t(errors[k]) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="assignment-form" aria-label={t('assignment.assignPolicy')}>
      <FormError error={create.error} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {!employeeId && (
          <Field label={t('col.employee')} error={err('employee_id')} required>
            <Select
              value={v.employee_id}
              onValueChange={(x) => setV((s) => ({ ...s, employee_id: x }))}
              options={byLabel(employees.data ?? [], fullName).map((e) => ({ value: e.id, label: `${fullName(e)} (${e.email})` }))}
              placeholder={employees.isPending ? t('ui.loading') : t('assignment.chooseEmployee')}
              data-testid="assignment-employee"
            />
          </Field>
        )}
        {!policyId && (
          <Field label={t('col.policy')} error={err('policy_id')} required>
            <Select
              value={v.policy_id}
              onValueChange={(x) => setV((s) => ({ ...s, policy_id: x }))}
              options={byLabel(policies.data ?? [], policyLabel).map((p) => ({ value: p.id, label: policyLabel(p) }))}
              placeholder={policies.isPending ? t('ui.loading') : t('assignment.choosePolicy')}
              data-testid="assignment-policy"
            />
          </Field>
        )}
        <Field label={t('col.from')} error={err('effective_from')} required>
          <Input type="date" value={v.effective_from} onChange={(e) => setV((s) => ({ ...s, effective_from: e.target.value }))} data-testid="assignment-from" />
        </Field>
        <Field label={t('assignment.until')} error={err('effective_to')}>
          <Input type="date" value={v.effective_to} onChange={(e) => setV((s) => ({ ...s, effective_to: e.target.value }))} data-testid="assignment-to" />
        </Field>
      </div>
      <Button type="submit" loading={create.isPending} data-testid="assignment-submit">
        {t('assignment.assign')}
      </Button>
    </form>
  );
}

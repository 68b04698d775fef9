import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useBalances, usePolicyMap } from '@/lib/queries';
import type { Employee, LedgerEntry } from '@/lib/types';
import { balanceLabel, policyUnit, safeWorkday, toMinutes } from '@/lib/units';
import { useAmounts } from '@/i18n/amounts';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { useValidationText } from '@/i18n/validation';
import { validateAdjustment, type AdjustmentFormValues } from '../validation';

export function AdjustmentForm({ employee }: { employee: Employee }) {
  const me = useMe();
  const t = useT();
  const { signed } = useAmounts();
  const qc = useQueryClient();
  const balances = useBalances(employee.id);
  const policies = usePolicyMap();
  const workday = safeWorkday(employee.workday_minutes);
  const [v, setV] = useState<AdjustmentFormValues>({ policy_id: '', direction: 'ADD', amount: '', unit: 'HOURS', reason: '' });
  const [shown, setShown] = useState(false);
  const errors = validateAdjustment(v);
  const say = useValidationText();
  const err = (k: string) => (shown ? say(errors[k]) : undefined);
  const minutes = (v.direction === 'DEDUCT' ? -1 : 1) * toMinutes(Number(v.amount.replace(',', '.')) || 0, v.unit, workday);
  // What was typed, in the unit it was typed in, with the other unit beside it ("+1.5 days (12 h)").
  const typed = (m: number) =>
    v.unit === 'MINUTES'
      ? signed(m, 'MINUTES', workday)
      : `${signed(m, v.unit, workday)} (${signed(m, v.unit === 'DAYS' ? 'HOURS' : 'DAYS', workday)})`;
  const create = useMutation({
    mutationFn: () =>
      api.post<LedgerEntry>(companyPath(me.company_id, '/adjustments'), {
        employee_id: employee.id,
        policy_id: v.policy_id,
        amount_minutes: minutes,
        reason: v.reason.trim(),
      }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['balances'] }), qc.invalidateQueries({ queryKey: ['ledger'] })]);
      toast(t('adjust.toast'), { description: typed(minutes) });
      setShown(false);
      setV((s) => ({ ...s, amount: '', reason: '' }));
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0 && minutes !== 0) create.mutate();
  }
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4" data-testid="adjustment-form" aria-label={t('employee.tab.adjust')}>
      {/* a refusal states amounts in the policy's unit and this person's workday (issue 26) */}
      <FormError error={create.error} amounts={{ unit: policyUnit(policies.map.get(v.policy_id)), workdayMinutes: workday }} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('col.policy')} error={err('policy_id')} required>
          <Select
            value={v.policy_id}
            onValueChange={(x) => setV((s) => ({ ...s, policy_id: x }))}
            options={(balances.data?.items ?? []).map((b) => ({ value: b.policy_id, label: balanceLabel(b) }))}
            placeholder={balances.isPending ? t('ui.loading') : t('assignment.choosePolicy')}
            data-testid="adjustment-policy"
          />
        </Field>
        <Field label={t('adjust.direction')} required>
          <Select
            value={v.direction}
            onValueChange={(x) => setV((s) => ({ ...s, direction: x as AdjustmentFormValues['direction'] }))}
            options={[
              { value: 'ADD', label: t('adjust.add') },
              { value: 'DEDUCT', label: t('adjust.deduct') },
            ]}
            data-testid="adjustment-direction"
          />
        </Field>
        <Field label={t('adjust.amount')} error={err('amount')} required hint={v.amount ? typed(minutes) : undefined}>
          <Input inputMode="decimal" value={v.amount} onChange={(e) => setV((s) => ({ ...s, amount: e.target.value }))} data-testid="adjustment-amount" />
        </Field>
        <Field label={t('adjust.unit')} required>
          <Select
            value={v.unit}
            onValueChange={(x) => setV((s) => ({ ...s, unit: x as AdjustmentFormValues['unit'] }))}
            options={[
              { value: 'HOURS', label: t('enum.unit.HOURS') },
              { value: 'DAYS', label: t('adjust.daysOf', { hours: workday / 60 }) },
              { value: 'MINUTES', label: t('enum.unit.MINUTES') },
            ]}
          />
        </Field>
      </div>
      <Field label={t('adjust.reason')} error={err('reason')} required>
        <Textarea value={v.reason} onChange={(e) => setV((s) => ({ ...s, reason: e.target.value }))} data-testid="adjustment-reason" />
      </Field>
      <Button type="submit" loading={create.isPending} data-testid="adjustment-submit">
        {t('adjust.submit')}
      </Button>
    </form>
  );
}

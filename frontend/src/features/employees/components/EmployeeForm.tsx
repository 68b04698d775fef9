import { useState, type FormEvent } from 'react';
import { fullName, weekdayName } from '@/lib/format';
import { WEEK_DAYS, type Employee, type WeekDay } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';
import { useValidationText } from '@/i18n/validation';
import { AmountInput } from '@/features/policies/components/AmountInput';
import { validateEmployeeForm, type EmployeeFormValues } from '../validation';

const TIME_ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

export function EmployeeForm({
  initial,
  selfId,
  managers,
  submitting,
  submitError,
  onSubmit,
  onCancel,
}: {
  initial: EmployeeFormValues;
  selfId?: string;
  managers: Employee[];
  submitting: boolean;
  submitError: unknown;
  onSubmit: (v: EmployeeFormValues) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [v, setV] = useState(initial);
  const [shown, setShown] = useState(false);
  const errors = validateEmployeeForm(v, selfId);
  const say = useValidationText();
  const err = (k: string) => (shown ? say(errors[k]) : undefined);
  const text = (k: keyof EmployeeFormValues) => ({
    value: v[k] as string,
    onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value })),
    'data-testid': `employee-${k}`,
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) onSubmit(v);
  }
  const toggleDay = (d: WeekDay) =>
    setV((s) => ({ ...s, work_days: s.work_days.includes(d) ? s.work_days.filter((x) => x !== d) : WEEK_DAYS.filter((x) => x === d || s.work_days.includes(x)) }));

  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-5" data-testid="employee-form">
      <FormError error={submitError} />
      <Card className="grid gap-4 sm:grid-cols-2">
        <Field label={t('employee.form.firstName')} error={err('first_name')} required>
          <Input autoComplete="off" {...text('first_name')} />
        </Field>
        <Field label={t('employee.form.lastName')} error={err('last_name')} required>
          <Input autoComplete="off" {...text('last_name')} />
        </Field>
        <Field label={t('employee.form.email')} error={err('email')} required>
          <Input type="email" autoComplete="off" {...text('email')} />
        </Field>
        <Field label={t('employee.form.payType')} required>
          <Select
            value={v.pay_type}
            onValueChange={(x) => setV((s) => ({ ...s, pay_type: x as EmployeeFormValues['pay_type'] }))}
            options={[
              { value: 'SALARY', label: t('employee.form.pay.SALARY') },
              { value: 'HOURLY', label: t('employee.form.pay.HOURLY') },
            ]}
          />
        </Field>
        <Field label={t('employee.form.hireDate')} error={err('hire_date')}>
          <Input type="date" {...text('hire_date')} />
        </Field>
        <Field label={t('employee.form.department')}>
          <Input autoComplete="off" maxLength={100} {...text('department')} />
        </Field>
        <Field label={t('employee.form.location')}>
          <Input autoComplete="off" maxLength={100} {...text('location')} />
        </Field>
        <Field label={t('employee.form.manager')}>
          <Select
            value={v.manager_id || 'none'}
            onValueChange={(x) => setV((s) => ({ ...s, manager_id: x === 'none' ? '' : x }))}
            options={[{ value: 'none', label: t('employee.form.noManager') }, ...managers.filter((m) => m.id !== selfId).map((m) => ({ value: m.id, label: fullName(m) }))]}
            data-testid="employee-manager"
          />
        </Field>
      </Card>
      <Card className="grid gap-4 sm:grid-cols-3">
        <Field label={t('employee.form.timezone')} error={err('timezone')} required hint={t('employee.form.timezoneHint')}>
          <Input list="tz-list" autoComplete="off" {...text('timezone')} />
        </Field>
        <datalist id="tz-list">
          {TIME_ZONES.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <Field label={t('employee.form.workdayStart')} error={err('workday_start')} required>
          <Input type="time" {...text('workday_start')} />
        </Field>
        <Field label={t('employee.form.workdayHours')} error={err('workday_minutes')} required hint={t('employee.form.workdayHoursHint')}>
          {/* typed in hours (7.5), stored as whole minutes (450): what "a day" of leave means for this person */}
          <AmountInput
            minutes={v.workday_minutes}
            onMinutes={(m) => setV((s) => ({ ...s, workday_minutes: m }))}
            unit="HOURS"
            workdayMinutes={480}
            data-testid="employee-workday_minutes"
          />
        </Field>
        <fieldset className="sm:col-span-3" aria-describedby={err('work_days') ? 'work-days-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('employee.form.workDays')}</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {WEEK_DAYS.map((d, i) => (
              <label key={d} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" className="h-4 w-4 accent-brand-600" checked={v.work_days.includes(d)} onChange={() => toggleDay(d)} />
                {weekdayName(i)}
              </label>
            ))}
          </div>
          {err('work_days') && (
            <p id="work-days-error" role="alert" className="mt-1 text-xs font-medium text-red-700">
              {err('work_days')}
            </p>
          )}
        </fieldset>
      </Card>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t('action.cancel')}
        </Button>
        <Button type="submit" loading={submitting} data-testid="employee-submit">
          {t('employee.form.save')}
        </Button>
      </div>
    </form>
  );
}

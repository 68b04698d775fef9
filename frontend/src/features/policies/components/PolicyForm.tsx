import { useState, type FormEvent, type ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { ACCRUAL_FREQUENCIES, DISPLAY_UNITS, POLICY_CATEGORIES } from '@/lib/types';
import { useIntl } from 'react-intl';
import { useT } from '@/i18n/I18nProvider';
import { useValidationText } from '@/i18n/validation';
import { useEnumLabel, type EnumKind } from '@/i18n/enums';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Checkbox, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { AmountInput, useOtherUnitHint } from './AmountInput';
import { RequestRulesSection } from './RequestRulesSection';
import { SimulationPanel } from './SimulationPanel';
import { formToSettings, validatePolicyForm, type PolicyFormErrors, type PolicyFormValues } from '../validation';


function Section({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      {description && <p className="-mt-2 text-xs text-slate-600">{description}</p>}
      {children}
    </fieldset>
  );
}

interface Props {
  initial: PolicyFormValues;
  creating: boolean;
  /** The policy a new version is for: shows the simulator before saving (issue 24). */
  policyId?: string;
  previousEffectiveFrom?: string;
  submitting: boolean;
  submitError: unknown;
  onSubmit: (values: PolicyFormValues) => void;
  onCancel: () => void;
}

export function PolicyForm({ initial, creating, policyId, previousEffectiveFrom, submitting, submitError, onSubmit, onCancel }: Props) {
  const [v, setV] = useState(initial);
  const [showErrors, setShowErrors] = useState(false);
  const errors: PolicyFormErrors = validatePolicyForm(v, { creating, previousEffectiveFrom });
  const say = useValidationText();
  const err = (k: string) => (showErrors ? say(errors[k]) : undefined);
  const set = <K extends keyof PolicyFormValues>(k: K) => (value: PolicyFormValues[K]) => setV((s) => ({ ...s, [k]: value }));
  const text = (k: keyof PolicyFormValues) => ({
    value: v[k] as string,
    onChange: (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value })),
    'data-testid': `policy-${k}`,
  });

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setShowErrors(true);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(v);
  }

  const intl = useIntl();
  const t = useT();
  const enumLabel = useEnumLabel();
  const opts = (kind: EnumKind, values: readonly string[]) => values.map((x) => ({ value: x, label: enumLabel(kind, x) }));
  const hint = useOtherUnitHint();
  // Only converts what is typed in days; balances are stored (and accrue) in exact minutes.
  const [workdayHours, setWorkdayHours] = useState('8');
  const workday = Math.round(Number(workdayHours.replace(',', '.')) * 60) > 0 ? Math.round(Number(workdayHours.replace(',', '.')) * 60) : 480;
  const amount = (k: 'rate_minutes' | 'accrue_minutes' | 'negative_limit_minutes' | 'bank_cap_minutes' | 'carryover_cap_minutes' | 'full_time_week_minutes') => ({
    minutes: v[k],
    onMinutes: (m: string) => setV((s) => ({ ...s, [k]: m })),
    unit: v.unit,
    workdayMinutes: workday,
    'data-testid': `policy-${k}`,
  });
  const amountHint = (minutes: string, extra?: string) => (v.unit === 'MINUTES' ? extra : hint(minutes, v.unit, workday, extra));

  const accrual = v.type === 'ACCRUAL';
  const time = accrual && v.accrual_method === 'TIME';
  const hours = accrual && v.accrual_method === 'HOURS_WORKED';
  const errorCount = showErrors ? Object.keys(errors).length : 0;

  return (
    <form onSubmit={handleSubmit} noValidate className="max-w-3xl space-y-5" data-testid="policy-form">
      <FormError error={submitError} />
      {errorCount > 0 && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {t('policy.form.fixCount', { count: errorCount })}
        </p>
      )}
      <Section title={t('policy.form.section.policy')}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('policy.form.key')} error={err('key')} hint={creating ? t('policy.form.keyHintNew') : t('policy.form.keyHintFixed')} required={creating}>
            <Input {...text('key')} disabled={!creating} autoComplete="off" />
          </Field>
          <Field label={t('policy.form.category')} required={creating}>
            <Select value={v.category} onValueChange={(x) => set('category')(x as PolicyFormValues['category'])} options={opts('category', POLICY_CATEGORIES)} disabled={!creating} data-testid="policy-category" />
          </Field>
          <Field label={intl.formatMessage({ id: 'policy.form.name' })} error={err('name')} hint={intl.formatMessage({ id: 'policy.form.nameHint' })}>
            <Input {...text('name')} autoComplete="off" />
          </Field>
          <Field label={intl.formatMessage({ id: 'policy.form.description' })} error={err('description')}>
            <Input {...text('description')} autoComplete="off" />
          </Field>
          <Field label={t('policy.form.effectiveFrom')} error={err('effective_from')} required hint={creating ? undefined : t('policy.form.effectiveFromHint', { date: formatDate(previousEffectiveFrom) })}>
            <Input type="date" {...text('effective_from')} />
          </Field>
          <Field label={t('policy.form.changeReason')} error={err('change_reason')}>
            <Input {...text('change_reason')} placeholder={creating ? t('policy.form.changeReasonNew') : t('policy.form.changeReasonExample')} />
          </Field>
        </div>
      </Section>

      <Section title={t('policy.form.section.type')} description={t('policy.form.typeHint')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('policy.form.type')} required>
            <Select
              value={v.type}
              onValueChange={(x) => set('type')(x as PolicyFormValues['type'])}
              options={[
                { value: 'ACCRUAL', label: t('policy.form.type.ACCRUAL') },
                { value: 'UNLIMITED', label: t('policy.form.type.UNLIMITED') },
              ]}
              data-testid="policy-type"
            />
          </Field>
          {accrual && (
            <>
              <Field label={t('policy.form.method')} required>
                <Select
                  value={v.accrual_method}
                  onValueChange={(x) => set('accrual_method')(x as PolicyFormValues['accrual_method'])}
                  options={[
                    { value: 'TIME', label: t('policy.form.method.TIME') },
                    { value: 'HOURS_WORKED', label: t('policy.form.method.HOURS_WORKED') },
                  ]}
                  data-testid="policy-accrual-method"
                />
              </Field>
              <Field label={intl.formatMessage({ id: 'policy.form.amountIn' })} required hint={t('policy.form.unitHint')}>
                <Select value={v.unit} onValueChange={(x) => set('unit')(x as PolicyFormValues['unit'])} options={opts('unit', DISPLAY_UNITS)} data-testid="policy-unit" />
              </Field>
            </>
          )}
        </div>
        {accrual && v.unit === 'DAYS' && (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={intl.formatMessage({ id: 'policy.form.workday' })} hint={intl.formatMessage({ id: 'policy.form.workdayHint' })}>
              <Input inputMode="decimal" value={workdayHours} onChange={(e) => setWorkdayHours(e.target.value)} data-testid="policy-workday-hours" />
            </Field>
          </div>
        )}
      </Section>

      {time && (
        <Section title={t('policy.form.section.time')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('policy.form.frequency')} required>
              <Select value={v.accrual_frequency} onValueChange={(x) => set('accrual_frequency')(x as PolicyFormValues['accrual_frequency'])} options={opts('frequency', ACCRUAL_FREQUENCIES)} data-testid="policy-frequency" />
            </Field>
            <Field label={t('policy.form.postedAt')} required>
              <Select
                value={v.accrual_timing}
                onValueChange={(x) => set('accrual_timing')(x as PolicyFormValues['accrual_timing'])}
                options={[
                  { value: 'START_OF_PERIOD', label: t('policy.form.timing.START_OF_PERIOD') },
                  { value: 'END_OF_PERIOD', label: t('policy.form.timing.END_OF_PERIOD') },
                ]}
                data-testid="policy-timing"
              />
            </Field>
            <Field
              label={t('policy.form.rate', { unit: v.unit, period: v.accrual_frequency })}
              error={err('rate_minutes')}
              hint={amountHint(v.rate_minutes)}
              required
            >
              <AmountInput {...amount('rate_minutes')} />
            </Field>
            <Field label={t('policy.form.proration')} required>
              <Select
                value={v.proration}
                onValueChange={(x) => set('proration')(x as PolicyFormValues['proration'])}
                options={[
                  { value: 'DAYS_ACTIVE', label: t('policy.form.proration.DAYS_ACTIVE') },
                  { value: 'NONE', label: t('policy.form.proration.NONE') },
                ]}
                data-testid="policy-proration"
              />
            </Field>
          </div>
          <Checkbox label={t('policy.form.partTime')} checked={v.part_time_proration} onChange={set('part_time_proration')} testId="policy-part-time" />
          {v.part_time_proration && (
            <div className="grid gap-4 sm:grid-cols-2">
              <p className="text-xs text-slate-600 sm:col-span-2">{t('policy.form.partTimeHint')}</p>
              <Field label={t('policy.form.fullTimeWeek')} error={err('full_time_week_minutes')} hint={t('policy.form.fullTimeWeekHint')}>
                <AmountInput
                  minutes={v.full_time_week_minutes}
                  onMinutes={(m) => setV((s) => ({ ...s, full_time_week_minutes: m }))}
                  unit="HOURS"
                  workdayMinutes={workday}
                  data-testid="policy-full_time_week_minutes"
                />
              </Field>
            </div>
          )}
        </Section>
      )}

      {hours && (
        <Section title={t('policy.form.section.hours')} description={t('policy.form.hoursHint')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('policy.form.accrued', { unit: v.unit })} error={err('accrue_minutes')} required hint={amountHint(v.accrue_minutes)}>
              <AmountInput {...amount('accrue_minutes')} />
            </Field>
            <Field label={t('policy.form.perWorked')} error={err('per_worked_minutes')} required>
              <AmountInput
                minutes={v.per_worked_minutes}
                onMinutes={(m) => setV((s) => ({ ...s, per_worked_minutes: m }))}
                unit="HOURS"
                workdayMinutes={workday}
                data-testid="policy-per_worked_minutes"
              />
            </Field>
          </div>
        </Section>
      )}

      {accrual && (
        <>
          <Section title={t('policy.form.section.limits')}>
            <Checkbox label={t('policy.form.allowNegative')} checked={v.allow_negative} onChange={set('allow_negative')} testId="policy-allow-negative" />
            <div className="grid gap-4 sm:grid-cols-2">
              {v.allow_negative && (
                <Field label={t('policy.form.negativeLimit', { unit: v.unit })} error={err('negative_limit_minutes')} hint={amountHint(v.negative_limit_minutes, t('policy.form.blankNoLimit'))}>
                  <AmountInput {...amount('negative_limit_minutes')} />
                </Field>
              )}
              <Field label={t('policy.form.bankCap', { unit: v.unit })} error={err('bank_cap_minutes')} hint={amountHint(v.bank_cap_minutes, t('policy.form.blankNoCap'))}>
                <AmountInput {...amount('bank_cap_minutes')} />
              </Field>
            </div>
          </Section>

          <Section title={t('policy.form.section.tiers')} description={t('policy.form.tiersHint')}>
            {v.tenure_tiers.length === 0 && <p className="text-sm text-slate-600">{t('policy.form.noTiers')}</p>}
            {v.tenure_tiers.map((tier, i) => (
              <div key={i} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]" data-testid="tenure-tier">
                <Field label={t('policy.form.tierMonths', { n: i + 1 })} error={err(`tier_${i}_min_months`)}>
                  <Input
                    inputMode="numeric"
                    value={tier.min_months}
                    onChange={(e) => set('tenure_tiers')(v.tenure_tiers.map((x, j) => (j === i ? { ...x, min_months: e.target.value } : x)))}
                  />
                </Field>
                <Field label={t('policy.form.tierRate', { n: i + 1, unit: v.unit })} error={err(`tier_${i}_accrual_rate_minutes`)}>
                  <AmountInput
                    minutes={tier.accrual_rate_minutes}
                    unit={v.unit}
                    workdayMinutes={workday}
                    onMinutes={(m) =>
                      set('tenure_tiers')(v.tenure_tiers.map((x, j) => (j === i ? { ...x, accrual_rate_minutes: m } : x)))
                    }
                  />
                </Field>
                <Button variant="ghost" onClick={() => set('tenure_tiers')(v.tenure_tiers.filter((_, j) => j !== i))} aria-label={t('policy.form.removeTier', { n: i + 1 })}>
                  {t('policy.form.remove')}
                </Button>
              </div>
            ))}
            <Button variant="secondary" size="sm" onClick={() => set('tenure_tiers')([...v.tenure_tiers, { min_months: '', accrual_rate_minutes: '' }])}>
              {t('policy.form.addTier')}
            </Button>
          </Section>

          <Section title={t('policy.form.section.carryover')}>
            <Checkbox label={t('policy.form.carryover')} checked={v.carryover_enabled} onChange={set('carryover_enabled')} testId="policy-carryover" />
            {v.carryover_enabled && (
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label={t('policy.form.carryoverCap', { unit: v.unit })} error={err('carryover_cap_minutes')} hint={amountHint(v.carryover_cap_minutes, t('policy.form.blankCarryAll'))}>
                  <AmountInput {...amount('carryover_cap_minutes')} />
                </Field>
                <Field label={t('policy.form.carryoverExpires')} error={err('carryover_expires_after_days')}>
                  <Input inputMode="numeric" {...text('carryover_expires_after_days')} />
                </Field>
              </div>
            )}
          </Section>

          <Section title={t('policy.form.section.expiration')}>
            <Checkbox label={t('policy.form.expire')} checked={v.expiration_enabled} onChange={set('expiration_enabled')} testId="policy-expiration" />
            {err('expiration') && (
              <p role="alert" className="text-xs font-medium text-red-700">
                {err('expiration')}
              </p>
            )}
            {v.expiration_enabled && (
              <div className="grid gap-4 sm:grid-cols-3">
                <Field label={t('policy.form.expires')}>
                  <Select
                    value={v.expiration_mode}
                    onValueChange={(x) => set('expiration_mode')(x as PolicyFormValues['expiration_mode'])}
                    options={[
                      { value: 'AFTER_DAYS', label: t('policy.form.expiry.AFTER_DAYS') },
                      { value: 'ON_DATE', label: t('policy.form.expiry.ON_DATE') },
                    ]}
                  />
                </Field>
                {v.expiration_mode === 'AFTER_DAYS' ? (
                  <Field label={t('policy.form.days')} error={err('expiration_after_days')} required>
                    <Input inputMode="numeric" {...text('expiration_after_days')} />
                  </Field>
                ) : (
                  <>
                    <Field label={t('policy.form.month')} error={err('expiration_month')} required>
                      <Input inputMode="numeric" {...text('expiration_month')} />
                    </Field>
                    <Field label={t('policy.form.day')} error={err('expiration_day')} required>
                      <Input inputMode="numeric" {...text('expiration_day')} />
                    </Field>
                  </>
                )}
              </div>
            )}
          </Section>
        </>
      )}

      <RequestRulesSection rules={v.rules} onChange={set('rules')} error={err} Section={Section} />

      {!creating && policyId && (
        <SimulationPanel
          policyId={policyId}
          unit={accrual ? v.unit : 'DAYS'}
          workdayMinutes={workday}
          draft={() => {
            setShowErrors(true);
            return Object.keys(errors).length > 0 ? null : { effective_from: v.effective_from, settings: formToSettings(v) };
          }}
        />
      )}

      <Card className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          {t('action.cancel')}
        </Button>
        <Button type="submit" loading={submitting} data-testid="policy-submit">
          {creating ? t('policy.form.create') : t('policy.form.saveVersion')}
        </Button>
      </Card>
    </form>
  );
}

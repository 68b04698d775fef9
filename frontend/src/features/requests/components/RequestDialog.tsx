import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, newIdempotencyKey } from '@/lib/format';
import { useBalances, usePolicyMap } from '@/lib/queries';
import type { Employee, RequestPreview, TimeOffRequest } from '@/lib/types';
import { policyUnit, safeWorkday } from '@/lib/units';
import { useAmounts } from '@/i18n/amounts';
import { useDebouncedValue } from '@/lib/useDebounce';
import { Button, Spinner } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { useIntl } from 'react-intl';
import { useT } from '@/i18n/I18nProvider';
import { errorSentence, previewWarnings } from '@/lib/errors';
import { toast } from '@/components/ui/toast';
import { useInvalidateRequestData } from '../hooks/useRequestMutations';
import { validateWhen, windowFor, type WhenValues } from '../modes';
import { BreakdownTable } from './BreakdownTable';
import { ForecastExplanation } from './ForecastExplanation';
import { RefusedNote, RuleNotice, ruleSentence } from './RuleNotice';
import { WhenFields } from './WhenFields';
import {
  defaultWindow,
  hasErrors,
  MAX_REASON_LENGTH,
  validateRequestForm,
  type RequestFormErrors,
  type RequestFormValues,
} from '../validation';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  employee: Employee;
}

export function RequestDialog({ open, onOpenChange, employee }: Props) {
  const me = useMe();
  const t = useT();
  const onBehalf = employee.id !== me.user_id;
  const zone = employee.timezone || 'UTC';
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={onBehalf ? t('request.dialog.titleOnBehalf', { name: `${employee.first_name} ${employee.last_name}` }) : t('requests.new')}
      description={onBehalf ? t('request.dialog.zoneOf', { name: employee.first_name, zone }) : t('request.dialog.zoneOwn', { zone })}
      testId="request-dialog"
    >
      {open && <RequestForm employee={employee} onBehalf={onBehalf} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function initialWhen(employee: Employee, workday: number): WhenValues {
  const first = defaultWindow(new Date(), employee.workday_start, workday, employee.work_days).start_at.slice(0, 10);
  return { mode: 'FULL_DAYS', start_date: first, end_date: first, half: 'MORNING', from_time: '09:00', to_time: '12:00' };
}

function RequestForm({ employee, onBehalf, onDone }: { employee: Employee; onBehalf: boolean; onDone: () => void }) {
  const me = useMe();
  const balances = useBalances(employee.id);
  const policies = usePolicyMap();
  const invalidate = useInvalidateRequestData();
  const workday = safeWorkday(employee.workday_minutes);
  const [when, setWhen] = useState<WhenValues>(() => initialWhen(employee, workday));
  const [approveNow, setApproveNow] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const t = useT();
  const amounts = useAmounts();
  const range = windowFor(when, { workday_start: employee.workday_start, workday_minutes: workday });
  const [form, setValues] = useState<Pick<RequestFormValues, 'policy_id' | 'reason'>>({ policy_id: '', reason: '' });
  const values: RequestFormValues = { ...form, start_at: range?.start_at ?? '', end_at: range?.end_at ?? '' };
  const [touched, setTouched] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const options = useMemo(
    () => (balances.data?.items ?? []).map((b) => ({ value: b.policy_id, label: b.policy_key })),
    [balances.data],
  );
  useEffect(() => {
    if (!values.policy_id && options.length === 1) setValues((v) => ({ ...v, policy_id: options[0].value }));
  }, [options, values.policy_id]);

  const whenErrors = validateWhen(when);
  // Without a valid window start_at/end_at are empty, so the form's own check refuses them.
  const errors: RequestFormErrors = validateRequestForm(values);
  const shownErrors: RequestFormErrors = touched ? errors : {};
  const shownWhenErrors = touched || (when.end_date && when.start_date) ? whenErrors : {};
  const set = (k: 'policy_id' | 'reason') => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  const body = {
    employee_id: employee.id,
    policy_id: values.policy_id,
    start_at: values.start_at,
    end_at: values.end_at,
    ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
  };
  const previewable = !errors.policy_id && !errors.start_at && !errors.end_at;
  const debounced = useDebouncedValue(previewable ? body : null, 400);
  const previewQuery = useQuery({
    queryKey: ['request-preview', me.company_id, debounced && { ...debounced, reason: undefined }],
    queryFn: () =>
      api.post<RequestPreview>(companyPath(me.company_id, '/requests/preview'), {
        employee_id: debounced!.employee_id,
        policy_id: debounced!.policy_id,
        start_at: debounced!.start_at,
        end_at: debounced!.end_at,
      }),
    enabled: !!debounced,
    retry: false,
    staleTime: 30_000,
  });

  const policy = policies.map.get(values.policy_id);
  const unit = policyUnit(policy);
  const balance = balances.data?.items.find((b) => b.policy_id === values.policy_id);
  // Submit stays disabled while the preview says the server would refuse (issue 20).
  const intl = useIntl();
  const warned = previewQuery.data
    ? previewWarnings(intl, previewQuery.data, { unit, workdayMinutes: workday })
    : { sentences: [], refused: false };
  const refused = previewable && !!debounced && (previewQuery.isError || warned.refused);
  // A broken request rule (issue 19) turns Submit off too, except for an admin, who may submit
  // past the rules with a reason (the server stores it on the request and in the audit log).
  const isAdmin = me.role === 'admin';
  const violations = previewable && debounced && previewQuery.data ? (previewQuery.data.rule_violations ?? []) : [];
  const ruleSentences = violations.map((v) => ruleSentence(intl, v));
  const overriding = isAdmin && violations.length > 0 && overrideReason.trim() !== '';
  const blocked = refused || (violations.length > 0 && !overriding);

  const submit = useMutation({
    mutationFn: () =>
      api.post<TimeOffRequest>(companyPath(me.company_id, '/requests'), {
        ...body,
        idempotency_key: idempotencyKey,
        ...(onBehalf && approveNow ? { approve: true } : {}),
        ...(overriding ? { rule_override_reason: overrideReason.trim() } : {}),
      }),
    onSuccess: async (req) => {
      await invalidate();
      const amount = amounts.one(req.requested_minutes, unit, workday);
      toast(onBehalf ? t('request.toast.entered', { name: employee.first_name }) : t('request.toast.submitted'), {
        description:
          req.status === 'APPROVED'
            ? t('request.toast.approved', { amount })
            : onBehalf
              ? t('request.toast.sentForApproval', { amount })
              : t('request.toast.sentToManager', { amount }),
      });
      onDone();
    },
  });


  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasErrors(errors) || blocked) return;
    submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="request-form">
      <FormError error={submit.error} amounts={{ unit, workdayMinutes: workday }} />
      <Field label={t('request.field.policy')} error={shownErrors.policy_id} required>
        <Select
          value={values.policy_id}
          onValueChange={set('policy_id')}
          options={options}
          placeholder={balances.isPending ? t('request.policy.loading') : options.length ? t('request.policy.choose') : t('request.policy.none')}
          disabled={balances.isPending || options.length === 0}
          data-testid="request-policy"
        />
      </Field>
      {balance && (
        <p className="-mt-2 text-xs text-slate-600" data-testid="request-current-balance">
          {t('request.availableNow', { amount: balance.is_unlimited ? t('unit.unlimited') : amounts.both(balance.available_minutes, unit, workday) })}
        </p>
      )}
      <WhenFields values={when} errors={shownWhenErrors} onChange={setWhen} />
      <Field label={t('request.field.reason')} error={shownErrors.reason} hint={`${values.reason.length}/${MAX_REASON_LENGTH}`}>
        <Textarea value={values.reason} onChange={(e) => set('reason')(e.target.value)} data-testid="request-reason" />
      </Field>

      <section aria-live="polite" aria-label={t('request.preview.label')} className="rounded-md bg-slate-50 p-3 text-sm" data-testid="request-preview">
        {!previewable ? (
          <p className="text-slate-600">{t('request.preview.choose')}</p>
        ) : previewQuery.isFetching || debounced === null ? (
          <p className="flex items-center gap-2 text-slate-600">
            <Spinner className="h-4 w-4" /> {t('request.preview.calculating')}
          </p>
        ) : previewQuery.isError ? (
          <FormError error={previewQuery.error} amounts={{ unit, workdayMinutes: workday }} />
        ) : previewQuery.data ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">{t('request.preview.duration')}</dt>
            <dd className="font-semibold" data-testid="preview-duration">
              {amounts.one(previewQuery.data.requested_minutes, unit, workday)}
              {unit !== 'HOURS' && (
                <span className="font-normal text-slate-600"> · {amounts.one(previewQuery.data.requested_minutes, 'HOURS')}</span>
              )}
            </dd>
            <dt className="text-slate-600">{t('request.preview.balanceAfter')}</dt>
            <dd
              className={
                previewQuery.data.available_minutes_after !== null && previewQuery.data.available_minutes_after < 0
                  ? 'font-semibold text-red-700'
                  : 'font-semibold'
              }
              data-testid="preview-balance-after"
            >
              {previewQuery.data.available_minutes_after === null
                ? t('unit.unlimited')
                : amounts.one(previewQuery.data.available_minutes_after, unit, workday)}
            </dd>
            {typeof previewQuery.data.available_minutes_on_start === 'number' && values.start_at && (
              <dd className="col-span-2 text-slate-700" data-testid="preview-balance-on-start">
                {t('request.preview.onStart', {
                  date: formatDate(values.start_at.slice(0, 10)),
                  amount: amounts.one(previewQuery.data.available_minutes_on_start, unit, workday),
                })}
                {previewQuery.data.forecast_on_start && (
                  <ForecastExplanation forecast={previewQuery.data.forecast_on_start} unit={unit} workday={workday} />
                )}
              </dd>
            )}
            {violations.length > 0 && (
              <dd className="col-span-2 mt-1">
                <p className="font-medium text-red-800">{t('request.preview.rulesBroken')}</p>
                <ul className="list-disc pl-5 text-red-800" data-testid="preview-rule-warnings">
                  {violations.map((v, i) => (
                    <li key={v.code} data-code={v.code}>
                      {ruleSentences[i]}
                    </li>
                  ))}
                </ul>
              </dd>
            )}
            {otherWarnings(previewQuery.data, warned.sentences).length > 0 && (
              <dd className="col-span-2 mt-1">
                <ul className="list-disc pl-5 text-amber-900" data-testid="preview-warnings">
                  {otherWarnings(previewQuery.data, warned.sentences).map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </dd>
            )}
            {previewQuery.data.days && (
              <dd className="col-span-2">
                <BreakdownTable days={previewQuery.data.days} workday={workday} />
              </dd>
            )}
          </dl>
        ) : null}
      </section>

      {refused ? (
        <RefusedNote reason={warned.sentences[0] ?? errorSentence(intl, previewQuery.error, { unit, workdayMinutes: workday })} />
      ) : (
        violations.length > 0 && (
          <RuleNotice sentence={ruleSentences[0]} isAdmin={isAdmin} reason={overrideReason} onReasonChange={setOverrideReason} />
        )
      )}
      {onBehalf && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={approveNow} onChange={(e) => setApproveNow(e.target.checked)} data-testid="request-approve-now" />
          {t('request.approveNow', { name: employee.first_name })}
        </label>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          {t('request.cancel')}
        </Button>
        <Button
          type="submit"
          loading={submit.isPending}
          disabled={blocked}
          aria-describedby={blocked ? 'request-refused-note' : undefined}
          data-testid="request-submit"
        >
          {onBehalf ? t('request.submitOnBehalf') : t('request.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The preview's warnings (as sentences) that are not already listed as broken rules. */
function otherWarnings(preview: RequestPreview, sentences: string[]): string[] {
  const rules = new Set((preview.rule_violations ?? []).map((v) => v.message));
  return sentences.filter((_, i) => !rules.has(String(preview.warnings[i])));
}

import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, newIdempotencyKey } from '@/lib/format';
import { useBalances, usePolicyMap } from '@/lib/queries';
import type { Employee, RequestPreview, TimeOffRequest } from '@/lib/types';
import { formatDaysAndHours, formatDuration, policyUnit, safeWorkday } from '@/lib/units';
import { useDebouncedValue } from '@/lib/useDebounce';
import { Button, Spinner } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { useIntl } from 'react-intl';
import { errorSentence, previewWarnings } from '@/lib/errors';
import { toast } from '@/components/ui/toast';
import { useInvalidateRequestData } from '../hooks/useRequestMutations';
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
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Request time off"
      description={`Times are in your time zone (${employee.timezone || 'UTC'}).`}
      testId="request-dialog"
    >
      {open && <RequestForm employee={employee} onDone={() => onOpenChange(false)} />}
    </Dialog>
  );
}

function RequestForm({ employee, onDone }: { employee: Employee; onDone: () => void }) {
  const me = useMe();
  const balances = useBalances(employee.id);
  const policies = usePolicyMap();
  const invalidate = useInvalidateRequestData();
  const workday = safeWorkday(employee.workday_minutes);
  const [values, setValues] = useState<RequestFormValues>(() => ({
    policy_id: '',
    reason: '',
    ...defaultWindow(new Date(), employee.workday_start, workday, employee.work_days),
  }));
  const [touched, setTouched] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const options = useMemo(
    () => (balances.data?.items ?? []).map((b) => ({ value: b.policy_id, label: b.policy_key })),
    [balances.data],
  );
  useEffect(() => {
    if (!values.policy_id && options.length === 1) setValues((v) => ({ ...v, policy_id: options[0].value }));
  }, [options, values.policy_id]);

  const errors: RequestFormErrors = validateRequestForm(values);
  const shownErrors: RequestFormErrors = touched
    ? errors
    : { end_at: values.start_at && values.end_at ? errors.end_at : undefined };
  const set = (k: keyof RequestFormValues) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

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

  const submit = useMutation({
    mutationFn: () =>
      api.post<TimeOffRequest>(companyPath(me.company_id, '/requests'), { ...body, idempotency_key: idempotencyKey }),
    onSuccess: async (req) => {
      await invalidate();
      toast('Request submitted', {
        description: `${formatDuration(req.requested_minutes, unit, workday)} sent to your manager for approval.`,
      });
      onDone();
    },
  });


  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (hasErrors(errors)) return;
    submit.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="request-form">
      <FormError error={submit.error} amounts={{ unit, workdayMinutes: workday }} />
      <Field label="Policy" error={shownErrors.policy_id} required>
        <Select
          value={values.policy_id}
          onValueChange={set('policy_id')}
          options={options}
          placeholder={balances.isPending ? 'Loading policies…' : options.length ? 'Choose a policy' : 'No policies assigned'}
          disabled={balances.isPending || options.length === 0}
          data-testid="request-policy"
        />
      </Field>
      {balance && (
        <p className="-mt-2 text-xs text-slate-600" data-testid="request-current-balance">
          Available now: {balance.is_unlimited ? 'Unlimited' : formatDaysAndHours(balance.available_minutes, workday)}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Starts" error={shownErrors.start_at} required>
          <Input
            type="datetime-local"
            value={values.start_at}
            onChange={(e) => set('start_at')(e.target.value)}
            data-testid="request-start"
          />
        </Field>
        <Field label="Ends" error={shownErrors.end_at} required>
          <Input
            type="datetime-local"
            value={values.end_at}
            min={values.start_at || undefined}
            onChange={(e) => set('end_at')(e.target.value)}
            data-testid="request-end"
          />
        </Field>
      </div>
      <Field label="Reason (optional)" error={shownErrors.reason} hint={`${values.reason.length}/${MAX_REASON_LENGTH}`}>
        <Textarea value={values.reason} onChange={(e) => set('reason')(e.target.value)} data-testid="request-reason" />
      </Field>

      <section aria-live="polite" aria-label="Preview" className="rounded-md bg-slate-50 p-3 text-sm" data-testid="request-preview">
        {!previewable ? (
          <p className="text-slate-600">Choose a policy and dates to see how much time this uses.</p>
        ) : previewQuery.isFetching || debounced === null ? (
          <p className="flex items-center gap-2 text-slate-600">
            <Spinner className="h-4 w-4" /> Calculating…
          </p>
        ) : previewQuery.isError ? (
          <FormError error={previewQuery.error} amounts={{ unit, workdayMinutes: workday }} />
        ) : previewQuery.data ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">Duration</dt>
            <dd className="font-semibold" data-testid="preview-duration">
              {formatDuration(previewQuery.data.requested_minutes, unit, workday)}
              {unit !== 'HOURS' && (
                <span className="font-normal text-slate-600"> · {formatDuration(previewQuery.data.requested_minutes, 'HOURS')}</span>
              )}
            </dd>
            <dt className="text-slate-600">Balance after</dt>
            <dd
              className={
                previewQuery.data.available_minutes_after !== null && previewQuery.data.available_minutes_after < 0
                  ? 'font-semibold text-red-700'
                  : 'font-semibold'
              }
              data-testid="preview-balance-after"
            >
              {previewQuery.data.available_minutes_after === null
                ? 'Unlimited'
                : formatDuration(previewQuery.data.available_minutes_after, unit, workday)}
            </dd>
            {typeof previewQuery.data.available_minutes_on_start === 'number' && values.start_at && (
              <dd className="col-span-2 text-slate-700" data-testid="preview-balance-on-start">
                On {formatDate(values.start_at.slice(0, 10))} you will have{' '}
                {formatDuration(previewQuery.data.available_minutes_on_start, unit, workday)}
              </dd>
            )}
            {previewQuery.data.warnings.length > 0 && (
              <dd className="col-span-2 mt-1">
                <ul className="list-disc pl-5 text-amber-900" data-testid="preview-warnings">
                  {warned.sentences.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </dd>
            )}
          </dl>
        ) : null}
      </section>

      {refused && (
        <p id="request-refused-note" className="text-sm text-red-700" data-testid="request-refused">
          {intl.formatMessage({ id: 'request.refusedPreview' }, { reason: warned.sentences[0] ?? errorSentence(intl, previewQuery.error, { unit, workdayMinutes: workday }) })}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button
          type="submit"
          loading={submit.isPending}
          disabled={refused}
          aria-describedby={refused ? 'request-refused-note' : undefined}
          data-testid="request-submit"
        >
          Submit request
        </Button>
      </div>
    </form>
  );
}

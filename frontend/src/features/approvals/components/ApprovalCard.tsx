import { useId, useState } from 'react';
import { policyLabel } from '@/lib/units';
import type { Employee, Policy, TimeOffRequest } from '@/lib/types';
import { formatRequestWhen, fullName } from '@/lib/format';
import { useBalances } from '@/lib/queries';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { policyUnit, safeWorkday } from '@/lib/units';
import { useAmounts } from '@/i18n/amounts';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useRequestTransition } from '@/features/requests/hooks/useRequestMutations';
import { StatusBadge } from '@/features/requests/components/StatusBadge';
import { RequestDays } from '@/features/requests/components/RequestDays';
import { Dialog } from '@/components/ui/dialog';

export const MAX_NOTE_LENGTH = 1000;

export function ApprovalCard({
  request,
  employee,
  policy,
  overlaps,
  employees,
}: {
  request: TimeOffRequest;
  employee: Employee | undefined;
  policy: Policy | undefined;
  overlaps: TimeOffRequest[];
  employees: Map<string, Employee>;
}) {
  const t = useT();
  const amounts = useAmounts();
  const [note, setNote] = useState('');
  const approve = useRequestTransition('approve');
  const deny = useRequestTransition('deny');
  const balances = useBalances(request.employee_id);
  const headingId = useId();
  const workday = safeWorkday(employee?.workday_minutes);
  const unit = policyUnit(policy);
  const balance = balances.data?.items.find((b) => b.policy_id === request.policy_id);
  const name = employee ? fullName(employee) : t('approvals.employee');
  // Times in the approver's zone, labelled; the employee's own wall clock beside when it differs.
  const me = useMe();
  const tz = me.employee?.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const employeeTz = employee?.timezone || 'UTC';
  const noteError = note.length > MAX_NOTE_LENGTH ? t('approvals.noteTooLong', { max: MAX_NOTE_LENGTH }) : null;
  const busy = approve.isPending || deny.isPending;
  // Denying takes a confirmation (issue 26): it is the one decision a misclick cannot take back.
  const [confirmDeny, setConfirmDeny] = useState(false);
  const when = formatRequestWhen(request.start_at, request.end_at, employeeTz, tz);
  const theirWhen = formatRequestWhen(request.start_at, request.end_at, employeeTz, employeeTz);

  const act = (kind: 'approve' | 'deny') => {
    if (noteError) return;
    const m = kind === 'approve' ? approve : deny;
    // mutateAsync: the card unmounts once the list refreshes, so per-call callbacks would be lost.
    m.mutateAsync({ id: request.id, note: note.trim() || undefined }).then(
      () => toast(kind === 'approve' ? t('approvals.toast.approved', { name }) : t('approvals.toast.denied', { name })),
      () => undefined, // shown inline through m.error
    );
  };

  return (
    <Card aria-labelledby={headingId} data-testid="approval-card" data-request-id={request.id}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={headingId} className="font-semibold">
            {name} · {policyLabel(policy) || t('approvals.policy')}
          </h2>
          <p className="text-sm text-slate-700" data-testid="approval-times">
            {when}{' '}
            {when !== theirWhen || employeeTz === tz ? <span className="text-slate-600">{t('approvals.yourTime', { zone: tz })}</span> : null}
          </p>
          {employeeTz !== tz && when !== theirWhen && (
            <p className="text-xs text-slate-600" data-testid="approval-employee-times">
              {theirWhen} {t('approvals.theirTime', { name, zone: employeeTz })}
            </p>
          )}
          {request.entered_by && request.entered_by !== request.employee_id && (
            <p className="text-xs text-slate-600" data-testid="approval-entered-by">
              {t('approvals.enteredBy', {
                who: employees.get(request.entered_by) ? fullName(employees.get(request.entered_by)) : t('approvals.someoneElse'),
                name,
              })}
            </p>
          )}
        </div>
        <StatusBadge status={request.status} />
      </div>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('approvals.duration')}</dt>
        <dd className="font-medium" data-testid="approval-duration">
          {amounts.one(request.requested_minutes, unit, workday)}
          <RequestDays requestId={request.id} workday={workday} />
        </dd>
        <dt className="text-slate-600">{t('approvals.balance')}</dt>
        <dd data-testid="approval-balance">
          {balances.isPending
            ? t('ui.loading')
            : balances.isError
              ? t('approvals.unavailable')
              : !balance
                ? '—'
                : balance.is_unlimited
                  ? t('unit.unlimited')
                  : t('approvals.balanceWithPending', {
                      available: amounts.both(balance.available_minutes, unit, workday),
                      pending: amounts.one(balance.held_minutes, unit, workday),
                    })}
        </dd>
        {request.reason && (
          <>
            <dt className="text-slate-600">{t('approvals.reason')}</dt>
            <dd>{request.reason}</dd>
          </>
        )}
        <dt className="text-slate-600">{t('approvals.alsoOut')}</dt>
        <dd data-testid="approval-overlaps">
          {overlaps.length === 0 ? (
            <span className="text-slate-600">{t('approvals.nobodyElse')}</span>
          ) : (
            <ul className="space-y-0.5">
              {overlaps.map((o) => (
                <li key={o.id}>
                  {fullName(employees.get(o.employee_id))}{' '}
                  <span className="text-slate-600">
                    {formatRequestWhen(o.start_at, o.end_at, employees.get(o.employee_id)?.timezone || 'UTC', tz)} ({tz})
                  </span>{' '}
                  <StatusBadge status={o.status} />
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <div className="mt-4 space-y-3">
        <FormError error={approve.error ?? deny.error} />
        <Field label={t('approvals.note')} error={noteError} hint={`${note.length}/${MAX_NOTE_LENGTH}`}>
          <Textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} data-testid="decision-note" />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => act('approve')} loading={approve.isPending} disabled={busy} data-testid="approve-request">
            {t('approvals.approve')}
          </Button>
          <Button variant="danger" onClick={() => !noteError && setConfirmDeny(true)} loading={deny.isPending} disabled={busy} data-testid="deny-request">
            {t('approvals.deny')}
          </Button>
        </div>
      </div>
      <Dialog
        open={confirmDeny}
        onOpenChange={setConfirmDeny}
        title={t('approvals.denyConfirm.title', { name })}
        description={t('approvals.denyConfirm.description', { when, name })}
        testId="deny-dialog"
      >
        {note.trim() ? (
          <p className="mb-4 text-sm">
            {t('approvals.denyConfirm.note')} <span className="italic">“{note.trim()}”</span>
          </p>
        ) : (
          <p className="mb-4 text-sm text-slate-600">{t('approvals.denyConfirm.noNote')}</p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setConfirmDeny(false)}>
            {t('approvals.denyConfirm.keep')}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              setConfirmDeny(false);
              act('deny');
            }}
            data-testid="confirm-deny"
          >
            {t('approvals.denyConfirm.confirm')}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
}

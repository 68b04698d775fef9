import { useState } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { policyLabel } from '@/lib/units';
import { useMe } from '@/lib/auth';
import { formatDateTime, requestSpan } from '@/lib/format';
import { usePolicyMap, useRequestList } from '@/lib/queries';
import { REQUEST_STATUSES, type TimeOffRequest } from '@/lib/types';
import { policyUnit, safeWorkday } from '@/lib/units';
import { useAmounts } from '@/i18n/amounts';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { RequestDialog } from '../components/RequestDialog';
import { RequestDays } from '../components/RequestDays';
import { StatusBadge } from '../components/StatusBadge';
import { useRequestTransition } from '../hooks/useRequestMutations';

export function canCancel(r: TimeOffRequest, now = new Date()): boolean {
  if (r.status === 'DRAFT' || r.status === 'SUBMITTED') return true;
  return r.status === 'APPROVED' && new Date(r.start_at).getTime() > now.getTime();
}

export default function MyRequestsPage() {
  const me = useMe();
  const t = useT();
  const amounts = useAmounts();
  const employee = me.employee;
  const [status, setStatus] = useState('all');
  const [open, setOpen] = useState(false);
  const [toCancel, setToCancel] = useState<TimeOffRequest | null>(null);
  const requests = useRequestList(
    { employee_id: employee?.id, status: status === 'all' ? undefined : status },
    !!employee,
  );
  const policies = usePolicyMap();
  const cancel = useRequestTransition('cancel');
  if (!employee) return <EmptyState title={t('common.noEmployee')} />;
  const workday = safeWorkday(employee.workday_minutes);
  const rows = [...(requests.data ?? [])].sort((a, b) => b.start_at.localeCompare(a.start_at));

  return (
    <>
      <PageHeader
        title={t('nav.requests')}
        description={t('page.requests.description')}
        actions={
          <Button onClick={() => setOpen(true)} data-testid="open-request-dialog">
            {t('requests.new')}
          </Button>
        }
      />
      <div className="mb-4 max-w-xs">
        <Field label={t('requests.filter.status')}>
          <Select
            value={status}
            onValueChange={setStatus}
            options={[{ value: 'all', label: t('requests.filter.all') }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            data-testid="status-filter"
          />
        </Field>
      </div>
      {requests.isPending ? (
        <LoadingState label={t('requests.loading')} />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={status === 'all' ? t('requests.empty') : t('requests.emptyFiltered')}>
          {t('requests.emptyHint')}
        </EmptyState>
      ) : (
        <Table caption={t('requests.caption')} data-testid="my-requests-table">
          <thead>
            <tr>
              <Th>{t('col.policy')}</Th>
              <Th>{t('col.from')}</Th>
              <Th>{t('col.to')}</Th>
              <Th>{t('col.duration')}</Th>
              <Th>{t('col.status')}</Th>
              <Th>{t('col.note')}</Th>
              <Th>
                <span className="sr-only">{t('col.actions')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const policy = policies.map.get(r.policy_id);
              const span = requestSpan(r.start_at, r.end_at, employee.timezone);
              return (
                <tr key={r.id} data-testid="request-row" data-request-id={r.id}>
                  <Td className="font-medium">{policyLabel(policy) || '…'}</Td>
                  <Td className="whitespace-nowrap" data-testid="request-from">{span.from}</Td>
                  <Td className="whitespace-nowrap" data-testid="request-to">{span.to}</Td>
                  <Td className="tabular-nums">
                    {amounts.one(r.requested_minutes, policyUnit(policy), workday)}
                    <RequestDays requestId={r.id} workday={workday} />
                  </Td>
                  <Td>
                    <StatusBadge status={r.status} />
                  </Td>
                  <Td className="max-w-64 text-slate-700">{r.decision_note || r.reason || '—'}</Td>
                  <Td>
                    {canCancel(r) && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setToCancel(r)}
                        aria-label={t('requests.cancelLabel', { start: formatDateTime(r.start_at, employee.timezone) })}
                        data-testid="cancel-request"
                      >
                        {t('action.cancel')}
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <RequestDialog open={open} onOpenChange={setOpen} employee={employee} />
      <Dialog
        open={!!toCancel}
        onOpenChange={(o) => {
          if (!o) {
            setToCancel(null);
            cancel.reset();
          }
        }}
        title={t('requests.cancel.title')}
        description={t('requests.cancel.description')}
        testId="cancel-dialog"
      >
        <div className="space-y-4">
          <FormError error={cancel.error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setToCancel(null)}>
              {t('requests.cancel.keep')}
            </Button>
            <Button
              variant="danger"
              loading={cancel.isPending}
              data-testid="confirm-cancel"
              onClick={() =>
                toCancel &&
                cancel.mutateAsync({ id: toCancel.id }).then(
                  () => {
                    toast(t('requests.cancel.done'));
                    setToCancel(null);
                  },
                  () => undefined,
                )
              }
            >
              {t('requests.cancel.confirm')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

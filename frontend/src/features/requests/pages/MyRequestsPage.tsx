import { useState } from 'react';
import { policyLabel } from '@/lib/units';
import { useMe } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { usePolicyMap, useRequestList } from '@/lib/queries';
import { REQUEST_STATUSES, type TimeOffRequest } from '@/lib/types';
import { formatDuration, policyUnit, safeWorkday } from '@/lib/units';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { RequestDialog } from '../components/RequestDialog';
import { StatusBadge, statusLabel } from '../components/StatusBadge';
import { useRequestTransition } from '../hooks/useRequestMutations';

export function canCancel(r: TimeOffRequest, now = new Date()): boolean {
  if (r.status === 'DRAFT' || r.status === 'SUBMITTED') return true;
  return r.status === 'APPROVED' && new Date(r.start_at).getTime() > now.getTime();
}

export default function MyRequestsPage() {
  const me = useMe();
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
  if (!employee) return <EmptyState title="No employee record is linked to your account" />;
  const workday = safeWorkday(employee.workday_minutes);
  const rows = [...(requests.data ?? [])].sort((a, b) => b.start_at.localeCompare(a.start_at));

  return (
    <>
      <PageHeader
        title="My requests"
        description="Everything you have asked for, and where it stands."
        actions={
          <Button onClick={() => setOpen(true)} data-testid="open-request-dialog">
            Request time off
          </Button>
        }
      />
      <div className="mb-4 max-w-xs">
        <Field label="Status">
          <Select
            value={status}
            onValueChange={setStatus}
            options={[{ value: 'all', label: 'All statuses' }, ...REQUEST_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
            data-testid="status-filter"
          />
        </Field>
      </div>
      {requests.isPending ? (
        <LoadingState label="Loading requests…" />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => requests.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={status === 'all' ? 'You have no requests yet' : 'No requests with this status'}>
          Use “Request time off” to ask for time away.
        </EmptyState>
      ) : (
        <Table caption="My time-off requests" data-testid="my-requests-table">
          <thead>
            <tr>
              <Th>Policy</Th>
              <Th>From</Th>
              <Th>To</Th>
              <Th>Duration</Th>
              <Th>Status</Th>
              <Th>Note</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const policy = policies.map.get(r.policy_id);
              return (
                <tr key={r.id} data-testid="request-row" data-request-id={r.id}>
                  <Td className="font-medium">{policyLabel(policy) || '…'}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(r.start_at, employee.timezone)}</Td>
                  <Td className="whitespace-nowrap">{formatDateTime(r.end_at, employee.timezone)}</Td>
                  <Td className="tabular-nums">{formatDuration(r.requested_minutes, policyUnit(policy), workday)}</Td>
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
                        aria-label={`Cancel request starting ${formatDateTime(r.start_at, employee.timezone)}`}
                        data-testid="cancel-request"
                      >
                        Cancel
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
        title="Cancel this request?"
        description="The time goes back to your balance."
        testId="cancel-dialog"
      >
        <div className="space-y-4">
          <FormError error={cancel.error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setToCancel(null)}>
              Keep request
            </Button>
            <Button
              variant="danger"
              loading={cancel.isPending}
              data-testid="confirm-cancel"
              onClick={() =>
                toCancel &&
                cancel.mutateAsync({ id: toCancel.id }).then(
                  () => {
                    toast('Request cancelled');
                    setToCancel(null);
                  },
                  () => undefined,
                )
              }
            >
              Cancel request
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}

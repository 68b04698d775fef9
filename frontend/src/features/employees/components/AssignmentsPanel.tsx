import { useState } from 'react';
import { policyLabel } from '@/lib/units';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, companyPath, fetchAll } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, todayIso } from '@/lib/format';
import { keys, usePolicyMap } from '@/lib/queries';
import type { Assignment, Employee } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, Card, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { AssignmentForm } from './AssignmentForm';
import { sortAssignments } from '../sorting';
import { useT } from '@/i18n/I18nProvider';

export function AssignmentsPanel({ employee }: { employee: Employee }) {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const policies = usePolicyMap();
  const assignments = useQuery({
    queryKey: keys.assignments(me.company_id, employee.id),
    queryFn: ({ signal }) => fetchAll<Assignment>(companyPath(me.company_id, `/employees/${employee.id}/assignments`), undefined, signal),
  });
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [endDate, setEndDate] = useState(todayIso());
  const end = useMutation({
    mutationFn: (a: Assignment) => api.del<Assignment>(companyPath(me.company_id, `/assignments/${a.id}`), { effective_to: endDate }),
    onSuccess: async () => {
      await Promise.all([qc.invalidateQueries({ queryKey: ['assignments'] }), qc.invalidateQueries({ queryKey: ['balances'] })]);
      toast(t('assignment.ended'));
      setEnding(null);
    },
  });
  const today = todayIso();
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>{t('assignment.assignPolicy')}</CardTitle>
        <div className="mt-3">
          <AssignmentForm employeeId={employee.id} />
        </div>
      </Card>
      {assignments.isPending ? (
        <LoadingState label={t('policy.detail.loadingAssignments')} />
      ) : assignments.isError ? (
        <ErrorState error={assignments.error} onRetry={() => assignments.refetch()} />
      ) : assignments.data.length === 0 ? (
        <EmptyState title={t('assignment.none')} />
      ) : (
        <Table caption={t('assignment.caption')} data-testid="assignments-table">
          <thead>
            <tr>
              <Th>{t('col.policy')}</Th>
              <Th>{t('col.from')}</Th>
              <Th>{t('col.until')}</Th>
              <Th>{t('col.status')}</Th>
              <Th>
                <span className="sr-only">{t('col.actions')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {sortAssignments(assignments.data, (a) => policyLabel(policies.map.get(a.policy_id))).map((a) => {
              const active = a.effective_from <= today && (!a.effective_to || a.effective_to > today);
              const endable = !a.effective_to || a.effective_to > today;
              const key = policyLabel(policies.map.get(a.policy_id)) || a.policy_id.slice(0, 8);
              return (
                <tr key={a.id} data-testid="assignment-row">
                  <Td className="font-medium">{key}</Td>
                  <Td>{formatDate(a.effective_from)}</Td>
                  <Td>{a.effective_to ? formatDate(a.effective_to) : t('policy.detail.openEndedCap')}</Td>
                  <Td>
                    <Badge tone={active ? 'green' : 'gray'}>{active ? t('employees.status.ACTIVE') : a.effective_from > today ? t('common.scheduled') : t('assignment.endedBadge')}</Badge>
                  </Td>
                  <Td>
                    {endable && (
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => {
                          setEndDate(today > a.effective_from ? today : a.effective_from);
                          setEnding(a);
                        }}
                        aria-label={t('assignment.endOf', { name: key })}
                      >
                        {t('assignment.end')}
                      </Button>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <Dialog
        open={!!ending}
        onOpenChange={(o) => {
          if (!o) {
            setEnding(null);
            end.reset();
          }
        }}
        title={t('assignment.endTitle')}
        description={t('assignment.endHint')}
      >
        <div className="space-y-4">
          <FormError error={end.error} />
          <Field label={t('assignment.endDate')} required>
            <Input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setEnding(null)}>
              {t('assignment.keep')}
            </Button>
            <Button variant="danger" loading={end.isPending} disabled={!endDate} onClick={() => ending && end.mutate(ending)}>
              {t('assignment.endSubmit')}
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useAmounts } from '@/i18n/amounts';
import { useT } from '@/i18n/I18nProvider';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useDurationChanges, useEmployeeMap, usePolicyMap } from '@/lib/queries';
import { policyUnit } from '@/lib/units';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { FormError } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';

/**
 * Requests whose duration a holiday or location change altered (admins): nothing changes them
 * silently; one action sets each to its new duration and books the difference.
 */
export function DurationChangesCard() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const amounts = useAmounts();
  const changes = useDurationChanges();
  const policies = usePolicyMap();
  const employees = useEmployeeMap();
  const apply = useMutation({
    mutationFn: (ids: string[]) =>
      api.post<{ corrected: number }>(companyPath(me.company_id, '/requests/duration-changes/apply'), { request_ids: ids }),
    onSuccess: async (r) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['duration-changes'] }),
        qc.invalidateQueries({ queryKey: ['requests'] }),
        qc.invalidateQueries({ queryKey: ['balances'] }),
        qc.invalidateQueries({ queryKey: ['ledger'] }),
      ]);
      toast(t('holidays.corrections.done', { count: r.corrected }));
    },
  });
  const rows = changes.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Card className="mb-6 border-amber-300" data-testid="duration-changes">
      <CardTitle>{t('holidays.corrections.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('holidays.corrections.description')}</p>
      <Table caption={t('holidays.corrections.title')} className="mt-3">
        <thead>
          <tr>
            <Th>{t('holidays.corrections.person')}</Th>
            <Th>{t('holidays.corrections.when')}</Th>
            <Th>{t('holidays.corrections.booked')}</Th>
            <Th>{t('holidays.corrections.now')}</Th>
            <Th>{t('holidays.corrections.holidays')}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const unit = policyUnit(policies.map.get(c.policy_id));
            const workday = employees.map.get(c.employee_id)?.workday_minutes;
            const zone = employees.map.get(c.employee_id)?.timezone;
            return (
              <tr key={c.request_id} data-testid="duration-change">
                <Td>{c.employee_name}</Td>
                <Td>
                  {formatDateTime(c.start_at, zone)} – {formatDateTime(c.end_at, zone)}
                </Td>
                <Td>{amounts.one(c.requested_minutes, unit, workday)}</Td>
                <Td>
                  {amounts.one(c.current_minutes, unit, workday)} ({amounts.signed(c.difference_minutes, unit, workday)})
                </Td>
                <Td>{c.holidays.length > 0 ? c.holidays.join(', ') : '—'}</Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <FormError error={apply.error} />
      <div className="mt-3 flex justify-end">
        <Button onClick={() => apply.mutate(rows.map((r) => r.request_id))} loading={apply.isPending} data-testid="duration-changes-apply">
          {t('holidays.corrections.apply', { count: rows.length })}
        </Button>
      </div>
    </Card>
  );
}

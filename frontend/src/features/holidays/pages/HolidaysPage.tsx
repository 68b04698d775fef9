import { useState, type FormEvent } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, weekdayIndex, weekdayName } from '@/lib/format';
import { useHolidays } from '@/lib/queries';
import type { Holiday } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import type { MessageKey } from '@/i18n/messages/en';

/** Field → the message key of what is wrong (shown with `{ year }` in the reader's language). */
export function validateHoliday(v: { date: string; name: string }, year?: number): Record<string, MessageKey> {
  const e: Record<string, MessageKey> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) e.date = 'holidays.error.date';
  else if (year && Number(v.date.slice(0, 4)) !== year) e.date = 'holidays.error.year';
  if (!v.name.trim()) e.name = 'holidays.error.name';
  else if (v.name.length > 200) e.name = 'holidays.error.nameLong';
  return e;
}

export default function HolidaysPage() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const [v, setV] = useState({ date: '', name: '' });
  const [shown, setShown] = useState(false);
  const errors = validateHoliday(v, year);
  const add = useMutation({
    mutationFn: () => api.post<Holiday>(companyPath(me.company_id, '/holidays'), { date: v.date, name: v.name.trim() }),
    onSuccess: async (h) => {
      await qc.invalidateQueries({ queryKey: ['holidays'] });
      toast(t('holidays.added', { name: h.name }));
      setV({ date: '', name: '' });
      setShown(false);
    },
  });
  const remove = useMutation({
    mutationFn: (h: Holiday) => api.del<void>(companyPath(me.company_id, `/holidays/${h.id}`)),
    onSuccess: async (_, h) => {
      await qc.invalidateQueries({ queryKey: ['holidays'] });
      toast(t('holidays.removed', { name: h.name }));
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) add.mutate();
  }
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  const rows = [...(holidays.data ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <PageHeader title={t('nav.holidays')} description={t('page.holidays.description')} />
      <div className="mb-4 max-w-40">
        <Field label={t('holidays.year')}>
          <Select value={String(year)} onValueChange={(y) => setYear(Number(y))} options={years.map((y) => ({ value: String(y), label: String(y) }))} data-testid="holiday-year" />
        </Field>
      </div>
      <Card className="mb-6">
        <CardTitle>{t('holidays.addTitle')}</CardTitle>
        <form onSubmit={onSubmit} noValidate className="mt-3 grid items-start gap-3 sm:grid-cols-[12rem_1fr_auto]" data-testid="holiday-form">
          <Field label={t('holidays.date')} error={shown && errors.date ? t(errors.date, { year }) : undefined} required>
            <Input type="date" value={v.date} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(e) => setV((s) => ({ ...s, date: e.target.value }))} data-testid="holiday-date" />
          </Field>
          <Field label={t('policies.col.name')} error={shown && errors.name ? t(errors.name) : undefined} required>
            <Input value={v.name} onChange={(e) => setV((s) => ({ ...s, name: e.target.value }))} data-testid="holiday-name" />
          </Field>
          <Button type="submit" className="sm:mt-6" loading={add.isPending} data-testid="holiday-submit">
            {t('holidays.add')}
          </Button>
          <div className="sm:col-span-3">
            <FormError error={add.error ?? remove.error} />
          </div>
        </form>
      </Card>
      {holidays.isPending ? (
        <LoadingState label={t('holidays.loading')} />
      ) : holidays.isError ? (
        <ErrorState error={holidays.error} onRetry={() => holidays.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('holidays.empty', { year: String(year) })} />
      ) : (
        <Table caption={t('holidays.caption', { year: String(year) })} data-testid="holidays-table">
          <thead>
            <tr>
              <Th>{t('holidays.date')}</Th>
              <Th>{t('holidays.day')}</Th>
              <Th>{t('policies.col.name')}</Th>
              <Th>
                <span className="sr-only">{t('col.actions')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id} data-testid="holiday-row">
                <Td>{formatDate(h.date)}</Td>
                <Td>{weekdayName(weekdayIndex(h.date), 'long')}</Td>
                <Td>{h.name}</Td>
                <Td>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => window.confirm(t('holidays.confirmDelete', { name: h.name })) && remove.mutate(h)}
                    aria-label={t('holidays.deleteOf', { name: h.name })}
                    disabled={remove.isPending}
                  >
                    {t('holidays.delete')}
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useT } from '@/i18n/I18nProvider';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate, weekdayIndex, weekdayName } from '@/lib/format';
import { useHolidays, useLocations, type HolidayView } from '@/lib/queries';
import type { Holiday } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, Card, CardTitle, PageHeader } from '@/components/ui/card';
import { Checkbox, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { DurationChangesCard } from '../components/DurationChangesCard';
import { HolidayEditDialog } from '../components/HolidayEditDialog';
import { RowActions } from '../components/RowActions';
import { LocationsCard } from '../components/LocationsCard';
import { PresetImportCard, WHOLE_COMPANY } from '../components/PresetImportCard';
import { validateHoliday } from '../validation';

export { validateHoliday };

/** The list's filter: every holiday, only the company-wide ones, or those that apply at a location. */
const ALL = '*all';
const COMPANY_WIDE = '*company';

function viewOf(filter: string): HolidayView {
  if (filter === ALL) return undefined;
  if (filter === COMPANY_WIDE) return { companyWide: true };
  return { location: filter };
}

export default function HolidaysPage() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const isAdmin = me.role === 'admin';
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [filter, setFilter] = useState(ALL);
  const holidays = useHolidays(year, viewOf(filter));
  const locations = useLocations();
  const [v, setV] = useState({ date: '', name: '', location: WHOLE_COMPANY, half_day: false });
  const [shown, setShown] = useState(false);
  const [editing, setEditing] = useState<Holiday | null>(null);
  const errors = validateHoliday(v, year);
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['holidays'] }),
      qc.invalidateQueries({ queryKey: ['duration-changes'] }),
      qc.invalidateQueries({ queryKey: ['whos-out'] }),
    ]);
  const add = useMutation({
    mutationFn: () =>
      api.post<Holiday>(companyPath(me.company_id, '/holidays'), {
        date: v.date,
        name: v.name.trim(),
        ...(v.location === WHOLE_COMPANY ? {} : { location: v.location }),
        ...(v.half_day ? { half_day: true } : {}),
      }),
    onSuccess: async (h) => {
      await refresh();
      toast(t('holidays.added', { name: h.name }));
      setV((s) => ({ ...s, date: '', name: '', half_day: false }));
      setShown(false);
    },
  });
  const remove = useMutation({
    mutationFn: (h: Holiday) => api.del<void>(companyPath(me.company_id, `/holidays/${h.id}`)),
    onSuccess: async (_, h) => {
      await refresh();
      toast(t('holidays.removed', { name: h.name }));
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) add.mutate();
  }
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  const rows = [...(holidays.data ?? [])].sort((a, b) => a.date.localeCompare(b.date) || (a.location ?? '').localeCompare(b.location ?? ''));
  const places = locations.data ?? [];
  const locationOptions = [{ value: WHOLE_COMPANY, label: t('holidays.wholeCompany') }, ...places.map((l) => ({ value: l.name, label: l.name }))];
  return (
    <>
      <PageHeader title={t('nav.holidays')} description={t('page.holidays.description')} />
      <div className="mb-4 flex flex-wrap gap-3">
        <Field label={t('holidays.year')} className="w-40">
          <Select value={String(year)} onValueChange={(y) => setYear(Number(y))} options={years.map((y) => ({ value: String(y), label: String(y) }))} data-testid="holiday-year" />
        </Field>
        <Field label={t('holidays.view.label')} className="w-64">
          <Select
            value={filter}
            onValueChange={setFilter}
            options={[
              { value: ALL, label: t('holidays.view.all') },
              { value: COMPANY_WIDE, label: t('holidays.view.companyWide') },
              ...places.map((l) => ({ value: l.name, label: t('holidays.view.at', { location: l.name }) })),
            ]}
            data-testid="holiday-view"
          />
        </Field>
      </div>
      {isAdmin && <DurationChangesCard />}
      {isAdmin && <PresetImportCard years={years} initialYear={year} locations={places} />}
      {isAdmin && (
        <Card className="mb-6">
          <CardTitle>{t('holidays.addTitle')}</CardTitle>
          <form onSubmit={onSubmit} noValidate className="mt-3 grid items-start gap-3 sm:grid-cols-[12rem_1fr_12rem_auto]" data-testid="holiday-form">
            <Field label={t('holidays.date')} error={shown && errors.date ? t(errors.date, { year }) : undefined} required>
              <Input type="date" value={v.date} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(e) => setV((s) => ({ ...s, date: e.target.value }))} data-testid="holiday-date" />
            </Field>
            <Field label={t('policies.col.name')} error={shown && errors.name ? t(errors.name) : undefined} required>
              <Input value={v.name} onChange={(e) => setV((s) => ({ ...s, name: e.target.value }))} data-testid="holiday-name" />
            </Field>
            <Field label={t('holidays.col.location')}>
              <Select value={v.location} onValueChange={(l) => setV((s) => ({ ...s, location: l }))} options={locationOptions} data-testid="holiday-location" />
            </Field>
            <Button type="submit" className="sm:mt-6" loading={add.isPending} data-testid="holiday-submit">
              {t('holidays.add')}
            </Button>
            <div className="sm:col-span-4">
              <Checkbox label={t('holidays.halfDay')} hint={t('holidays.halfDayHint')} checked={v.half_day} onChange={(half) => setV((s) => ({ ...s, half_day: half }))} testId="holiday-half" />
            </div>
            <div className="sm:col-span-4">
              <FormError error={add.error ?? remove.error} />
            </div>
          </form>
        </Card>
      )}
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
              <Th>{t('holidays.col.location')}</Th>
              {isAdmin && (
                <Th>
                  <span className="sr-only">{t('col.actions')}</span>
                </Th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id} data-testid="holiday-row" data-location={h.location ?? ''}>
                <Td>{formatDate(h.date)}</Td>
                <Td>{weekdayName(weekdayIndex(h.date), 'long')}</Td>
                <Td>
                  {h.name}
                  {h.half_day && (
                    <Badge tone="amber" className="ml-2">
                      {t('holidays.halfDay')}
                    </Badge>
                  )}
                </Td>
                <Td>{h.location ?? t('holidays.wholeCompany')}</Td>
                {isAdmin && (
                  <RowActions
                    actionLabel={t('holidays.edit')}
                    actionAria={t('holidays.editOf', { name: h.name })}
                    onAction={() => setEditing(h)}
                    deleteAria={t('holidays.deleteOf', { name: h.name })}
                    confirmText={t('holidays.confirmDelete', { name: h.name })}
                    onDelete={() => remove.mutate(h)}
                    deleting={remove.isPending}
                  />
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {isAdmin && <div className="mt-6"><LocationsCard locations={places} /></div>}
      {editing && <HolidayEditDialog holiday={editing} locations={places} onClose={() => setEditing(null)} />}
    </>
  );
}

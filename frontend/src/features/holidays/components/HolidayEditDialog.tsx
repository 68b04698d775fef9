import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useT } from '@/i18n/I18nProvider';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import type { CompanyLocation, Holiday } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Checkbox, Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { validateHoliday } from '../validation';
import { WHOLE_COMPANY } from './PresetImportCard';

/** Edit a holiday's date, name, scope and half day (admins). */
export function HolidayEditDialog({ holiday, locations, onClose }: { holiday: Holiday; locations: CompanyLocation[]; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const [v, setV] = useState({
    date: holiday.date,
    name: holiday.name,
    location: holiday.location ?? WHOLE_COMPANY,
    half_day: !!holiday.half_day,
  });
  const [shown, setShown] = useState(false);
  const errors = validateHoliday(v);
  const names = locations.map((l) => l.name);
  if (holiday.location && !names.some((n) => n.toLowerCase() === holiday.location?.toLowerCase())) names.push(holiday.location);
  const save = useMutation({
    mutationFn: () =>
      api.put<Holiday>(companyPath(me.company_id, `/holidays/${holiday.id}`), {
        date: v.date,
        name: v.name.trim(),
        location: v.location === WHOLE_COMPANY ? null : v.location,
        half_day: v.half_day,
      }),
    onSuccess: async (h) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['holidays'] }),
        qc.invalidateQueries({ queryKey: ['duration-changes'] }),
        qc.invalidateQueries({ queryKey: ['whos-out'] }),
      ]);
      toast(t('holidays.saved', { name: h.name }));
      onClose();
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (Object.keys(errors).length === 0) save.mutate();
  }
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title={t('holidays.editTitle')} testId="holiday-edit">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <Field label={t('holidays.date')} error={shown && errors.date ? t(errors.date, { year: Number(v.date.slice(0, 4)) }) : undefined} required>
          <Input type="date" value={v.date} onChange={(e) => setV((s) => ({ ...s, date: e.target.value }))} data-testid="holiday-edit-date" />
        </Field>
        <Field label={t('policies.col.name')} error={shown && errors.name ? t(errors.name) : undefined} required>
          <Input value={v.name} onChange={(e) => setV((s) => ({ ...s, name: e.target.value }))} data-testid="holiday-edit-name" />
        </Field>
        <Field label={t('holidays.col.location')}>
          <Select
            value={v.location}
            onValueChange={(l) => setV((s) => ({ ...s, location: l }))}
            options={[{ value: WHOLE_COMPANY, label: t('holidays.wholeCompany') }, ...names.map((n) => ({ value: n, label: n }))]}
            data-testid="holiday-edit-location"
          />
        </Field>
        <Checkbox
          label={t('holidays.halfDay')}
          hint={t('holidays.halfDayHint')}
          checked={v.half_day}
          onChange={(half) => setV((s) => ({ ...s, half_day: half }))}
          testId="holiday-edit-half"
        />
        <FormError error={save.error} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('holidays.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="holiday-edit-save">
            {t('holidays.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

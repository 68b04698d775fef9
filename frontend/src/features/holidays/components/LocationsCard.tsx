import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '@/i18n/I18nProvider';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useHolidayPresets } from '@/lib/queries';
import type { CompanyLocation } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, FormError } from '@/components/ui/states';
import { Table, Td, Th } from '@/components/ui/table';
import { toast } from '@/components/ui/toast';
import { bindingLabel } from '../presets';
import { PresetFields, WHOLE_COUNTRY } from './PresetFields';
import { RowActions } from './RowActions';

/** The company's locations: add one, bind it to a preset (the worker keeps its holidays filled in), delete it. */
export function LocationsCard({ locations }: { locations: CompanyLocation[] }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const qc = useQueryClient();
  const presets = useHolidayPresets();
  const [name, setName] = useState('');
  const [shown, setShown] = useState(false);
  const [binding, setBinding] = useState<CompanyLocation | null>(null);
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['locations'] }),
      qc.invalidateQueries({ queryKey: ['holidays'] }),
      qc.invalidateQueries({ queryKey: ['duration-changes'] }),
      qc.invalidateQueries({ queryKey: ['whos-out'] }),
    ]);
  const add = useMutation({
    mutationFn: () => api.post<CompanyLocation>(companyPath(me.company_id, '/locations'), { name: name.trim() }),
    onSuccess: async (l) => {
      await refresh();
      toast(t('holidays.added', { name: l.name }));
      setName('');
      setShown(false);
    },
  });
  const remove = useMutation({
    mutationFn: (l: CompanyLocation) => api.del<void>(companyPath(me.company_id, `/locations/${l.id}`)),
    onSuccess: async (_, l) => {
      await refresh();
      toast(t('holidays.removed', { name: l.name }));
    },
  });
  const nameError = shown && !name.trim() ? t('holidays.locations.error.name') : undefined;
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (name.trim()) add.mutate();
  }
  const all = presets.data?.items ?? [];
  return (
    <Card className="mb-6" data-testid="locations">
      <CardTitle>{t('holidays.locations.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('holidays.locations.description')}</p>
      {locations.length === 0 ? (
        <EmptyState title={t('holidays.locations.empty')} />
      ) : (
        <Table caption={t('holidays.locations.title')} className="mt-3" data-testid="locations-table">
          <thead>
            <tr>
              <Th>{t('policies.col.name')}</Th>
              <Th>{t('holidays.locations.people')}</Th>
              <Th>{t('holidays.locations.preset')}</Th>
              <Th>
                <span className="sr-only">{t('col.actions')}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {locations.map((l) => (
              <tr key={l.id} data-testid="location-row">
                <Td>{l.name}</Td>
                <Td>{l.employee_count}</Td>
                <Td>
                  {bindingLabel(l, all, locale) ?? t('holidays.locations.noPreset')}
                  {l.holidays_filled_through !== null && (
                    <span className="block text-xs text-slate-600">{t('holidays.locations.filledThrough', { year: String(l.holidays_filled_through) })}</span>
                  )}
                </Td>
                <RowActions
                  actionLabel={t('holidays.locations.bind')}
                  actionAria={t('holidays.locations.bindOf', { name: l.name })}
                  onAction={() => setBinding(l)}
                  deleteAria={t('holidays.locations.deleteOf', { name: l.name })}
                  confirmText={t('holidays.locations.confirmDelete', { name: l.name })}
                  onDelete={() => remove.mutate(l)}
                  deleting={remove.isPending}
                />
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <form onSubmit={onSubmit} noValidate className="mt-3 grid items-start gap-3 sm:grid-cols-[1fr_auto]" data-testid="location-form">
        <Field label={t('holidays.locations.newName')} error={nameError} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="location-name" />
        </Field>
        <Button type="submit" className="sm:mt-6" loading={add.isPending} data-testid="location-add">
          {t('holidays.locations.add')}
        </Button>
        <div className="sm:col-span-2">
          <FormError error={add.error ?? remove.error} />
        </div>
      </form>
      {binding && <BindDialog location={binding} onClose={() => setBinding(null)} onSaved={refresh} />}
    </Card>
  );
}

function BindDialog({ location, onClose, onSaved }: { location: CompanyLocation; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const presets = useHolidayPresets();
  const [preset, setPreset] = useState({ country: location.country ?? '', region: location.region ?? WHOLE_COUNTRY });
  const save = useMutation({
    mutationFn: () =>
      api.put<CompanyLocation>(companyPath(me.company_id, `/locations/${location.id}`), {
        country: preset.country || null,
        region: preset.country && preset.region !== WHOLE_COUNTRY ? preset.region : null,
        language: preset.country ? locale : null,
      }),
    onSuccess: async (l) => {
      await onSaved();
      const label = bindingLabel(l, presets.data?.items ?? [], locale);
      toast(label ? t('holidays.locations.bound', { name: l.name, preset: label }) : t('holidays.locations.unbound', { name: l.name }));
      onClose();
    },
  });
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('holidays.locations.bindTitle', { name: location.name })}
      description={t('holidays.locations.bindHint')}
      testId="location-bind"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
        className="space-y-3"
      >
        <PresetFields presets={presets.data?.items ?? []} country={preset.country} region={preset.region} onChange={setPreset} allowNone testId="location-bind" />
        <FormError error={save.error} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('holidays.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="location-bind-save">
            {t('holidays.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

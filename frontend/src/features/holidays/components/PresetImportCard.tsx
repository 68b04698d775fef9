import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT } from '@/i18n/I18nProvider';
import { api, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useHolidayPresets } from '@/lib/queries';
import type { CompanyLocation } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { PresetFields, WHOLE_COUNTRY } from './PresetFields';

/** The whole company in the location picker (Select values must be non-empty). */
export const WHOLE_COMPANY = '*';

/** Imports a country's or region's public holidays of a year, for the whole company or one location. */
export function PresetImportCard({ years, initialYear, locations }: { years: number[]; initialYear: number; locations: CompanyLocation[] }) {
  const t = useT();
  const { locale } = useLocale();
  const me = useMe();
  const qc = useQueryClient();
  const presets = useHolidayPresets();
  const [preset, setPreset] = useState({ country: '', region: WHOLE_COUNTRY });
  const [year, setYear] = useState(initialYear);
  const [location, setLocation] = useState(WHOLE_COMPANY);
  const [shown, setShown] = useState(false);
  const run = useMutation({
    mutationFn: () =>
      api.post<{ created: number; skipped: number }>(companyPath(me.company_id, '/holidays/import'), {
        country: preset.country,
        region: preset.region === WHOLE_COUNTRY ? undefined : preset.region,
        year,
        location: location === WHOLE_COMPANY ? undefined : location,
        language: locale,
      }),
    onSuccess: async (r) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['holidays'] }),
        qc.invalidateQueries({ queryKey: ['duration-changes'] }),
        qc.invalidateQueries({ queryKey: ['whos-out'] }),
      ]);
      toast(t('holidays.import.done', { created: r.created, skipped: r.skipped }));
      setShown(false);
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (preset.country) run.mutate();
  }
  return (
    <Card className="mb-6" data-testid="holiday-import">
      <CardTitle>{t('holidays.import.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('holidays.import.description')}</p>
      <form onSubmit={onSubmit} noValidate className="mt-3 grid items-start gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_8rem_1fr_auto]">
        <PresetFields
          presets={presets.data?.items ?? []}
          country={preset.country}
          region={preset.region}
          onChange={setPreset}
          countryError={shown && !preset.country ? t('holidays.import.pickCountry') : undefined}
          testId="holiday-import"
        />
        <Field label={t('holidays.year')}>
          <Select
            value={String(year)}
            onValueChange={(y) => setYear(Number(y))}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
            data-testid="holiday-import-year"
          />
        </Field>
        <Field label={t('holidays.import.for')}>
          <Select
            value={location}
            onValueChange={setLocation}
            options={[{ value: WHOLE_COMPANY, label: t('holidays.wholeCompany') }, ...locations.map((l) => ({ value: l.name, label: l.name }))]}
            data-testid="holiday-import-location"
          />
        </Field>
        <Button type="submit" className="sm:mt-6" loading={run.isPending} disabled={presets.isPending} data-testid="holiday-import-submit">
          {t('holidays.import.submit')}
        </Button>
        <div className="sm:col-span-2 lg:col-span-5">
          <FormError error={run.error ?? presets.error} />
        </div>
      </form>
    </Card>
  );
}

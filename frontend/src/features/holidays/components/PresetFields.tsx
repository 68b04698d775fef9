import { useMemo } from 'react';
import { useLocale, useT } from '@/i18n/I18nProvider';
import type { HolidayPreset } from '@/lib/types';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { countriesOf, regionsOf } from '../presets';

/** Select values must be non-empty: the whole country is this sentinel. */
export const WHOLE_COUNTRY = '*';

interface Props {
  presets: HolidayPreset[];
  country: string;
  region: string;
  onChange: (v: { country: string; region: string }) => void;
  /** Offer "no preset" as the first country (a location's binding). */
  allowNone?: boolean;
  countryError?: string;
  testId: string;
}

/** Country and region pickers of the holiday presets (countries named in the reader's language). */
export function PresetFields({ presets, country, region, onChange, allowNone, countryError, testId }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const countries = useMemo(() => countriesOf(presets, locale), [presets, locale]);
  const regions = useMemo(() => (country ? regionsOf(presets, country) : []), [presets, country]);
  const NONE = '-';
  return (
    <>
      <Field label={t('holidays.import.country')} error={countryError} required={!allowNone}>
        <Select
          value={country || (allowNone ? NONE : '')}
          onValueChange={(c) => onChange({ country: c === NONE ? '' : c, region: WHOLE_COUNTRY })}
          options={[
            ...(allowNone ? [{ value: NONE, label: t('holidays.locations.noPreset') }] : []),
            ...countries.map((c) => ({ value: c.code, label: c.name })),
          ]}
          data-testid={`${testId}-country`}
        />
      </Field>
      <Field label={t('holidays.import.region')}>
        <Select
          value={region || WHOLE_COUNTRY}
          onValueChange={(r) => onChange({ country, region: r })}
          disabled={!country || regions.length === 0}
          options={[
            { value: WHOLE_COUNTRY, label: t('holidays.import.wholeCountry') },
            ...regions.map((r) => ({ value: r.code, label: r.name })),
          ]}
          data-testid={`${testId}-region`}
        />
      </Field>
    </>
  );
}

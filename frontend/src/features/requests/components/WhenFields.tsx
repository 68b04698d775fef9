import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { useT } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';
import type { HalfDay, RequestMode, WhenErrors, WhenValues } from '../modes';

const MODES: { value: RequestMode; label: MessageKey }[] = [
  { value: 'FULL_DAYS', label: 'request.mode.fullDays' },
  { value: 'HALF_DAY', label: 'request.mode.halfDay' },
  { value: 'HOURS', label: 'request.mode.hours' },
];

/** Dates first, then how much of them: full days, a half day (morning / afternoon) or hours. */
export function WhenFields({
  values,
  errors,
  onChange,
}: {
  values: WhenValues;
  errors: WhenErrors;
  onChange: (values: WhenValues) => void;
}) {
  const t = useT();
  // validateWhen answers message keys: shown in the reader's language
  const err = (key: keyof WhenErrors) => (errors[key] ? t(errors[key]) : undefined);
  const set = <K extends keyof WhenValues>(key: K, value: WhenValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('request.mode.legend')}</legend>
        <div className="mt-1 inline-flex rounded-md border border-slate-300" role="radiogroup" data-testid="request-mode">
          {MODES.map((m) => (
            <label
              key={m.value}
              className={`cursor-pointer px-3 py-1.5 text-sm ${values.mode === m.value ? 'bg-brand-600 text-white' : 'bg-white'}`}
            >
              <input
                type="radio"
                name="request-mode"
                value={m.value}
                checked={values.mode === m.value}
                onChange={() => set('mode', m.value)}
                className="sr-only"
                data-testid={`request-mode-${m.value.toLowerCase()}`}
              />
              {t(m.label)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={values.mode === 'FULL_DAYS' ? t('request.when.firstDay') : t('request.when.day')} error={err('start_date')} required>
          <Input
            type="date"
            value={values.start_date}
            onChange={(e) => {
              const start = e.target.value;
              // Moving the first day past the last one moves the last one with it.
              onChange({ ...values, start_date: start, end_date: !values.end_date || values.end_date < start ? start : values.end_date });
            }}
            data-testid="request-start-date"
          />
        </Field>
        {values.mode === 'FULL_DAYS' && (
          <Field label={t('request.when.lastDay')} error={err('end_date')} required>
            <Input
              type="date"
              value={values.end_date}
              min={values.start_date || undefined}
              onChange={(e) => set('end_date', e.target.value)}
              data-testid="request-end-date"
            />
          </Field>
        )}
        {values.mode === 'HALF_DAY' && (
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">{t('request.when.whichHalf')}</legend>
            <div className="mt-2 flex gap-4 text-sm">
              {(['MORNING', 'AFTERNOON'] as HalfDay[]).map((h) => (
                <label key={h} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name="request-half"
                    value={h}
                    checked={values.half === h}
                    onChange={() => set('half', h)}
                    data-testid={`request-half-${h.toLowerCase()}`}
                  />
                  {h === 'MORNING' ? t('request.when.morning') : t('request.when.afternoon')}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>
      {values.mode === 'HOURS' && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('request.when.from')} error={err('from_time')} required>
            <Input type="time" value={values.from_time} onChange={(e) => set('from_time', e.target.value)} data-testid="request-from-time" />
          </Field>
          <Field label={t('request.when.to')} error={err('to_time')} required>
            <Input type="time" value={values.to_time} onChange={(e) => set('to_time', e.target.value)} data-testid="request-to-time" />
          </Field>
        </div>
      )}
    </div>
  );
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { createIntl } from 'react-intl';
import { ApiError } from './api';
import { errorSentence, fieldLabel, formatAmount, previewWarnings } from './errors';
import { FormError } from '@/components/ui/states';
import en from '@/i18n/messages/en';
import de from '@/i18n/messages/de';
import { renderIn } from '@/test/render';

afterEach(cleanup);

const intlEn = createIntl({ locale: 'en', messages: en });
const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });

function refusal(code: string, context?: Record<string, unknown>, fields?: { field: string }[]) {
  const e = new ApiError(400, `raw server text for ${code}`, 'a raw detail: 4800 minutes');
  e.code = code;
  e.context = context;
  e.fields = fields;
  return e;
}

describe('error sentences from codes', () => {
  it('insufficient balance is said in the policy unit, never in minutes', () => {
    const err = refusal('insufficient_balance', { available_minutes: 4800, requested_change_minutes: -5760, floor_minutes: 0 });
    expect(errorSentence(intlEn, err, { unit: 'DAYS', workdayMinutes: 480 })).toBe(
      'Not enough balance: 10 days available, this needs 12 days.',
    );
    expect(errorSentence(intlEn, err, { unit: 'HOURS' })).toBe('Not enough balance: 80 h available, this needs 96 h.');
    expect(errorSentence(intlDe, err, { unit: 'DAYS', workdayMinutes: 480 })).toBe(
      'Nicht genug Guthaben: 10 Tage verfügbar, benötigt werden 12 Tage.',
    );
  });

  it('known codes get their sentence; unknown codes fall back to the server sentence', () => {
    expect(errorSentence(intlEn, refusal('request_overlap'))).toMatch(/^This overlaps another request/);
    expect(errorSentence(intlDe, refusal('forbidden'))).toBe('Dazu sind Sie nicht berechtigt.');
    expect(errorSentence(intlEn, refusal('brand_new_rule'))).toBe('a raw detail: 4800 minutes');
    expect(errorSentence(intlEn, new Error('boom'))).toBe('Something went wrong. Please try again.');
  });

  it('a blackout refusal names its period, in both languages', () => {
    const err = refusal('rule_blackout', { blackout_name: 'Year-end close', blackout_start_date: '2026-12-28', blackout_end_date: '2027-01-02' });
    expect(errorSentence(intlEn, err)).toBe('These dates fall in the blackout period “Year-end close” (2026-12-28 to 2027-01-02).');
    expect(errorSentence(intlDe, err)).toBe('Diese Tage liegen in der Sperrzeit „Year-end close“ (2026-12-28 bis 2027-01-02).');
    expect(errorSentence(intlEn, refusal('rule_blackout', { blackout_name: null }))).toBe('These dates fall in a blackout period.');
  });

  it('a refused field is named in words, not by its internal path', () => {
    const err = refusal('invalid_input', undefined, [{ field: 'settings.rate_minutes_per_month' }]);
    expect(errorSentence(intlEn, err)).toBe('Please check “rate per month”.');
    expect(fieldLabel('version.effective_from')).toBe('effective from');
  });

  it('amounts use the reader’s number format', () => {
    expect(formatAmount(intlEn, 720, 'DAYS', 480)).toBe('1.5 days');
    expect(formatAmount(intlDe, 720, 'DAYS', 480)).toBe('1,5 Tage');
    expect(formatAmount(intlEn, 480, 'DAYS', 480)).toBe('1 day');
    expect(formatAmount(intlEn, 90, 'MINUTES')).toBe('90 min');
  });

  it('preview warnings that mean a refusal are flagged and translated', () => {
    const refused = previewWarnings(intlEn, { requested_minutes: 960, warnings: ['insufficient balance: 480 minutes available'] }, { unit: 'DAYS', workdayMinutes: 480 });
    expect(refused.refused).toBe(true);
    expect(refused.sentences).toEqual(['Not enough balance: 1 day available, this needs 2 days.']);
    const overlap = previewWarnings(intlEn, { requested_minutes: 60, warnings: ['overlaps your submitted request 123'] });
    expect(overlap.refused).toBe(true);
    const advice = previewWarnings(intlEn, { requested_minutes: 60, warnings: [{ code: 'rule_staffing' }] });
    expect(advice).toEqual({ refused: false, sentences: ['Too many people of the team or department are already off on these dates.'] });
  });
});

describe('<FormError>', () => {
  it('renders the sentence for the code, without the raw server text', () => {
    renderIn(<FormError error={refusal('insufficient_balance', { available_minutes: 480, requested_change_minutes: -720 })} amounts={{ unit: 'DAYS', workdayMinutes: 480 }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Not enough balance: 1 day available, this needs 1.5 days.');
    expect(alert.textContent).not.toMatch(/minutes/);
  });

  it('speaks German when the reader does', () => {
    renderIn(<FormError error={refusal('duplicate_policy_key')} />, 'de');
    expect(screen.getByRole('alert').textContent).toBe('Dieser Schlüssel wird schon von einer anderen Regelung verwendet.');
  });
});

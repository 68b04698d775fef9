import { describe, expect, it } from 'vitest';
import { createIntl } from 'react-intl';
import en from '@/i18n/messages/en';
import de from '@/i18n/messages/de';
import type { PolicySettings } from '@/lib/types';
import { setDisplayLocale } from '@/lib/format';
import { describeSettings } from './describe';

const intlEn = createIntl({ locale: 'en', messages: en });
const intlDe = createIntl({ locale: 'de', messages: { ...en, ...de } });

const accrual = (extra: object) =>
  ({
    type: 'ACCRUAL', accrual_method: 'TIME', unit: 'DAYS', accrual_frequency: 'MONTHLY', accrual_timing: 'START_OF_PERIOD',
    rate_minutes_per_month: 800, proration: 'DAYS_ACTIVE', allow_negative: false, tenure_tiers: [],
    carryover: { enabled: false }, expiration: { enabled: false }, ...extra,
  }) as PolicySettings;

const row = (rows: [string, string][], label: string) => rows.find(([k]) => k === label)?.[1];

describe('a policy described for people (issue 26)', () => {
  it('says "everything carried over" instead of "Cap none", and "up to" a cap', () => {
    setDisplayLocale('en-US');
    expect(row(describeSettings(intlEn, accrual({ carryover: { enabled: true, cap_minutes: null } })), 'Carryover')).toBe('Everything carried over');
    expect(row(describeSettings(intlEn, accrual({ carryover: { enabled: true, cap_minutes: 2400, expires_after_days: 90 } })), 'Carryover')).toBe(
      'Up to 5 days (40 h) carried over, expires after 90 days',
    );
    expect(row(describeSettings(intlEn, accrual({ allow_negative: true, negative_limit_minutes: null })), 'Negative balance')).toBe(
      'Allowed, without a limit',
    );
    expect(JSON.stringify(describeSettings(intlEn, accrual({})))).not.toMatch(/Cap none|limit none/);
  });

  it('lists the request rules of every policy type, in German too', () => {
    setDisplayLocale('en-US');
    const unlimited = {
      type: 'UNLIMITED',
      request_rules: {
        min_notice_days: 14,
        blackout_periods: [{ start_date: '2026-12-28', end_date: '2027-01-02', name: 'Year-end close' }],
        max_concurrent_absences: { scope: 'TEAM', limit: 2 },
      },
    } as PolicySettings;
    expect(row(describeSettings(intlEn, unlimited), 'Request rules')).toBe(
      "At least 14 days' notice; Blackout Year-end close (Dec 28, 2026 – Jan 2, 2027); At most 2 of a team away at once",
    );
    expect(row(describeSettings(intlEn, accrual({})), 'Request rules')).toBe('None');
    setDisplayLocale('de-DE');
    expect(row(describeSettings(intlDe, unlimited), 'Regeln für Anträge')).toContain('Mindestens 14 Tage Vorlauf');
  });
});

import { describe, expect, it } from 'vitest';
import {
  emptyPolicyForm,
  formToSettings,
  settingsToForm,
  validatePolicyForm,
  validateSettings,
  type PolicyFormValues,
} from './validation';
import type { PolicySettings } from '@/lib/types';

const base = (over: Partial<PolicyFormValues> = {}): PolicyFormValues => ({
  ...emptyPolicyForm('2025-01-01'),
  key: 'vacation-us',
  rate_minutes: '800',
  ...over,
});
const create = { creating: true };

const timeSettings = (over: Record<string, unknown> = {}) => ({
  type: 'ACCRUAL',
  accrual_method: 'TIME',
  unit: 'DAYS',
  accrual_frequency: 'MONTHLY',
  accrual_timing: 'START_OF_PERIOD',
  rate_minutes_per_month: 800,
  proration: 'DAYS_ACTIVE',
  allow_negative: false,
  ...over,
});

describe('validateSettings (mirrors the server)', () => {
  it('accepts a valid time-based policy', () => {
    expect(validateSettings(timeSettings())).toEqual({});
  });
  it('requires exactly one rate field, the one matching the frequency', () => {
    expect(validateSettings(timeSettings({ rate_minutes_per_month: undefined }))).toHaveProperty('rate_minutes_per_month');
    expect(validateSettings(timeSettings({ rate_minutes_per_day: 10 }))).toHaveProperty('rate_minutes_per_day');
    expect(validateSettings(timeSettings({ accrual_frequency: 'YEARLY' }))).toMatchObject({
      rate_minutes_per_month: expect.any(String),
      rate_minutes_per_year: expect.any(String),
    });
    expect(validateSettings(timeSettings({ accrual_frequency: 'YEARLY', rate_minutes_per_month: undefined, rate_minutes_per_year: 9600 }))).toEqual({});
  });
  it('requires rates > 0 and whole', () => {
    expect(validateSettings(timeSettings({ rate_minutes_per_month: 0 }))).toHaveProperty('rate_minutes_per_month');
    expect(validateSettings(timeSettings({ rate_minutes_per_month: -5 }))).toHaveProperty('rate_minutes_per_month');
    expect(validateSettings(timeSettings({ rate_minutes_per_month: 1.5 }))).toHaveProperty('rate_minutes_per_month');
  });
  it('rejects bad enums and unknown combinations', () => {
    expect(validateSettings(timeSettings({ accrual_frequency: 'WEEKLY' }))).toHaveProperty('accrual_frequency');
    expect(validateSettings(timeSettings({ accrual_timing: 'MIDDLE' }))).toHaveProperty('accrual_timing');
    expect(validateSettings(timeSettings({ proration: 'X' }))).toHaveProperty('proration');
    expect(validateSettings(timeSettings({ unit: 'WEEKS' }))).toHaveProperty('unit');
    expect(validateSettings(timeSettings({ accrual_method: 'MAGIC' }))).toHaveProperty('accrual_method');
    expect(validateSettings({ type: 'BOGUS' })).toHaveProperty('type');
    expect(validateSettings(null)).toHaveProperty('settings');
  });
  it('accrual ratio: both > 0, and no time fields', () => {
    const hw = { type: 'ACCRUAL', accrual_method: 'HOURS_WORKED', unit: 'HOURS', allow_negative: false, accrual_ratio: { accrue_minutes: 60, per_worked_minutes: 1440 } };
    expect(validateSettings(hw)).toEqual({});
    expect(validateSettings({ ...hw, accrual_ratio: { accrue_minutes: 0, per_worked_minutes: 1440 } })).toHaveProperty(['accrual_ratio.accrue_minutes']);
    expect(validateSettings({ ...hw, accrual_ratio: { accrue_minutes: 60, per_worked_minutes: -1 } })).toHaveProperty(['accrual_ratio.per_worked_minutes']);
    expect(validateSettings({ ...hw, accrual_ratio: undefined })).toHaveProperty('accrual_ratio');
    expect(validateSettings({ ...hw, rate_minutes_per_month: 10 })).toHaveProperty('rate_minutes_per_month');
    expect(validateSettings(timeSettings({ accrual_ratio: { accrue_minutes: 1, per_worked_minutes: 1 } }))).toHaveProperty('accrual_ratio');
  });
  it('unlimited takes no accrual fields', () => {
    expect(validateSettings({ type: 'UNLIMITED' })).toEqual({});
    expect(validateSettings({ type: 'UNLIMITED', rate_minutes_per_month: 5 })).toHaveProperty('type');
  });
  it('negative limit only with allow_negative, and ≥ 0', () => {
    expect(validateSettings(timeSettings({ allow_negative: true, negative_limit_minutes: 480 }))).toEqual({});
    expect(validateSettings(timeSettings({ allow_negative: false, negative_limit_minutes: 480 }))).toHaveProperty('negative_limit_minutes');
    expect(validateSettings(timeSettings({ allow_negative: true, negative_limit_minutes: -1 }))).toHaveProperty('negative_limit_minutes');
  });
  it('bank cap, tiers, carryover, expiration', () => {
    expect(validateSettings(timeSettings({ bank_cap_minutes: 0 }))).toHaveProperty('bank_cap_minutes');
    expect(validateSettings(timeSettings({ tenure_tiers: [{ min_months: 12, accrual_rate_minutes: 900 }] }))).toEqual({});
    expect(validateSettings(timeSettings({ tenure_tiers: [{ min_months: -1, accrual_rate_minutes: 900 }] }))).toHaveProperty(['tenure_tiers[0].min_months']);
    expect(validateSettings(timeSettings({ tenure_tiers: [{ min_months: 1, accrual_rate_minutes: 0 }] }))).toHaveProperty(['tenure_tiers[0].accrual_rate_minutes']);
    expect(
      validateSettings(timeSettings({ tenure_tiers: [{ min_months: 1, accrual_rate_minutes: 5 }, { min_months: 1, accrual_rate_minutes: 6 }] })),
    ).toHaveProperty(['tenure_tiers[1].min_months']);
    expect(validateSettings(timeSettings({ carryover: { enabled: true, cap_minutes: -1 } }))).toHaveProperty(['carryover.cap_minutes']);
    expect(validateSettings(timeSettings({ carryover: { enabled: true, cap_minutes: 2400, expires_after_days: 90 } }))).toEqual({});
    expect(validateSettings(timeSettings({ expiration: { enabled: true } }))).toHaveProperty('expiration');
    expect(validateSettings(timeSettings({ expiration: { enabled: true, expires_after_days: 365, expires_on_month: 3 } }))).toHaveProperty('expiration');
    expect(validateSettings(timeSettings({ expiration: { enabled: true, expires_on_month: 2, expires_on_day: 30 } }))).toHaveProperty(['expiration.expires_on_day']);
    expect(validateSettings(timeSettings({ expiration: { enabled: true, expires_on_month: 13, expires_on_day: 1 } }))).toHaveProperty(['expiration.expires_on_month']);
    expect(validateSettings(timeSettings({ expiration: { enabled: true, expires_on_month: 3, expires_on_day: 31 } }))).toEqual({});
    expect(validateSettings(timeSettings({ expiration: { enabled: false } }))).toEqual({});
  });
});

describe('validatePolicyForm', () => {
  it('accepts a complete monthly policy', () => {
    expect(validatePolicyForm(base(), create)).toEqual({});
  });
  it('requires a key without spaces when creating, not when editing', () => {
    expect(validatePolicyForm(base({ key: '' }), create)).toHaveProperty('key');
    expect(validatePolicyForm(base({ key: 'my policy' }), create)).toHaveProperty('key');
    expect(validatePolicyForm(base({ key: '' }), { creating: false })).toEqual({});
  });
  it('maps the single rate input to the frequency rate field', () => {
    expect(validatePolicyForm(base({ rate_minutes: '' }), create)).toHaveProperty('rate_minutes');
    expect(validatePolicyForm(base({ rate_minutes: '0' }), create)).toHaveProperty('rate_minutes');
    expect(validatePolicyForm(base({ rate_minutes: '1.5' }), create).rate_minutes).toBe('Enter a whole number.');
    const s = formToSettings(base({ accrual_frequency: 'DAILY', rate_minutes: '20' }));
    expect(s).toMatchObject({ rate_minutes_per_day: 20 });
    expect(s).not.toHaveProperty('rate_minutes_per_month');
  });
  it('hours worked needs both ratio parts > 0', () => {
    const hw = base({ accrual_method: 'HOURS_WORKED', rate_minutes: '' });
    expect(validatePolicyForm(hw, create)).toMatchObject({ accrue_minutes: expect.any(String), per_worked_minutes: expect.any(String) });
    expect(validatePolicyForm({ ...hw, accrue_minutes: '60', per_worked_minutes: '0' }, create)).toHaveProperty('per_worked_minutes');
    expect(validatePolicyForm({ ...hw, accrue_minutes: '60', per_worked_minutes: '1440' }, create)).toEqual({});
    expect(formToSettings({ ...hw, accrue_minutes: '60', per_worked_minutes: '1440' })).not.toHaveProperty('accrual_frequency');
  });
  it('unlimited ignores accrual fields', () => {
    const u = base({ type: 'UNLIMITED', rate_minutes: '' });
    expect(validatePolicyForm(u, create)).toEqual({});
    expect(formToSettings(u)).toEqual({ type: 'UNLIMITED' });
  });
  it('new version must start on or after the current one', () => {
    expect(validatePolicyForm(base({ effective_from: '2024-12-31' }), { creating: false, previousEffectiveFrom: '2025-01-01' })).toHaveProperty('effective_from');
    expect(validatePolicyForm(base({ effective_from: '2025-01-01' }), { creating: false, previousEffectiveFrom: '2025-01-01' })).toEqual({});
    expect(validatePolicyForm(base({ effective_from: '' }), create)).toHaveProperty('effective_from');
  });
  it('expiration and tier inputs are required when enabled', () => {
    expect(validatePolicyForm(base({ expiration_enabled: true }), create)).toHaveProperty('expiration_after_days');
    expect(validatePolicyForm(base({ expiration_enabled: true, expiration_mode: 'ON_DATE', expiration_month: '4' }), create)).toHaveProperty('expiration_day');
    expect(validatePolicyForm(base({ tenure_tiers: [{ min_months: '', accrual_rate_minutes: '10' }] }), create)).toHaveProperty('tier_0_min_months');
    expect(validatePolicyForm(base({ allow_negative: true, negative_limit_minutes: 'abc' }), create)).toHaveProperty('negative_limit_minutes');
  });
  it('round-trips settings through the form', () => {
    const s = {
      ...timeSettings({
        accrual_frequency: 'YEARLY',
        rate_minutes_per_month: undefined,
        rate_minutes_per_year: 9600,
        allow_negative: true,
        negative_limit_minutes: 480,
        bank_cap_minutes: 14400,
        tenure_tiers: [{ min_months: 24, accrual_rate_minutes: 12000 }],
        carryover: { enabled: true, cap_minutes: 2400, expires_after_days: 90 },
        expiration: { enabled: true, expires_on_month: 3, expires_on_day: 31 },
      }),
    };
    delete (s as Record<string, unknown>).rate_minutes_per_month;
    const form = settingsToForm(base(), s as unknown as PolicySettings);
    expect(form.rate_minutes).toBe('9600');
    expect(formToSettings(form)).toEqual(s);
    expect(validatePolicyForm(form, { creating: false })).toEqual({});
  });
});

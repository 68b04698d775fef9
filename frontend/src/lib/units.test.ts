import { describe, expect, it } from 'vitest';
import {
  formatDays,
  formatDaysAndHours,
  formatDuration,
  formatHours,
  formatSigned,
  minutesToDays,
  policyUnit,
  settingsUnit,
  toMinutes,
  trimNumber,
} from './units';
import type { Policy } from './types';

describe('trimNumber', () => {
  it('drops trailing zeros and rounds to 2 decimals', () => {
    expect(trimNumber(1.5)).toBe('1.5');
    expect(trimNumber(2)).toBe('2');
    expect(trimNumber(1 / 3)).toBe('0.33');
    expect(trimNumber(-0.001)).toBe('0');
    expect(trimNumber(Number.NaN)).toBe('—');
  });
});

describe('days and hours', () => {
  it('divides by the workday (default 480)', () => {
    expect(minutesToDays(960)).toBe(2);
    expect(minutesToDays(450, 450)).toBe(1);
    expect(minutesToDays(480, 0)).toBe(1); // invalid workday falls back to 480
  });
  it('formats days with singular/plural', () => {
    expect(formatDays(480)).toBe('1 day');
    expect(formatDays(720)).toBe('1.5 days');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(-480)).toBe('-1 day');
    expect(formatDays(600, 600)).toBe('1 day');
  });
  it('formats hours', () => {
    expect(formatHours(90)).toBe('1.5 h');
    expect(formatHours(480)).toBe('8 h');
  });
  it('shows both units, or Unlimited', () => {
    expect(formatDaysAndHours(720)).toBe('1.5 days (12 h)');
    expect(formatDaysAndHours(null)).toBe('Unlimited');
  });
});

describe('formatDuration in the policy unit', () => {
  it('uses MINUTES / HOURS / DAYS', () => {
    expect(formatDuration(90, 'MINUTES')).toBe('90 min');
    expect(formatDuration(90, 'HOURS')).toBe('1.5 h');
    expect(formatDuration(960, 'DAYS')).toBe('2 days');
    expect(formatDuration(450, 'DAYS', 450)).toBe('1 day');
  });
  it('treats null as unlimited', () => {
    expect(formatDuration(null, 'DAYS')).toBe('Unlimited');
    expect(formatDuration(undefined)).toBe('Unlimited');
  });
  it('signs amounts', () => {
    expect(formatSigned(480, 'DAYS')).toBe('+1 day');
    expect(formatSigned(-120, 'HOURS')).toBe('−2 h');
    expect(formatSigned(0, 'MINUTES')).toBe('0 min');
  });
});

describe('toMinutes', () => {
  it('converts typed values to whole minutes', () => {
    expect(toMinutes(1.5, 'HOURS')).toBe(90);
    expect(toMinutes(2, 'DAYS')).toBe(960);
    expect(toMinutes(0.5, 'DAYS', 450)).toBe(225);
    expect(toMinutes(10.4, 'MINUTES')).toBe(10);
  });
});

describe('policy unit', () => {
  it('reads settings.unit and defaults to DAYS', () => {
    expect(settingsUnit({ type: 'UNLIMITED' })).toBe('DAYS');
    expect(settingsUnit(null)).toBe('DAYS');
    const p = { current_version: { settings: { type: 'ACCRUAL', unit: 'HOURS' } } } as unknown as Policy;
    expect(policyUnit(p)).toBe('HOURS');
    expect(policyUnit(undefined)).toBe('DAYS');
  });
});

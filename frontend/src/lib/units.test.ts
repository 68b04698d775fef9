import { describe, expect, it } from 'vitest';
import {
  withSign,
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
});

describe('withSign', () => {
  it('adds + or − to the formatted size', () => {
    expect(withSign(480, (abs) => `${abs} min`)).toBe('+480 min');
    expect(withSign(-120, (abs) => `${abs} min`)).toBe('−120 min');
    expect(withSign(0, (abs) => `${abs} min`)).toBe('0 min');
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

import { describe, expect, it } from 'vitest';
import { addDays, validateWhen, windowFor, type WhenValues } from './modes';

const base: WhenValues = { mode: 'FULL_DAYS', start_date: '2027-12-24', end_date: '2027-12-28', half: 'MORNING', from_time: '10:00', to_time: '12:30' };
const schedule = { workday_start: '09:00', workday_minutes: 480 };

describe('request modes', () => {
  it('full days cover whole calendar days, end exclusive', () => {
    expect(windowFor(base, schedule)).toEqual({ start_at: '2027-12-24T00:00', end_at: '2027-12-29T00:00' });
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });
  it('half days split the working window', () => {
    expect(windowFor({ ...base, mode: 'HALF_DAY' }, schedule)).toEqual({ start_at: '2027-12-24T09:00', end_at: '2027-12-24T13:00' });
    expect(windowFor({ ...base, mode: 'HALF_DAY', half: 'AFTERNOON' }, { workday_start: '08:30', workday_minutes: 450 }))
      .toEqual({ start_at: '2027-12-24T12:15', end_at: '2027-12-24T16:00' });
    // a night shift's afternoon half runs past midnight
    expect(windowFor({ ...base, mode: 'HALF_DAY', half: 'AFTERNOON' }, { workday_start: '20:00', workday_minutes: 480 }))
      .toEqual({ start_at: '2027-12-25T00:00', end_at: '2027-12-25T04:00' });
  });
  it('hours are one day between two times', () => {
    expect(windowFor({ ...base, mode: 'HOURS' }, schedule)).toEqual({ start_at: '2027-12-24T10:00', end_at: '2027-12-24T12:30' });
  });
  it('refuses what cannot be a request', () => {
    expect(validateWhen({ ...base, end_date: '2027-12-01' }).end_date).toBe('request.when.error.lastBeforeFirst');
    expect(validateWhen({ ...base, start_date: '2027-02-30' }).start_date).toBe('request.when.error.invalidDate');
    expect(validateWhen({ ...base, mode: 'HOURS', to_time: '09:00' }).to_time).toBe('request.when.error.endBeforeStart');
    expect(windowFor({ ...base, start_date: '' }, schedule)).toBeNull();
  });
});

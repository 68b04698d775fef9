import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, formatDateRange, formatRequestWhen, humanize, lastDayOfMonth, monthGrid, parseDate, setDisplayLocale, toIsoDate, fullName, initials } from './format';

describe('dates', () => {
  it('parses YYYY-MM-DD as a local date', () => {
    const d = parseDate('2025-03-09');
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2025, 2, 9]);
    expect(toIsoDate(d)).toBe('2025-03-09');
  });
  it('adds days across months and years', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('finds the calendar date of an instant in a zone', () => {
    expect(dateInZone('2025-01-01T03:00:00Z', 'America/New_York')).toBe('2024-12-31');
    expect(dateInZone('2025-01-01T03:00:00Z', 'UTC')).toBe('2025-01-01');
    expect(dateInZone('2025-01-01T20:00:00Z', 'Asia/Tokyo')).toBe('2025-01-02');
  });
  it('last day of month', () => {
    expect(lastDayOfMonth(2024, 1)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 11)).toBe('2025-12-31');
  });
  it('builds Monday-first month grids that cover the month', () => {
    const weeks = monthGrid(2025, 0); // January 2025 starts on a Wednesday
    expect(weeks[0][0]).toBe('2024-12-30');
    expect(weeks[0][2]).toBe('2025-01-01');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat()).toContain('2025-01-31');
    expect(weeks[weeks.length - 1][6] >= '2025-01-31').toBe(true);
    expect(monthGrid(2021, 1)).toHaveLength(4); // Feb 2021: Mon 1st → Sun 28th
  });
});

describe('labels', () => {
  it('humanizes enums', () => {
    expect(humanize('HOLD_RELEASE')).toBe('Hold release');
    expect(humanize('VACATION')).toBe('Vacation');
    expect(humanize(null)).toBe('—');
  });
  it('names people', () => {
    expect(fullName({ first_name: 'Emma', last_name: 'Stone' })).toBe('Emma Stone');
    expect(fullName(undefined)).toBe('Unknown');
    expect(initials({ first_name: 'emma', last_name: 'stone' })).toBe('ES');
  });
});

describe('formatDateRange', () => {
  it('names one day once and a span by both ends', () => {
    expect(formatDateRange('2027-03-01', '2027-03-01')).toBe('Mar 1, 2027');
    expect(formatDateRange('2027-03-01', '2027-03-04')).toBe('Mar 1, 2027 – Mar 4, 2027');
  });
});

describe('formatRequestWhen (issue 26)', () => {
  it('a full-day request of Mar 24–31 reads "→ Mar 31", not "→ Apr 1, 12:00 AM"', () => {
    setDisplayLocale('en-US');
    // Berlin: 2027-03-24T00:00 local is 23:00 UTC the day before; end is the midnight after Mar 31
    expect(formatRequestWhen('2027-03-23T23:00:00Z', '2027-03-31T22:00:00Z', 'Europe/Berlin')).toBe('Mar 24, 2027 → Mar 31, 2027');
    expect(formatRequestWhen('2027-03-23T23:00:00Z', '2027-03-24T23:00:00Z', 'Europe/Berlin')).toBe('Mar 24, 2027');
  });
  it('timed requests keep their times (the end as a time on the same day)', () => {
    setDisplayLocale('en-US');
    expect(formatRequestWhen('2027-03-24T08:00:00Z', '2027-03-24T12:00:00Z', 'UTC')).toBe('Mar 24, 2027, 8:00 AM → 12:00 PM');
    expect(formatRequestWhen('2027-03-24T08:00:00Z', '2027-03-25T12:00:00Z', 'UTC')).toBe('Mar 24, 2027, 8:00 AM → Mar 25, 2027, 12:00 PM');
    setDisplayLocale('de-DE');
    expect(formatRequestWhen('2027-03-23T23:00:00Z', '2027-03-31T22:00:00Z', 'Europe/Berlin')).toBe('24. März 2027 → 31. März 2027');
    setDisplayLocale('en-US');
  });
});

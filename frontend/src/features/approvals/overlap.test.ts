import { describe, expect, it } from 'vitest';
import { overlappingAbsences } from './overlap';
import { absencesByDay, requestDays } from '@/features/calendar/calendar';
import type { TimeOffRequest } from '@/lib/types';

const r = (id: string, employee_id: string, start_at: string, end_at: string, status: TimeOffRequest['status'] = 'APPROVED') =>
  ({ id, employee_id, start_at, end_at, status }) as TimeOffRequest;

describe('overlappingAbsences', () => {
  const mine = r('1', 'emma', '2025-03-10T09:00:00Z', '2025-03-12T17:00:00Z', 'SUBMITTED');
  it('finds other people out at the same time', () => {
    const all = [
      mine,
      r('2', 'bob', '2025-03-12T09:00:00Z', '2025-03-13T17:00:00Z'),
      r('3', 'ann', '2025-03-12T17:00:00Z', '2025-03-13T17:00:00Z'), // touches the end only
      r('4', 'cy', '2025-03-11T09:00:00Z', '2025-03-11T17:00:00Z', 'DENIED'),
      r('5', 'emma', '2025-03-11T09:00:00Z', '2025-03-11T17:00:00Z'),
      r('6', 'dee', '2025-03-01T09:00:00Z', '2025-03-10T10:00:00Z', 'SUBMITTED'),
    ];
    expect(overlappingAbsences(mine, all).map((x) => x.id)).toEqual(['2', '6']);
  });
});

describe('team calendar days', () => {
  it('covers start to end (exclusive) in the employee zone', () => {
    expect(requestDays(r('1', 'a', '2025-03-10T09:00:00Z', '2025-03-12T00:00:00Z'), 'UTC')).toEqual({ first: '2025-03-10', last: '2025-03-11' });
    expect(requestDays(r('1', 'a', '2025-03-10T23:30:00Z', '2025-03-11T01:00:00Z'), 'America/New_York')).toEqual({
      first: '2025-03-10',
      last: '2025-03-10',
    });
  });
  it('groups absences per day', () => {
    const map = absencesByDay([r('1', 'a', '2025-03-10T09:00:00Z', '2025-03-11T17:00:00Z')], ['2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12'], () => 'UTC');
    expect([...map.entries()].map(([d, l]) => [d, l.length])).toEqual([
      ['2025-03-09', 0],
      ['2025-03-10', 1],
      ['2025-03-11', 1],
      ['2025-03-12', 0],
    ]);
  });
});

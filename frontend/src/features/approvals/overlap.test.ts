import { describe, expect, it } from 'vitest';
import { overlappingAbsences } from './overlap';
import { outByDay, type WhosOutItem } from '@/features/calendar/whosOut';
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
  // The server names each absence's first and last local day (in the employee's zone); the grid
  // lists it on every day in between, both ends included.
  const out = (id: string, first_day: string, last_day: string) =>
    ({ request_id: id, employee_id: id, name: id, first_day, last_day, start_at: '', end_at: '', status: 'APPROVED', all_day: true }) as WhosOutItem;

  it('groups absences per day, first and last day included', () => {
    const map = outByDay([out('a', '2025-03-10', '2025-03-11'), out('b', '2025-03-11', '2025-03-11')], ['2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12']);
    expect([...map.entries()].map(([d, l]) => [d, l.map((i) => i.request_id).join()])).toEqual([
      ['2025-03-09', ''],
      ['2025-03-10', 'a'],
      ['2025-03-11', 'a,b'],
      ['2025-03-12', ''],
    ]);
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderIn } from '@/test/render';
import { monthGrid } from '@/lib/format';
import { WhosOutLists } from './WhosOutPanel';
import { CalendarGrid } from './CalendarGrid';
import { isWeekend, outByDay, peopleHolidaysByDay, weekFrom, type WhosOut, type WhosOutItem } from '../whosOut';

afterEach(cleanup);

function item(id: string, name: string, first: string, last: string, extra: Partial<WhosOutItem> = {}): WhosOutItem {
  return {
    request_id: id,
    employee_id: `e-${id}`,
    name,
    first_day: first,
    last_day: last,
    start_at: `${first}T09:00:00Z`,
    end_at: `${last}T17:00:00Z`,
    status: 'APPROVED',
    all_day: true,
    ...extra,
  };
}

const week: WhosOut = {
  from: '2027-03-03',
  to: '2027-03-09',
  scope: 'team',
  weekend_days: ['SAT', 'SUN'],
  items: [
    item('1', 'Eve Tester', '2027-03-01', '2027-03-04'),
    item('2', 'Pat Tester', '2027-03-05', '2027-03-05', { all_day: false, status: 'SUBMITTED' }),
  ],
  holidays: [{ date: '2027-03-08', name: 'Founders day' }],
};

describe('who is out panel', () => {
  it('splits today from later this week, marks part days, pending and holidays', () => {
    renderIn(<WhosOutLists data={week} today="2027-03-03" />);
    const today = screen.getByTestId('whos-out-today');
    expect(within(today).getAllByTestId('whos-out-row')).toHaveLength(1);
    expect(today.textContent).toContain('Eve Tester');
    const later = screen.getByTestId('whos-out-week');
    expect(later.textContent).toContain('Pat Tester');
    expect(later.textContent).toContain('part of the day');
    expect(later.textContent).toContain('Pending');
    expect(screen.getByTestId('whos-out-holiday').textContent).toContain('Founders day (holiday,');
  });

  it('says when everyone is in, in German too', () => {
    renderIn(<WhosOutLists data={{ ...week, items: [], holidays: [] }} today="2027-03-03" />, 'de');
    expect(screen.getByTestId('whos-out-today-empty').textContent).toBe('Heute sind alle da.');
    expect(screen.getByTestId('whos-out-week-empty').textContent).toBe('Diese Woche fehlt sonst niemand.');
  });

  it('a holiday falling today is not listed as later this week', () => {
    renderIn(<WhosOutLists data={{ ...week, items: [], holidays: [{ date: '2027-03-03', name: 'Founders day' }, { date: '2027-03-05', name: 'Spring day' }] }} today="2027-03-03" />);
    const holidays = screen.getAllByTestId('whos-out-holiday').map((h) => h.textContent);
    expect(holidays).toHaveLength(1);
    expect(holidays[0]).toContain('Spring day');
  });

  it('only today’s holiday and nobody out: the week says nobody else is out', () => {
    renderIn(<WhosOutLists data={{ ...week, items: [], holidays: [{ date: '2027-03-03', name: 'Founders day' }] }} today="2027-03-03" />);
    expect(screen.queryByTestId('whos-out-holiday')).toBeNull();
    expect(screen.getByTestId('whos-out-week-empty')).toBeTruthy();
  });

  it('the week is today and six days after', () => {
    expect(weekFrom('2027-12-29')).toEqual({ from: '2027-12-29', to: '2028-01-04' });
  });
});

describe('team calendar grid', () => {
  const weeks = monthGrid(2027, 2); // March 2027
  const byDay = outByDay(week.items, weeks.flat());

  it('shades the viewer’s weekend days and company holidays', () => {
    renderIn(
      <CalendarGrid
        year={2027}
        month={2}
        weeks={weeks}
        today="2027-03-03"
        byDay={byDay}
        holidays={new Map([['2027-03-08', { date: '2027-03-08', name: 'Founders day' }]])}
        weekendDays={['SAT', 'SUN']}
      />,
    );
    const cell = (d: string) => document.querySelector(`[data-date="${d}"]`) as HTMLElement;
    expect(cell('2027-03-06').dataset.weekend).toBe('true'); // Saturday
    expect(cell('2027-03-07').dataset.weekend).toBe('true'); // Sunday
    expect(cell('2027-03-05').dataset.weekend).toBeUndefined(); // Friday
    expect(cell('2027-03-06').className).toContain('bg-slate-100');
    expect(cell('2027-03-08').dataset.holiday).toBe('true');
    expect(cell('2027-03-08').className).toContain('bg-sky-50');
    expect(within(cell('2027-03-08')).getByTestId('calendar-holiday').textContent).toBe('Founders day');
    expect(cell('2027-03-09').dataset.holiday).toBeUndefined();
    // Eve is out 1–4 March, Pat on the 5th (pending).
    expect(within(cell('2027-03-02')).getAllByTestId('calendar-absence')[0].textContent).toContain('Eve Tester');
    expect(within(cell('2027-03-05')).getByTestId('calendar-absence').textContent).toContain('Pat Tester');
    expect(within(cell('2027-03-05')).getByTestId('calendar-absence').textContent).toContain('Pending');
    expect(within(cell('2027-03-06')).queryAllByTestId('calendar-absence')).toHaveLength(0);
  });

  it('shades each person’s own location holidays under their name, half days marked', () => {
    renderIn(
      <CalendarGrid
        year={2027}
        month={2}
        weeks={weeks}
        today="2027-03-03"
        byDay={byDay}
        holidays={new Map([['2027-03-09', { date: '2027-03-09', name: 'Carnival', location: 'Cologne', half_day: true }]])}
        peopleHolidays={peopleHolidaysByDay([
          { employee_id: 'a', name: 'Anna Weber', date: '2027-03-02', holiday: 'Town day', location: 'Munich', half_day: false },
          { employee_id: 'b', name: 'Ben Roth', date: '2027-03-02', holiday: 'Town day', location: 'Munich', half_day: false },
          { employee_id: 'c', name: 'Cem Öz', date: '2027-03-02', holiday: 'Town day', location: 'Munich', half_day: false },
        ])}
        weekendDays={['SAT', 'SUN']}
      />,
      'de',
    );
    const cell = (d: string) => document.querySelector(`[data-date="${d}"]`) as HTMLElement;
    const off = within(cell('2027-03-02')).getAllByTestId('calendar-person-holiday');
    expect(off.map((o) => o.getAttribute('title'))).toEqual([
      'Anna Weber: Town day (Munich)',
      'Ben Roth: Town day (Munich)',
      'Cem Öz: Town day (Munich)',
    ]);
    expect(off[0].className).toContain('bg-sky-100');
    // three holiday rows fill the cell: Eve's absence that day is counted in "+1 more"
    expect(within(cell('2027-03-02')).queryAllByTestId('calendar-absence')).toHaveLength(0);
    expect(cell('2027-03-02').textContent).toContain('+1 weitere');
    expect(cell('2027-03-03').dataset.holiday).toBeUndefined();
    expect(within(cell('2027-03-09')).getByTestId('calendar-holiday').textContent).toBe('Carnival (halber Tag)');
  });

  it('a six-day week (Mon–Sat) shades only Sunday', () => {
    expect(isWeekend('2027-03-06', ['SUN'])).toBe(false);
    expect(isWeekend('2027-03-07', ['SUN'])).toBe(true);
    renderIn(
      <CalendarGrid year={2027} month={2} weeks={weeks} today="2027-03-03" byDay={byDay} holidays={new Map()} weekendDays={['SUN']} />,
      'de',
    );
    expect((document.querySelector('[data-date="2027-03-06"]') as HTMLElement).dataset.weekend).toBeUndefined();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So']);
  });
});

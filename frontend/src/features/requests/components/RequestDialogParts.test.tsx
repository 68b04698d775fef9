// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderIn } from '@/test/render';
import { useState } from 'react';
import { BreakdownTable } from './BreakdownTable';
import { ForecastExplanation } from './ForecastExplanation';
import { setDisplayLocale } from '@/lib/format';
import { WhenFields } from './WhenFields';
import { validateWhen, windowFor, type WhenValues } from '../modes';

afterEach(cleanup);

const start: WhenValues = { mode: 'FULL_DAYS', start_date: '2027-12-24', end_date: '2027-12-28', half: 'MORNING', from_time: '09:00', to_time: '12:00' };

/** The dialog's "when" part as the dialog wires it: the window it would send is shown for the test to read. */
function Harness() {
  const [values, setValues] = useState(start);
  const range = windowFor(values, { workday_start: '09:00', workday_minutes: 480 });
  return (
    <>
      <WhenFields values={values} errors={validateWhen(values)} onChange={setValues} />
      <output data-testid="window">{range ? `${range.start_at} → ${range.end_at}` : 'none'}</output>
    </>
  );
}

describe('request dialog modes', () => {
  it('full days send whole days, first to last inclusive', () => {
    renderIn(<Harness />);
    expect(screen.getByTestId('window').textContent).toBe('2027-12-24T00:00 → 2027-12-29T00:00');
    expect(screen.queryByTestId('request-from-time')).toBeNull();
    fireEvent.change(screen.getByTestId('request-end-date'), { target: { value: '2027-12-24' } });
    expect(screen.getByTestId('window').textContent).toBe('2027-12-24T00:00 → 2027-12-25T00:00');
  });

  it('a half day offers morning and afternoon and sends that half of the working day', () => {
    renderIn(<Harness />);
    fireEvent.click(screen.getByTestId('request-mode-half_day'));
    expect(screen.queryByTestId('request-end-date')).toBeNull();
    expect(screen.getByTestId('window').textContent).toBe('2027-12-24T09:00 → 2027-12-24T13:00');
    fireEvent.click(screen.getByTestId('request-half-afternoon'));
    expect(screen.getByTestId('window').textContent).toBe('2027-12-24T13:00 → 2027-12-24T17:00');
  });

  it('hours take two times on one day and say when they are backwards', () => {
    renderIn(<Harness />);
    fireEvent.click(screen.getByTestId('request-mode-hours'));
    fireEvent.change(screen.getByTestId('request-from-time'), { target: { value: '14:00' } });
    fireEvent.change(screen.getByTestId('request-to-time'), { target: { value: '16:30' } });
    expect(screen.getByTestId('window').textContent).toBe('2027-12-24T14:00 → 2027-12-24T16:30');
    fireEvent.change(screen.getByTestId('request-to-time'), { target: { value: '13:00' } });
    expect(screen.getByTestId('window').textContent).toBe('none');
    expect(screen.getByText('The end must be after the start.')).toBeTruthy();
  });

  it('moving the first day past the last moves the last day too', () => {
    renderIn(<Harness />);
    fireEvent.change(screen.getByTestId('request-start-date'), { target: { value: '2028-01-03' } });
    expect((screen.getByTestId('request-end-date') as HTMLInputElement).value).toBe('2028-01-03');
  });
});

describe('preview breakdown', () => {
  it('shows every day with what it counts and why', () => {
    renderIn(
      <BreakdownTable
        workday={480}
        days={[
          { date: '2027-12-24', minutes: 0, reason: 'HOLIDAY' },
          { date: '2027-12-25', minutes: 0, reason: 'WEEKEND' },
          { date: '2027-12-26', minutes: 0, reason: 'WEEKEND' },
          { date: '2027-12-27', minutes: 480, reason: 'WORKDAY' },
          { date: '2027-12-28', minutes: 240, reason: 'PARTIAL' },
        ]}
      />,
    );
    const rows = within(screen.getByTestId('preview-breakdown')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(5);
    expect(rows[0].getAttribute('data-reason')).toBe('HOLIDAY');
    expect(rows[0].textContent).toContain('Holiday — not counted');
    expect(rows[1].textContent).toContain('Weekend — not counted');
    expect(rows[3].textContent).toContain('8 h');
    expect(rows[4].textContent).toContain('4 h');
    expect(rows[4].textContent).toContain('Part of a working day');
  });

  it('names the holiday of a day, and says when a half day counts its first half (issue 28)', () => {
    renderIn(
      <BreakdownTable
        workday={480}
        days={[
          { date: '2027-01-06', minutes: 0, reason: 'HOLIDAY', holiday: 'Heilige Drei Könige', half_day: false },
          { date: '2027-12-24', minutes: 240, reason: 'WORKDAY', holiday: 'Heiligabend', half_day: true },
          { date: '2027-12-27', minutes: 480, reason: 'WORKDAY', holiday: null, half_day: false },
        ]}
      />,
      'de',
    );
    const named = screen.getAllByTestId('preview-holiday').map((n) => n.textContent);
    expect(named).toEqual(['Heilige Drei Könige', 'Heiligabend: halber Tag, die erste Hälfte zählt']);
    const rows = within(screen.getByTestId('preview-breakdown')).getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('Feiertag – zählt nicht');
    expect(rows[1].textContent).toContain('4 Std.');
  });

  it('renders nothing without days', () => {
    const { container } = renderIn(<BreakdownTable workday={480} days={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('the preview says what its forecast contains (issue 26)', () => {
  const forecast = {
    date: '2028-01-13', available_minutes: 3600, scheduled_accrual_minutes: 800, capped_accrual_minutes: 0, booked_minutes: 480,
    expiring_minutes: 1440, projected_available_minutes: 3200,
    forfeits: [{ date: '2028-01-01', kind: 'CARRYOVER_CAP' as const, minutes: 1440 }],
  };
  it('"3 days are lost at the carryover cap on Jan 1", with what was accrued and booked', () => {
    setDisplayLocale('en-US');
    renderIn(<ForecastExplanation forecast={forecast} unit="DAYS" workday={480} />);
    const lines = [...screen.getByTestId('preview-forecast-explained').querySelectorAll('li')].map((l) => l.textContent);
    expect(lines).toEqual([
      '7.5 days available today (requests already booked are subtracted)',
      '+1.67 days accrued until then',
      '−3 days lost at the carryover cap on Jan 1, 2028',
      '1 day of booked requests start by then (already subtracted)',
    ]);
  });
  it('in German', () => {
    renderIn(<ForecastExplanation forecast={forecast} unit="DAYS" workday={480} />, 'de');
    expect(screen.getByTestId('preview-forecast-explained').textContent).toContain('−3 Tage verfallen am 1. Jan. 2028 über der Übertragsgrenze');
  });
});

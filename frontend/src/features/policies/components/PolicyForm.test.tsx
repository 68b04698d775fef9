// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '@/test/render';
import { emptyPolicyForm, formToSettings, type PolicyFormValues } from '../validation';
import { PolicyForm } from './PolicyForm';
import { minutesToUnitText, unitTextToMinutes } from './AmountInput';

afterEach(cleanup);

function form(unit: PolicyFormValues['unit'], extra: Partial<PolicyFormValues> = {}) {
  const onSubmit = vi.fn();
  const initial = { ...emptyPolicyForm('2026-01-01'), key: 'vacation-de', unit, ...extra };
  renderIn(
    <PolicyForm initial={initial} creating submitting={false} submitError={null} onSubmit={onSubmit} onCancel={() => {}} />,
  );
  return onSubmit;
}

describe('PolicyForm amounts in days or hours', { timeout: 20_000 }, () => {
  it('a rate typed in days is stored as minutes of the workday length', async () => {
    const user = userEvent.setup();
    const onSubmit = form('DAYS');
    expect(screen.getByLabelText(/Rate \(days per month\)/)).toBeTruthy();
    await user.type(screen.getByTestId('policy-rate_minutes'), '1.5');
    expect(screen.getByText('= 12 h')).toBeTruthy();
    // a 7.5-hour workday: 1.5 days = 675 minutes
    const workday = screen.getByTestId('policy-workday-hours');
    await user.clear(workday);
    await user.type(workday, '7.5');
    await user.click(screen.getByTestId('policy-submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const values = onSubmit.mock.calls[0][0] as PolicyFormValues;
    expect(values.rate_minutes).toBe('675');
    expect(formToSettings(values)).toMatchObject({ unit: 'DAYS', rate_minutes_per_month: 675 });
    expect((screen.getByTestId('policy-rate_minutes') as HTMLInputElement).value).toBe('1.5');
  });

  it('a rate typed in hours, with the day equivalent beside it and no internal field name', async () => {
    const user = userEvent.setup();
    const onSubmit = form('HOURS', { name: 'Vacation' });
    await user.type(screen.getByTestId('policy-rate_minutes'), '13,5');
    expect(screen.getByText('= 1.69 days', { exact: false })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/rate_minutes_per|minutes per/);
    await user.click(screen.getByTestId('policy-submit'));
    const values = onSubmit.mock.calls[0][0] as PolicyFormValues;
    expect(values.rate_minutes).toBe('810');
    expect(values.name).toBe('Vacation');
  });

  it('an amount that is not a number is refused in words', async () => {
    const user = userEvent.setup();
    const onSubmit = form('DAYS');
    await user.type(screen.getByTestId('policy-rate_minutes'), 'abc');
    await user.click(screen.getByTestId('policy-submit'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getAllByRole('alert').map((a) => a.textContent).join(' ')).toMatch(/Enter a whole number|highlighted/);
  });

  it('converts both ways', () => {
    expect(unitTextToMinutes('1.5', 'DAYS', 480)).toBe('720');
    expect(unitTextToMinutes('2', 'HOURS', 480)).toBe('120');
    expect(unitTextToMinutes('', 'DAYS', 480)).toBe('');
    expect(minutesToUnitText('800', 'DAYS', 480)).toBe('1.6667');
    expect(minutesToUnitText('90', 'HOURS', 480)).toBe('1.5');
  });
});

describe('PolicyForm in German', { timeout: 20_000 }, () => {
  it('labels, amounts and the form’s own checks are German', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderIn(
      <PolicyForm initial={{ ...emptyPolicyForm('2026-01-01'), unit: 'DAYS' }} creating submitting={false} submitError={null} onSubmit={onSubmit} onCancel={() => {}} />,
      'de',
    );
    expect(screen.getByLabelText(/Rate \(Tage pro Monat\)/)).toBeTruthy();
    await user.type(screen.getByTestId('policy-rate_minutes'), '1,5');
    expect(screen.getByText('= 12 Std.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Regelung anlegen' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Bitte einen Schlüssel eingeben, z. B. urlaub-de.')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Enter a key|Create policy|Effective from/);
  });
});

describe('PolicyForm part-time proration (issue 24)', { timeout: 20_000 }, () => {
  it('is opt-in, takes a full-time week in hours and is sent with the TIME settings', async () => {
    const user = userEvent.setup();
    const onSubmit = form('DAYS');
    await user.type(screen.getByTestId('policy-rate_minutes'), '2.5');
    expect(screen.queryByTestId('policy-full_time_week_minutes')).toBeNull();
    await user.click(screen.getByTestId('policy-part-time'));
    expect(screen.getByText(/a 6-hour day earns 30 of every 40 hours/)).toBeTruthy();
    await user.type(screen.getByTestId('policy-full_time_week_minutes'), '38');
    await user.click(screen.getByTestId('policy-submit'));
    const values = onSubmit.mock.calls[0][0] as PolicyFormValues;
    expect(formToSettings(values)).toMatchObject({ rate_minutes_per_month: 1200, part_time_proration: true, full_time_week_minutes: 2280 });
  });

  it('without it the settings carry no part-time fields, and an impossible week is refused in German', async () => {
    expect(formToSettings({ ...emptyPolicyForm('2026-01-01'), rate_minutes: '800' })).not.toHaveProperty('part_time_proration');
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderIn(
      <PolicyForm initial={{ ...emptyPolicyForm('2026-01-01'), key: 'teilzeit', rate_minutes: '1200', part_time_proration: true }}
        creating submitting={false} submitError={null} onSubmit={onSubmit} onCancel={() => {}} />,
      'de',
    );
    await user.type(screen.getByTestId('policy-full_time_week_minutes'), '200');
    await user.click(screen.getByRole('button', { name: 'Regelung anlegen' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Eine Vollzeitwoche hat 1 bis 168 Stunden.')).toBeTruthy();
  });
});

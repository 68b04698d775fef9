// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '@/test/render';
import { employeeToForm, type EmployeeFormValues } from '../validation';
import { EmployeeForm } from './EmployeeForm';

afterEach(cleanup);

function form(locale: 'en' | 'de' = 'en') {
  const onSubmit = vi.fn();
  const initial = { ...employeeToForm(undefined), first_name: 'Emma', last_name: 'Employee', email: 'emma@example.test', timezone: 'Europe/Berlin' };
  renderIn(<EmployeeForm initial={initial} managers={[]} submitting={false} submitError={null} onSubmit={onSubmit} onCancel={() => {}} />, locale);
  return onSubmit;
}

describe('EmployeeForm', { timeout: 20_000 }, () => {
  it('the workday is typed in hours and stored as minutes', async () => {
    const user = userEvent.setup();
    const onSubmit = form();
    const workday = screen.getByLabelText(/Workday length \(hours\)/) as HTMLInputElement;
    expect(workday.value).toBe('8');
    await user.clear(workday);
    await user.type(workday, '7.5');
    await user.click(screen.getByTestId('employee-submit'));
    expect((onSubmit.mock.calls[0][0] as EmployeeFormValues).workday_minutes).toBe('450');
  });

  it('in German: labels, week days and the check on the workday', async () => {
    const user = userEvent.setup();
    const onSubmit = form('de');
    expect(screen.getByLabelText(/Vorname/)).toBeTruthy();
    expect(screen.getByLabelText(/^Mo/)).toBeTruthy();
    const workday = screen.getByLabelText(/Länge des Arbeitstags \(Stunden\)/);
    await user.clear(workday);
    await user.type(workday, '30');
    await user.click(screen.getByRole('button', { name: 'Mitarbeiter:in speichern' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Ein Arbeitstag hat 1 bis 24 Stunden.')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '@/test/render';
import type { PolicySettings } from '@/lib/types';
import { emptyPolicyForm, formToSettings, settingsToForm, type PolicyFormValues } from '../validation';
import { PolicyForm } from './PolicyForm';

afterEach(cleanup);

function form(initial: PolicyFormValues, locale: 'en' | 'de' = 'en') {
  const onSubmit = vi.fn();
  renderIn(<PolicyForm initial={initial} creating submitting={false} submitError={null} onSubmit={onSubmit} onCancel={() => {}} />, locale);
  return onSubmit;
}

const unlimited = (): PolicyFormValues => ({ ...emptyPolicyForm('2026-01-01'), key: 'sick', type: 'UNLIMITED' });

describe('request rules in the policy form (issue 26)', { timeout: 20_000 }, () => {
  it('a blackout period, the notice, the longest absence and a staffing limit become the settings the server enforces', async () => {
    const user = userEvent.setup();
    const onSubmit = form(unlimited());
    await user.type(screen.getByTestId('policy-rules-notice'), '14');
    await user.type(screen.getByTestId('policy-rules-max-days'), '10');
    await user.click(screen.getByTestId('add-blackout'));
    await user.type(screen.getByTestId('blackout-start-0'), '2026-12-28');
    await user.type(screen.getByTestId('blackout-end-0'), '2027-01-02');
    await user.type(screen.getByTestId('blackout-name-0'), 'Year-end close');
    await user.click(screen.getByTestId('policy-rules-staffing'));
    await user.type(screen.getByTestId('policy-rules-limit'), '2');
    await user.click(screen.getByTestId('policy-submit'));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(formToSettings(onSubmit.mock.calls[0][0])).toEqual({
      type: 'UNLIMITED',
      request_rules: {
        min_notice_days: 14,
        max_consecutive_days: 10,
        blackout_periods: [{ start_date: '2026-12-28', end_date: '2027-01-02', name: 'Year-end close' }],
        max_concurrent_absences: { scope: 'TEAM', limit: 2 },
      },
    });
  });

  it('refuses a blackout that ends before it starts and a missing limit, in words, and submits nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = form(unlimited());
    await user.click(screen.getByTestId('add-blackout'));
    await user.type(screen.getByTestId('blackout-start-0'), '2027-01-02');
    await user.type(screen.getByTestId('blackout-end-0'), '2026-12-28');
    await user.click(screen.getByTestId('policy-rules-staffing'));
    await user.click(screen.getByTestId('policy-submit'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('The last day must not be before the first.')).toBeTruthy();
    expect(screen.getByText('Enter how many people may be away at once.')).toBeTruthy();
  });

  it('is German on German screens', async () => {
    form(unlimited(), 'de');
    expect(screen.getByText('Regeln für Anträge')).toBeTruthy();
    expect(screen.getByText('Sperrzeit hinzufügen')).toBeTruthy();
  });

  it('editing a policy keeps its rules and a fiscal carryover reset date (they were dropped before)', () => {
    const settings = {
      type: 'ACCRUAL', accrual_method: 'TIME', unit: 'DAYS', accrual_frequency: 'MONTHLY', accrual_timing: 'START_OF_PERIOD',
      rate_minutes_per_month: 800, proration: 'DAYS_ACTIVE', allow_negative: false, bank_cap_minutes: null, tenure_tiers: [],
      carryover: { enabled: true, cap_minutes: 2400, expires_after_days: null, reset_month: 4, reset_day: 1 },
      expiration: { enabled: false },
      request_rules: { blackout_periods: [{ start_date: '2026-12-28', end_date: '2026-12-31' }], max_concurrent_absences: { scope: 'DEPARTMENT', limit: 3 } },
    } as PolicySettings;
    const round = formToSettings(settingsToForm(emptyPolicyForm('2026-01-01'), settings));
    expect(round).toMatchObject({
      carryover: { enabled: true, cap_minutes: 2400, reset_month: 4, reset_day: 1 },
      request_rules: { blackout_periods: [{ start_date: '2026-12-28', end_date: '2026-12-31' }], max_concurrent_absences: { scope: 'DEPARTMENT', limit: 3 } },
    });
  });
});

// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, employee, json, renderSignedIn, stubApi } from '@/test/app';
import { AdjustmentForm } from './AdjustmentForm';

beforeAll(() => {
  // What Radix Select needs of a browser and jsdom lacks.
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.hasPointerCapture ??= () => false;
});
afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const PAT = { ...employee('e0000000-0000-0000-0000-0000000000p1', 'Pat', 'Part', 'pat@acme.test'), workday_minutes: 450 };

describe('adjustment form (issue 26)', () => {
  it('a refusal states the amounts in the policy unit (hours here), not days or minutes', async () => {
    stubApi((call) => {
      if (call.path === `/companies/${CID}/employees/${PAT.id}/balances`)
        return { items: [{ policy_id: 'p1', policy_key: 'overtime', policy_name: 'Overtime', policy_category: 'OTHER', accrued_minutes: 120, used_minutes: 0, held_minutes: 0, available_minutes: 120, is_unlimited: false, updated_at: null }], total: 1 };
      if (call.path === `/companies/${CID}/policies`)
        return { items: [{ id: 'p1', key: 'overtime', name: 'Overtime', current_version: { settings: { type: 'ACCRUAL', unit: 'HOURS' } } }], total: 1 };
      if (call.path === `/companies/${CID}/adjustments`)
        return json({ error: 'insufficient balance', detail: 'Available: 2 hours; this change needs 5 hours; the balance may not go below 0 hours.', status_code: 400,
          code: 'insufficient_balance', context: { available_minutes: 120, requested_change_minutes: -300, floor_minutes: 0 } }, 400);
      return undefined;
    });
    renderSignedIn(<AdjustmentForm employee={PAT} />);
    const policy = await screen.findByTestId('adjustment-policy');
    await screen.findByText('Choose a policy');
    fireEvent.keyDown(policy, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('option', { name: 'Overtime' }));
    fireEvent.change(screen.getByTestId('adjustment-amount'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('adjustment-reason'), { target: { value: 'correction' } });
    fireEvent.click(screen.getByTestId('adjustment-submit'));
    const banner = await screen.findByTestId('form-error');
    expect(banner.textContent).toContain('Not enough balance: 2 h available, this needs 5 h.');
  });
});

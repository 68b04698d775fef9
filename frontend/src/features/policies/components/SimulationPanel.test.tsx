// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CID, employee, json, renderSignedIn, stubApi, type ApiCall } from '@/test/app';
import { clearSession } from '@/lib/session';
import { emptyPolicyForm, formToSettings } from '../validation';
import { SimulationPanel, type Simulation } from './SimulationPanel';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

const PID = 'p0000000-0000-0000-0000-000000000001';
const GAINER = employee('e0000000-0000-0000-0000-000000000011', 'Gil', 'Gain', 'gil@acme.test');
const LOSER = employee('e0000000-0000-0000-0000-000000000012', 'Lou', 'Loss', 'lou@acme.test');

/** 12 gain, 3 lose, total +1,240 h (74,400 minutes). */
const simulation: Simulation = {
  as_of: '2026-06-10',
  effective_from: '2026-04-01',
  items: [
    { employee_id: GAINER.id, policy_id: PID, available_minutes_now: 4800, available_minutes_simulated: 81600, difference_minutes: 76800 },
    { employee_id: LOSER.id, policy_id: PID, available_minutes_now: 4800, available_minutes_simulated: 2400, difference_minutes: -2400 },
  ],
  totals: { employees: 16, gain: 12, lose: 3, unchanged: 1, difference_minutes: 74400 },
};

function render(locale: 'en' | 'de', answer: (call: ApiCall) => unknown) {
  const calls = stubApi(answer);
  const settings = formToSettings({ ...emptyPolicyForm('2026-04-01'), rate_minutes: '1000', part_time_proration: true });
  renderSignedIn(
    <SimulationPanel policyId={PID} unit="HOURS" workdayMinutes={480} draft={() => ({ effective_from: '2026-04-01', settings })} />,
    { locale },
  );
  return calls;
}

describe('the policy simulator panel', { timeout: 20_000 }, () => {
  it('plays the draft on the server and says who gains and loses, biggest changes first', async () => {
    const calls = render('en', (call) => {
      if (call.path.endsWith('/simulate')) return simulation;
      if (call.path.endsWith('/employees')) return { items: [GAINER, LOSER], total: 2 };
      return undefined;
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('simulate-run'));
    expect(await screen.findByTestId('simulate-summary')).toHaveProperty('textContent',
      '12 people gain, 3 lose, 1 unchanged; total +1,240 h');
    const post = calls.find((c) => c.path === `/companies/${CID}/policies/${PID}/simulate`);
    expect(post?.method).toBe('POST');
    expect(post?.body).toMatchObject({ version: { effective_from: '2026-04-01', settings: { part_time_proration: true } } });
    await waitFor(() => expect(screen.getAllByTestId('simulate-row')[0].textContent).toContain('Gil Gain'));
    expect(screen.getAllByTestId('simulate-row').map((r) => r.textContent)).toEqual([
      'Gil Gain80 h1,360 h+1,280 h',
      'Lou Loss80 h40 h\u221240 h',
    ]);
  });

  it('in German, and a refusal of the server is shown', async () => {
    let refuse = false;
    render('de', (call) => {
      if (call.path.endsWith('/simulate')) {
        return refuse ? json({ error: 'version.effective_from: must be on or after 2026-05-01', detail: null, status_code: 422 }, 422)
          : { ...simulation, items: [] };
      }
      return undefined;
    });
    const user = userEvent.setup();
    await user.click(await screen.findByText('Auswirkung anzeigen')); // the German messages have loaded
    expect((await screen.findByTestId('simulate-summary')).textContent).toBe('12 Personen gewinnen, 3 verlieren, 1 unverändert; gesamt +1.240 Std.');
    refuse = true;
    await user.click(screen.getByTestId('simulate-run'));
    expect(await screen.findByText(/2026-05-01/)).toBeTruthy();
    expect(screen.queryByTestId('simulate-summary')).toBeNull();
  });
});

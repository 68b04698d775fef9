// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Toaster } from '@/components/ui/toast';
import { clearSession } from '@/lib/session';
import type { CompanyLocation, DurationChange, Holiday } from '@/lib/types';
import { CID, renderSignedIn, stubApi, type ApiCall } from '@/test/app';
import HolidaysPage from './HolidaysPage';

/**
 * The holidays page of an admin against a stubbed server (issue 28): import a region's holidays
 * for one location, the per-location view, edit a holiday into a half day, bind a location to a
 * preset, and correct the requests a change touched.
 */

const YEAR = new Date().getFullYear();
const PRESETS = [
  { country: 'AT', region: null, name: 'Austria' },
  { country: 'DE', region: null, name: 'Germany' },
  { country: 'DE', region: 'BY', name: 'Bavaria' },
  { country: 'DE', region: 'HH', name: 'Hamburg' },
];
const MUNICH: CompanyLocation = {
  id: 'l1', company_id: CID, name: 'Munich', country: null, region: null, language: null,
  holidays_filled_through: null, employee_count: 3, created_at: '2026-01-01T00:00:00Z',
};
const HOLIDAYS: Holiday[] = [
  { id: 'h1', company_id: CID, date: `${YEAR}-01-01`, name: 'New Year', location: null, half_day: false },
  { id: 'h2', company_id: CID, date: `${YEAR}-01-06`, name: 'Epiphany', location: 'Munich', half_day: false },
];
const CHANGE: DurationChange = {
  request_id: 'r1', employee_id: 'e1', employee_name: 'Anna Weber', policy_id: 'p1', status: 'APPROVED',
  start_at: `${YEAR}-01-04T08:00:00Z`, end_at: `${YEAR}-01-08T16:00:00Z`, requested_minutes: 2400, current_minutes: 1920,
  difference_minutes: -480, holidays: ['Epiphany'], cause: 'imported', touched_at: `${YEAR}-01-01T00:00:00Z`,
};

beforeAll(() => {
  // a busy machine runs many test files at once: give the page's lazy queries time
  configure({ asyncUtilTimeout: 5000 });
  Element.prototype.scrollIntoView ??= () => {};
  Element.prototype.hasPointerCapture ??= () => false;
  Element.prototype.releasePointerCapture ??= () => {};
});
afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function server(changes: DurationChange[] = []): ApiCall[] {
  let pending = changes;
  return stubApi((call) => {
    if (call.path === '/holiday-presets') return { items: PRESETS, total: PRESETS.length };
    if (call.path.endsWith('/locations') && call.method === 'GET') return { items: [MUNICH], total: 1 };
    if (call.path.endsWith('/holidays') && call.method === 'GET') return { items: HOLIDAYS, total: HOLIDAYS.length };
    if (call.path.endsWith('/holidays/import')) return { created: 12, skipped: 1 };
    if (call.path.endsWith('/holidays/h2') && call.method === 'PUT') return { ...HOLIDAYS[1], ...(call.body as object) };
    if (call.path.endsWith('/locations/l1') && call.method === 'PUT') return { ...MUNICH, ...(call.body as object), holidays_filled_through: YEAR };
    if (call.path.endsWith('/requests/duration-changes') && call.method === 'GET') return { items: pending, total: pending.length };
    if (call.path.endsWith('/duration-changes/apply')) {
      pending = [];
      return { corrected: 1, unchanged: 0, items: [] };
    }
    return undefined;
  });
}

/** The import form is on once the presets are in. */
async function presetsLoaded() {
  await waitFor(() => expect((screen.getByTestId('holiday-import-submit') as HTMLButtonElement).disabled).toBe(false));
}

async function choose(testId: string, option: string) {
  fireEvent.keyDown(await screen.findByTestId(testId), { key: 'Enter' });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('holidays page', () => {
  it('imports a region’s holidays for one location, in the reader’s language', async () => {
    const calls = server();
    renderSignedIn(<><HolidaysPage /><Toaster /></>, { locale: 'de' });
    await presetsLoaded();
    await choose('holiday-import-country', 'Deutschland');
    await choose('holiday-import-region', 'Bavaria');
    await choose('holiday-import-location', 'Munich');
    fireEvent.click(screen.getByTestId('holiday-import-submit'));
    await screen.findByText('12 Feiertage hinzugefügt, 1 schon vorhanden');
    const sent = calls.find((c) => c.path.endsWith('/holidays/import'));
    expect(sent?.body).toEqual({ country: 'DE', region: 'BY', year: YEAR, location: 'Munich', language: 'de' });
  });

  it('asks for a country before importing', async () => {
    const calls = server();
    renderSignedIn(<HolidaysPage />);
    await presetsLoaded();
    fireEvent.click(screen.getByTestId('holiday-import-submit'));
    expect(await screen.findByText('Choose a country.')).toBeTruthy();
    expect(calls.some((c) => c.path.endsWith('/holidays/import'))).toBe(false);
  });

  it('shows where each holiday applies and asks for one location’s view', async () => {
    const calls = server();
    renderSignedIn(<HolidaysPage />);
    const rows = await screen.findAllByTestId('holiday-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Whole company'),
      expect.stringContaining('Munich'),
    ]);
    await choose('holiday-view', 'What applies in Munich');
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'GET' && c.path.endsWith('/holidays'))).toBe(true),
    );
    const fetched = (fetch as unknown as { mock: { calls: [string][] } }).mock.calls.map((c) => c[0]);
    await waitFor(() => expect(fetched.some((u) => u.includes('location=Munich'))).toBe(true));
  });

  it('edits a holiday into a half day', async () => {
    const calls = server();
    renderSignedIn(<><HolidaysPage /><Toaster /></>);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Epiphany' }));
    const dialog = await screen.findByTestId('holiday-edit');
    fireEvent.click(within(dialog).getByTestId('holiday-edit-half'));
    fireEvent.click(within(dialog).getByTestId('holiday-edit-save'));
    await screen.findByText('Epiphany saved');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe(`/companies/${CID}/holidays/h2`);
    expect(put?.body).toEqual({ date: `${YEAR}-01-06`, name: 'Epiphany', location: 'Munich', half_day: true });
  });

  it('binds a location to a preset', async () => {
    const calls = server();
    renderSignedIn(<><HolidaysPage /><Toaster /></>);
    fireEvent.click(await screen.findByRole('button', { name: 'Choose the preset of Munich' }));
    await choose('location-bind-country', 'Germany');
    await choose('location-bind-region', 'Bavaria');
    fireEvent.click(screen.getByTestId('location-bind-save'));
    await screen.findByText('Munich follows Germany – Bavaria');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ country: 'DE', region: 'BY', language: 'en' });
  });

  it('lists the requests a change touched and corrects them in one action', async () => {
    const calls = server([CHANGE]);
    renderSignedIn(<><HolidaysPage /><Toaster /></>);
    const row = await screen.findByTestId('duration-change');
    expect(row.textContent).toContain('Anna Weber');
    expect(row.textContent).toContain('Epiphany');
    fireEvent.click(screen.getByRole('button', { name: 'Correct 1 request' }));
    await screen.findByText('1 request corrected');
    expect(calls.find((c) => c.path.endsWith('/apply'))?.body).toEqual({ request_ids: ['r1'] });
    await waitFor(() => expect(screen.queryByTestId('duration-changes')).toBeNull());
  });
});

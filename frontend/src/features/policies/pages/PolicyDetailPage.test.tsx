// @vitest-environment jsdom
// A main screen rendered whole in German: the real providers (language, queries, router, sign-in)
// over a stubbed network answering like the API does.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/i18n/I18nProvider';
import { AuthProvider } from '@/lib/auth';
import { RequireAuth } from '@/components/layout/RequireAuth';
import { setToken, clearSession } from '@/lib/session';
import type { Policy, PolicyVersion } from '@/lib/types';
import PolicyDetailPage, { scheduledVersion } from './PolicyDetailPage';

const CID = 'c0000000-0000-0000-0000-000000000001';
const PID = 'p0000000-0000-0000-0000-000000000001';
const ADMIN = 'e0000000-0000-0000-0000-000000000001';
const NEXT_YEAR = new Date().getFullYear() + 1;

const settings = {
  type: 'ACCRUAL',
  accrual_method: 'TIME',
  accrual_frequency: 'MONTHLY',
  rate_minutes_per_day: null,
  rate_minutes_per_month: 720,
  rate_minutes_per_year: null,
  unit: 'DAYS',
  accrual_timing: 'START_OF_PERIOD',
  proration: 'DAYS_ACTIVE',
  allow_negative: false,
  negative_limit_minutes: null,
  bank_cap_minutes: null,
  tenure_tiers: [],
  carryover: { enabled: false },
  expiration: { enabled: false },
};

function version(n: number, from: string, to: string | null): PolicyVersion {
  return {
    id: `v${n}`,
    policy_id: PID,
    version: n,
    effective_from: from,
    effective_to: to,
    type: 'ACCRUAL',
    accrual_method: 'TIME',
    settings: settings as unknown as PolicyVersion['settings'],
    created_by: ADMIN,
    change_reason: n === 3 ? 'Erhöhung' : null,
    created_at: '2026-01-01T10:00:00Z',
  };
}

const versions = [version(1, '2024-01-01', '2025-01-01'), version(2, '2025-01-01', `${NEXT_YEAR}-01-01`), version(3, `${NEXT_YEAR}-01-01`, null)];
const policy: Policy = {
  id: PID,
  company_id: CID,
  key: 'vacation-de',
  category: 'VACATION',
  created_at: '2024-01-01T00:00:00Z',
  current_version: versions[1],
  name: 'Jahresurlaub',
  description: 'Bezahlter Urlaub',
};
const admin = {
  id: ADMIN, company_id: CID, first_name: 'Ada', last_name: 'Admin', email: 'ada@example.test', manager_id: null,
  timezone: 'Europe/Berlin', workday_minutes: 480, workday_start: '09:00', work_days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  pay_type: 'SALARY', hire_date: '2020-01-01', status: 'ACTIVE',
};

function answer(url: string): unknown {
  const path = url.replace(/\?.*$/, '');
  if (path === '/api/auth/me') return { user_id: 'u1', company_id: CID, role: 'admin', employee: admin };
  if (path.endsWith(`/policies/${PID}/versions`)) return { items: versions, total: versions.length };
  if (path.endsWith(`/policies/${PID}/assignments`)) return { items: [], total: 0 };
  if (path.endsWith(`/policies/${PID}`)) return policy;
  if (path.endsWith('/employees')) return { items: [admin], total: 1 };
  return { items: [], total: 0 };
}

beforeEach(() => {
  setToken('test-token');
  vi.stubGlobal('fetch', vi.fn(async (url: string) => new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'Content-Type': 'application/json' } })));
});
afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

describe('policy detail page in German', () => {
  it('names the policy, its rules in days and the version scheduled for next year, in German', async () => {
    render(
      <I18nProvider locale="de">
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter initialEntries={[`/admin/policies/${PID}`]}>
            <AuthProvider>
              <Routes>
                <Route
                  path="/admin/policies/:pid"
                  element={
                    <RequireAuth>
                      <PolicyDetailPage />
                    </RequireAuth>
                  }
                />
              </Routes>
            </AuthProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Jahresurlaub' })).toBeTruthy();
    expect(await screen.findByText(`Version 3 gilt ab 1. Januar ${NEXT_YEAR}`)).toBeTruthy();
    expect(screen.getByText('Urlaub')).toBeTruthy();
    expect(screen.getByText('Bezahlter Urlaub')).toBeTruthy();
    expect(screen.getByText('Bearbeiten (neue Version)')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Regeln' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Versionsverlauf' })).toBeTruthy();
    // the rate in the policy's unit, with German numbers: 720 minutes of an 8-hour day
    expect(screen.getByText('1,5 Tage (12 Std.) pro Monat')).toBeTruthy();
    expect(screen.getByText('Ansparen · Monatlich')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/in force since|Version history|Rules\b|per month/);
  });

  it('the scheduled version is the earliest one after today, none when all have started', () => {
    expect(scheduledVersion(versions, 2, '2026-06-01')?.version).toBe(3);
    expect(scheduledVersion(versions, 3, `${NEXT_YEAR}-01-02`)).toBeNull();
    const later = { ...versions[2], id: 'v4', version: 4, effective_from: `${NEXT_YEAR}-07-01` };
    expect(scheduledVersion([later, ...versions], 2, '2026-06-01')?.version).toBe(3);
  });
});

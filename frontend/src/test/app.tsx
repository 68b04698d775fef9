// Test helpers: a component inside the app's real providers (language, queries, router, sign-in)
// over a stubbed network that answers like the API and records every request.
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { I18nProvider } from '@/i18n/I18nProvider';
import { AuthProvider } from '@/lib/auth';
import { RequireAuth } from '@/components/layout/RequireAuth';
import { setToken } from '@/lib/session';
import type { Employee, Me } from '@/lib/types';

export const CID = 'c0000000-0000-0000-0000-000000000001';

export function employee(id: string, first: string, last: string, email: string): Employee {
  return {
    id, company_id: CID, first_name: first, last_name: last, email, manager_id: null, timezone: 'Europe/Berlin',
    workday_minutes: 480, workday_start: '09:00', work_days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], pay_type: 'SALARY',
    hire_date: '2020-01-01', status: 'ACTIVE',
  } as Employee;
}

export const ADMIN = employee('e0000000-0000-0000-0000-000000000001', 'Ada', 'Admin', 'ada@acme.test');
export const adminMe: Me = { user_id: ADMIN.id, company_id: CID, role: 'admin', employee: ADMIN };

export interface ApiCall {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

/** An answer: a Response as is, anything else as a 200 JSON body. */
export type Answer = (call: ApiCall) => Response | unknown;

export function json(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Stubs fetch; `/api/auth/me` answers `me` unless `answer` does. Returns the recorded calls. */
export function stubApi(answer: Answer, me: Me = adminMe): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call: ApiCall = {
        method: init.method ?? 'GET',
        path: url.replace(/\?.*$/, '').replace(/^\/api/, ''),
        query: new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : ''),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: (init.headers ?? {}) as Record<string, string>,
      };
      calls.push(call);
      const answered = answer(call);
      if (answered instanceof Response) return answered;
      if (answered === undefined && call.path === '/auth/me') return json(me);
      return json(answered ?? { items: [], total: 0 });
    }),
  );
  return calls;
}

/** Renders `ui` signed in (a token in the session) at `path`, in the real providers. */
export function renderSignedIn(ui: ReactElement, { locale = 'en', path = '/here' }: { locale?: 'en' | 'de'; path?: string } = {}) {
  setToken('test-token');
  return render(
    <I18nProvider locale={locale}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={[path]}>
          <AuthProvider>
            <Routes>
              <Route path={path} element={<RequireAuth>{ui}</RequireAuth>} />
              <Route path="/sign-in" element={<p data-testid="sign-in-route" />} />
            </Routes>
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

// @vitest-environment jsdom
// The landing page of single sign-on with the real sign-in state (AuthProvider) over a stubbed
// network: a token the API refuses must end on the page's refusal, not on a bare sign-in page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/i18n/I18nProvider';
import { AuthProvider } from '@/lib/auth';
import { clearSession, getToken } from '@/lib/session';
import SsoLandingPage from './SsoLandingPage';
import { SSO_TAB_NONCE_KEY } from '../sso';

const CID = 'c0000000-0000-0000-0000-000000000001';
const me = { user_id: 'u1', company_id: CID, role: 'employee', employee: null };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderLanding(hash: string) {
  window.history.replaceState(null, '', `/sign-in/sso${hash}`);
  render(
    <I18nProvider locale="en">
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter initialEntries={['/sign-in/sso']}>
          <AuthProvider>
            <Routes>
              <Route path="/sign-in/sso" element={<SsoLandingPage />} />
              <Route path="/sign-in" element={<p>the bare sign-in page</p>} />
              <Route path="/balances" element={<p>the balances page</p>} />
            </Routes>
          </AuthProvider>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nProvider>,
  );
}

beforeEach(() => clearSession());
afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('single sign-on landing page with the real sign-in state', () => {
  it('a token the API refuses shows the refusal sentence and stores nothing', async () => {
    const fetch = vi.fn(async () => json({ error: 'The token has expired.', detail: null, status_code: 401 }, 401));
    vi.stubGlobal('fetch', fetch);
    sessionStorage.setItem(SSO_TAB_NONCE_KEY, 'tab-nonce-1');
    renderLanding('#access_token=stale.token.value&tab_nonce=tab-nonce-1');
    expect(await screen.findByTestId('sso-refused')).toBeTruthy();
    expect(screen.getByTestId('sso-refusal-reason').textContent).toContain('The token has expired.');
    expect(screen.queryByText('the bare sign-in page')).toBeNull();
    expect(getToken()).toBeNull();
    expect(window.location.hash).toBe('');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/me');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer stale.token.value');
  });

  it('a token the API accepts is stored and leads to the home page of the role', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(me)));
    sessionStorage.setItem(SSO_TAB_NONCE_KEY, 'tab-nonce-2');
    renderLanding('#access_token=good.token.value&tab_nonce=tab-nonce-2');
    expect(await screen.findByText('the balances page')).toBeTruthy();
    expect(getToken()).toBe('good.token.value');
    expect(sessionStorage.getItem(SSO_TAB_NONCE_KEY)).toBeNull();
  });

  it.each([
    ['a link with a token and no nonce', '#access_token=attackers.token.value', 'tab-nonce-3'],
    ['a link with a token and a made-up nonce', '#access_token=attackers.token.value&tab_nonce=guess', 'tab-nonce-3'],
    ['a tab that started no sign-in', '#access_token=attackers.token.value&tab_nonce=tab-nonce-3', null],
  ])('login CSRF (issue 25): %s is refused, never stored, never sent', async (_, hash, inTab) => {
    const fetch = vi.fn(async () => json(me));
    vi.stubGlobal('fetch', fetch);
    if (inTab) sessionStorage.setItem(SSO_TAB_NONCE_KEY, inTab);
    renderLanding(hash);
    expect(await screen.findByTestId('sso-refused')).toBeTruthy();
    expect(screen.getByTestId('sso-refusal-reason').textContent).toContain('was not started in this browser tab');
    expect(fetch).not.toHaveBeenCalled();
    expect(getToken()).toBeNull();
    expect(window.location.hash).toBe('');
  });
});

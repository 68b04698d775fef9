// @vitest-environment jsdom
// A stored token the API no longer accepts (signed out everywhere, password changed, deactivated):
// the person lands on the sign-in page and is told why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/i18n/I18nProvider';
import { AuthProvider } from '@/lib/auth';
import { RequireAuth } from '@/components/layout/RequireAuth';
import { clearSession, getToken, setToken } from '@/lib/session';
import SignInPage from '@/features/auth/pages/SignInPage';
import { json } from '@/test/app';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('a session the API has ended', () => {
  it('opening a page with it leads to the sign-in page that says the session has ended', async () => {
    setToken('ended.token');
    window.history.replaceState(null, '', '/requests');
    vi.stubGlobal('fetch', vi.fn(async () => json({ error: 'Your session has ended. Please sign in again.', detail: null, status_code: 401 }, 401)));
    render(
      <I18nProvider locale="en">
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter initialEntries={['/requests']}>
            <AuthProvider>
              <Routes>
                <Route path="/requests" element={<RequireAuth>the requests page</RequireAuth>} />
                <Route path="/sign-in" element={<SignInPage />} />
              </Routes>
            </AuthProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>,
    );
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
    expect(await screen.findByText('Your session has ended. Please sign in again.')).toBeTruthy();
    expect(getToken()).toBeNull();
  });
});

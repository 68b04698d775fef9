// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '@/i18n/I18nProvider';
import { AuthProvider } from '@/lib/auth';
import { clearSession } from '@/lib/session';
import { json } from '@/test/app';
import SignInPage from './SignInPage';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

describe('sign-in page (issue 26)', () => {
  it('the wrong-password banner goes as soon as the e-mail or the password is changed', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) =>
      url.includes('/auth/login') ? json({ error: 'Invalid e-mail or password', detail: null, status_code: 401 }, 401) : json({}, 404)));
    render(
      <I18nProvider locale="en">
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <MemoryRouter initialEntries={['/sign-in']}>
            <AuthProvider>
              <Routes>
                <Route path="/sign-in" element={<SignInPage />} />
              </Routes>
            </AuthProvider>
          </MemoryRouter>
        </QueryClientProvider>
      </I18nProvider>,
    );
    fireEvent.change(await screen.findByTestId('sign-in-email'), { target: { value: 'emma@acme.test' } });
    fireEvent.change(screen.getByTestId('sign-in-password'), { target: { value: 'wrong-password' } });
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    await screen.findByTestId('form-error');
    fireEvent.change(screen.getByTestId('sign-in-password'), { target: { value: 'wrong-password2' } });
    await waitFor(() => expect(screen.queryByTestId('form-error')).toBeNull());
    fireEvent.click(screen.getByTestId('sign-in-submit'));
    await screen.findByTestId('form-error');
    fireEvent.change(screen.getByTestId('sign-in-email'), { target: { value: 'emma@acme.tes' } });
    expect(screen.queryByTestId('form-error')).toBeNull();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { clearSession, getToken } from '@/lib/session';
import { json, renderSignedIn, stubApi } from '@/test/app';
import { SignOutEverywhereCard } from './SignOutEverywhereCard';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

describe('sign out everywhere (one’s own account)', () => {
  it('ends every session at the API, then signs out here too', async () => {
    const api = stubApi((c) => (c.path === '/auth/sign-out-everywhere' ? json(null, 204) : undefined));
    renderSignedIn(<SignOutEverywhereCard />, { locale: 'de' });
    fireEvent.click(await screen.findByRole('button', { name: 'Überall abmelden' }));
    expect(await screen.findByTestId('sign-in-route')).toBeTruthy();
    const post = api.find((c) => c.method === 'POST');
    expect(post?.path).toBe('/auth/sign-out-everywhere');
    expect(post?.headers.Authorization).toBe('Bearer test-token');
    expect(getToken()).toBeNull();
  });

  it('a refusal stays on the page with its reason, signed in', async () => {
    stubApi((c) =>
      c.path === '/auth/sign-out-everywhere' ? json({ error: 'account not found', detail: null, status_code: 404 }, 404) : undefined,
    );
    renderSignedIn(<SignOutEverywhereCard />);
    fireEvent.click(await screen.findByTestId('sign-out-everywhere'));
    expect(await screen.findByText('account not found')).toBeTruthy();
    expect(getToken()).toBe('test-token');
  });
});

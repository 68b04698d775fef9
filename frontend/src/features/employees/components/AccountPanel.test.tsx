// @vitest-environment jsdom
// The admin's account panel of a person, with the real providers over a stubbed API: the
// re-authentication field when setting a password, and "sign out everywhere" for that person.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearSession, getToken } from '@/lib/session';
import { adminMe, ADMIN, CID, employee, json, renderSignedIn, stubApi, type ApiCall } from '@/test/app';
import type { Account } from '@/lib/types';
import { AccountPanel } from './AccountPanel';

const EMMA = employee('e0000000-0000-0000-0000-000000000002', 'Emma', 'Stone', 'emma@acme.test');
const accountPath = (id: string) => `/companies/${CID}/employees/${id}/account`;
const account = (e: typeof EMMA): Account => ({ employee_id: e.id, email: e.email, role: 'employee', active: true, has_password: true });

beforeAll(() => {
  // What Radix Select needs of a browser and jsdom lacks.
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

async function chooseSetPassword() {
  const mode = await screen.findByTestId('account-mode');
  fireEvent.keyDown(mode, { key: 'Enter' });
  fireEvent.click(await screen.findByRole('option', { name: 'Set a password now' }));
  return screen.findByTestId('account-password');
}

const calls = (all: ApiCall[], method: string, path: string) => all.filter((c) => c.method === method && c.path === path);

describe('account panel: setting a password asks for the admin current password when the sign-in is old', () => {
  it('sends the typed current password as current_password', async () => {
    const api = stubApi((c) => (c.path === accountPath(EMMA.id) ? account(EMMA) : undefined));
    renderSignedIn(<AccountPanel employee={EMMA} />);
    fireEvent.change(await chooseSetPassword(), { target: { value: 'a new password 1' } });
    fireEvent.change(screen.getByTestId('account-current-password'), { target: { value: 'my own password' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    await waitFor(() => expect(calls(api, 'PUT', accountPath(EMMA.id))).toHaveLength(1));
    expect(calls(api, 'PUT', accountPath(EMMA.id))[0].body).toEqual({ role: 'employee', password: 'a new password 1', current_password: 'my own password' });
  });

  it('without it, a 403 of an old sign-in is explained at the field; a wrong one too', async () => {
    const api = stubApi((c) => {
      if (c.path !== accountPath(EMMA.id)) return undefined;
      if (c.method !== 'PUT') return account(EMMA);
      const body = c.body as { current_password?: string };
      return body.current_password
        ? json({ error: 'current_password is not correct', detail: null, status_code: 400, code: 'business_rule' }, 400)
        : json({ error: 'setting a password needs a recent sign-in: give current_password (your own password) or sign in again', detail: null, status_code: 403, code: 'forbidden' }, 403);
    });
    renderSignedIn(<AccountPanel employee={EMMA} />);
    fireEvent.change(await chooseSetPassword(), { target: { value: 'a new password 1' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect(await screen.findByText('Your sign-in is more than 5 minutes old. Enter your current password to confirm it is you.')).toBeTruthy();
    expect(calls(api, 'PUT', accountPath(EMMA.id))[0].body).not.toHaveProperty('current_password');
    expect(document.body.textContent).not.toContain('give current_password');

    fireEvent.change(screen.getByTestId('account-current-password'), { target: { value: 'not my password' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect(await screen.findByText('That is not your current password.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('current_password is not correct');
  });

  it('an invitation (a reset link) or a role change asks for it too (issue 25)', async () => {
    const api = stubApi((c) => {
      if (c.path !== accountPath(EMMA.id)) return undefined;
      if (c.method !== 'PUT') return account(EMMA);
      return (c.body as { current_password?: string }).current_password
        ? { ...account(EMMA), has_password: false, invite_token: 'tok' }
        : json({ error: 'an invitation or a role change needs a sign-in from the last 5 minutes', detail: null, status_code: 403, code: 'recent_sign_in_required' }, 403);
    });
    renderSignedIn(<AccountPanel employee={EMMA} />);
    await screen.findByTestId('account-mode');
    fireEvent.click(screen.getByTestId('account-submit'));
    expect(await screen.findByText('Your sign-in is more than 5 minutes old. Enter your current password to confirm it is you.')).toBeTruthy();
    expect(calls(api, 'PUT', accountPath(EMMA.id))[0].body).toEqual({ role: 'employee' });
    fireEvent.change(screen.getByTestId('account-current-password'), { target: { value: 'my own password' } });
    fireEvent.click(screen.getByTestId('account-submit'));
    expect(await screen.findByTestId('invite-link')).toBeTruthy();
    expect(calls(api, 'PUT', accountPath(EMMA.id))[1].body).toEqual({ role: 'employee', current_password: 'my own password' });
  });
});

describe('account panel: sign out everywhere', () => {
  it('asks first, then ends every session of the person', async () => {
    const api = stubApi((c) => (c.path === accountPath(EMMA.id) ? account(EMMA) : c.path.endsWith('/sign-out-everywhere') ? json(null, 204) : undefined));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderSignedIn(<AccountPanel employee={EMMA} />);
    const button = await screen.findByTestId('account-sign-out-everywhere');
    expect(screen.getByText('Ends every session of Emma Stone on every device at once, e.g. when a laptop was lost.')).toBeTruthy();
    fireEvent.click(button);
    expect(confirm).toHaveBeenCalledWith('Sign Emma Stone out on every device? Their open sessions end at once; they can sign in again.');
    expect(calls(api, 'POST', `${accountPath(EMMA.id)}/sign-out-everywhere`)).toHaveLength(0);
    fireEvent.click(button);
    await waitFor(() => expect(calls(api, 'POST', `${accountPath(EMMA.id)}/sign-out-everywhere`)).toHaveLength(1));
    expect(getToken()).toBe('test-token');
  });

  it('an admin signing themself out everywhere is signed out here too', async () => {
    stubApi((c) => (c.path === accountPath(ADMIN.id) ? { ...account(ADMIN), role: 'admin' } : c.path.endsWith('/sign-out-everywhere') ? json(null, 204) : undefined), adminMe);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderSignedIn(<AccountPanel employee={ADMIN} />);
    fireEvent.click(await screen.findByTestId('account-sign-out-everywhere'));
    expect(await screen.findByTestId('sign-in-route')).toBeTruthy();
    expect(getToken()).toBeNull();
  });

  it('a person without an account has nothing to sign out of', async () => {
    stubApi((c) => (c.path === accountPath(EMMA.id) ? json({ error: 'account not found', detail: null, status_code: 404 }, 404) : undefined));
    renderSignedIn(<AccountPanel employee={EMMA} />);
    await screen.findByTestId('account-status');
    expect(screen.queryByTestId('account-sign-out-everywhere')).toBeNull();
  });
});

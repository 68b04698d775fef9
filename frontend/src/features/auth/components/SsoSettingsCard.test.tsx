// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { ADMIN, CID, json, renderSignedIn, stubApi, type ApiCall } from '@/test/app';
import type { SsoSettings } from '../sso';
import { SsoSettingsCard } from './SsoSettingsCard';

const stored: SsoSettings = {
  provider_name: 'Acme ID',
  issuer: 'https://id.acme.test',
  client_id: 'power-pto',
  has_client_secret: true,
  email_domain: 'acme.test',
  require_sso: false,
  break_glass_employee_id: ADMIN.id,
  start_path: `/api/auth/oidc/start/${CID}`,
  redirect_path: `/api/auth/oidc/callback/${CID}`,
  updated_at: '2026-11-01T10:00:00Z',
};

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

function api(settings: SsoSettings | null) {
  let current = settings;
  return stubApi((call: ApiCall) => {
    if (call.path !== `/companies/${CID}/sso`) return undefined;
    if (call.method === 'PUT') {
      current = { ...stored, ...(call.body as object), has_client_secret: true, updated_at: '2026-11-02T10:00:00Z' };
      return current;
    }
    return current ? current : json({ error: 'not found', detail: null, status_code: 404 }, 404);
  });
}

const puts = (calls: ApiCall[]) => calls.filter((c) => c.method === 'PUT');

describe('single sign-on settings card', () => {
  it('starts from the stored settings; a save with the secret field empty leaves client_secret out (keeps it)', async () => {
    const calls = api({ ...stored, redirect_path: '/api/auth/oidc/callback/from-the-api' });
    renderSignedIn(<SsoSettingsCard />);
    const name = (await screen.findByTestId('sso-provider-name')) as HTMLInputElement;
    expect(name.value).toBe('Acme ID');
    expect((screen.getByTestId('sso-client-secret') as HTMLInputElement).value).toBe('');
    // the callback the API names, not one the page makes up
    expect(screen.getByTestId('sso-redirect-uri').textContent).toBe(`${window.location.origin}/api/auth/oidc/callback/from-the-api`);

    fireEvent.change(name, { target: { value: 'Acme Login' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const body = puts(calls)[0].body as Record<string, unknown>;
    expect(body).not.toHaveProperty('client_secret');
    expect(body).toMatchObject({ provider_name: 'Acme Login', issuer: stored.issuer, client_id: 'power-pto', email_domain: 'acme.test' });
  });

  it('a typed secret is sent once, and the saved settings clear the field again', async () => {
    const calls = api(stored);
    renderSignedIn(<SsoSettingsCard />);
    const secret = (await screen.findByTestId('sso-client-secret')) as HTMLInputElement;
    fireEvent.change(secret, { target: { value: 'a new secret' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect((puts(calls)[0].body as Record<string, unknown>).client_secret).toBe('a new secret');
    await waitFor(() => expect((screen.getByTestId('sso-client-secret') as HTMLInputElement).value).toBe(''));
  });

  it('before the first save: empty form, the domain of the admin, the callback path the API will use', async () => {
    api(null);
    renderSignedIn(<SsoSettingsCard />);
    expect(((await screen.findByTestId('sso-email-domain')) as HTMLInputElement).value).toBe('acme.test');
    expect((screen.getByTestId('sso-provider-name') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('sso-redirect-uri').textContent).toBe(`${window.location.origin}/api/auth/oidc/callback/${CID}`);
    expect(screen.queryByTestId('sso-remove')).toBeNull();
  });

  it('names the API refusal at its field', async () => {
    stubApi((call) =>
      call.path === `/companies/${CID}/sso` && call.method === 'PUT'
        ? json({ error: 'issuer: must be https', detail: null, status_code: 422, fields: [{ field: 'issuer', message: 'must be an https URL' }] }, 422)
        : call.path === `/companies/${CID}/sso`
          ? stored
          : undefined,
    );
    renderSignedIn(<SsoSettingsCard />);
    fireEvent.click(await screen.findByTestId('sso-save'));
    expect(await screen.findByText('must be an https URL')).toBeTruthy();
  });

  it('issue 26: an empty client id (and every other empty required field) gets its own sentence; nothing is sent', async () => {
    const calls = api(null);
    renderSignedIn(<SsoSettingsCard />);
    fireEvent.change(await screen.findByTestId('sso-issuer'), { target: { value: 'id.acme.test' } });
    fireEvent.click(screen.getByTestId('sso-save'));
    expect(await screen.findByText('Enter the client ID your provider gave you for Power PTO.')).toBeTruthy();
    expect(screen.getByText('Enter the name shown on the sign-in button, e.g. Acme ID.')).toBeTruthy();
    expect(screen.getByText('Enter the issuer as a full URL starting with https://.')).toBeTruthy();
    expect(screen.getByText('Enter the client secret your provider gave you for Power PTO.')).toBeTruthy();
    expect(screen.getByTestId('sso-fix-count').textContent).toBe('Fix 4 fields before saving.');
    expect(puts(calls)).toHaveLength(0);
    expect(screen.getByTestId('sso-client-id').getAttribute('aria-invalid')).toBe('true');
  });

  it('issue 26: the refusal of an invalid issuer names the field, never "{field}"', async () => {
    stubApi((call) =>
      call.path === `/companies/${CID}/sso` && call.method === 'PUT'
        ? json({ error: 'issuer: must be an https URL', detail: 'Check issuer: must be an https URL.', status_code: 422, code: 'invalid_field',
            fields: [{ field: 'issuer', message: 'must be an https URL' }] }, 422)
        : call.path === `/companies/${CID}/sso`
          ? stored
          : undefined,
    );
    renderSignedIn(<SsoSettingsCard />, { locale: 'de' });
    fireEvent.click(await screen.findByTestId('sso-save'));
    const banner = await screen.findByTestId('form-error');
    expect(banner.textContent).toContain('„issuer“');
    expect(document.body.textContent).not.toContain('{field}');
  });
});

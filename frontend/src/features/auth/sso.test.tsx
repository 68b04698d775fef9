// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { renderIn } from '@/test/render';
import { SsoLanding } from './components/SsoLanding';
import { SsoChoice } from './components/SsoChoice';
import { boundToTab, readSsoFragment, SSO_TAB_NONCE_KEY, ssoErrorKey } from './sso';

afterEach(cleanup);

function landing(hash: string, onToken: (token: string) => Promise<unknown> = vi.fn(() => Promise.resolve())) {
  renderIn(
    <MemoryRouter>
      <SsoLanding landing={readSsoFragment(hash)} onToken={onToken} />
    </MemoryRouter>,
  );
  return onToken;
}

describe('single sign-on landing page', () => {
  it('hands the token of the fragment over once and says it is signing in', async () => {
    const onToken = landing('#access_token=eyJ.abc.def&token_type=bearer&expires_in=3600');
    expect(screen.getByTestId('sso-signing-in').textContent).toContain('Signing you in');
    await waitFor(() => expect(onToken).toHaveBeenCalledTimes(1));
    expect(onToken).toHaveBeenCalledWith('eyJ.abc.def');
    expect(screen.queryByTestId('sso-refused')).toBeNull();
  });

  it('a token the API refuses ends on a refusal, not on an endless spinner', async () => {
    landing('#access_token=stale', () => Promise.reject(new Error('Your session has ended.')));
    expect(await screen.findByTestId('sso-refused')).toBeTruthy();
    expect(screen.getByTestId('sso-refusal-reason').textContent).toContain('Your session has ended.');
  });

  it.each([
    ['unknown_user', 'no employee of this company has that e-mail address'],
    ['unverified_email', 'did not confirm that the e-mail address belongs to you'],
    ['inactive', 'you are no longer an active employee'],
    ['deactivated', 'has been deactivated'],
    ['sso_not_configured', 'has not set up single sign-on'],
    ['authorization_request_not_found', 'could not be matched to one started in this browser'],
    ['invalid_nonce', 'could not be matched to one started in this browser'],
    ['invalid_id_token', "answer could not be verified"],
  ])('explains %s in plain language, never signs in', (code, sentence) => {
    const onToken = landing(`#error=${code}`);
    expect(screen.getByTestId('sso-refusal-reason').textContent).toContain(sentence);
    expect(screen.getByText(`Reason code for your administrator: ${code}`)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to sign-in' }).getAttribute('href')).toBe('/sign-in');
    expect(onToken).not.toHaveBeenCalled();
  });

  it('an unknown code still gets a sentence, in German too', () => {
    renderIn(
      <MemoryRouter>
        <SsoLanding landing={readSsoFragment('#error=something_new')} onToken={() => Promise.resolve()} />
      </MemoryRouter>,
      'de',
    );
    expect(screen.getByTestId('sso-refusal-reason').textContent).toBe(
      'Single Sign-on hat nicht funktioniert (something_new). Beginnen Sie erneut auf der Anmeldeseite.',
    );
  });

  it('without a fragment there is nothing to finish', () => {
    landing('');
    expect(screen.getByTestId('sso-refusal-reason').textContent).toContain('there is none to finish');
  });

  it('reads the fragment, the token before anything else', () => {
    expect(readSsoFragment('#access_token=a.b.c&error=x')).toEqual({ kind: 'token', token: 'a.b.c', tabNonce: null });
    expect(readSsoFragment('#access_token=a.b.c&tab_nonce=n1')).toEqual({ kind: 'token', token: 'a.b.c', tabNonce: 'n1' });
    expect(readSsoFragment('error=invalid_state_parameter')).toEqual({ kind: 'error', code: 'invalid_state_parameter' });
    expect(readSsoFragment('#')).toEqual({ kind: 'empty' });
    expect(ssoErrorKey('invalid_state_parameter')).toBe('sso.error.state');
  });
});

describe('login CSRF (issue 25): a token counts only with the nonce of the tab that started', () => {
  it.each([
    ['the same nonce', 'n1', 'n1', 'token'],
    ['another tab\'s nonce', 'n1', 'n2', 'error'],
    ['no nonce in the fragment', null, 'n1', 'error'],
    ['no nonce in this tab', 'n1', null, 'error'],
  ])('%s', (_, fromFragment, inTab, kind) => {
    const landing = boundToTab({ kind: 'token', token: 'someone.elses.token', tabNonce: fromFragment }, inTab);
    expect(landing.kind).toBe(kind);
    if (landing.kind === 'error') expect(ssoErrorKey(landing.code)).toBe('sso.error.notStartedHere');
  });

  it('errors pass through unchanged', () => {
    expect(boundToTab({ kind: 'error', code: 'unknown_user' }, null)).toEqual({ kind: 'error', code: 'unknown_user' });
  });
});

describe('"Continue with" button', () => {
  it('goes to the API start path of the company with a fresh nonce kept in this tab, by a full page load', () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    renderIn(<SsoChoice offer={{ provider_name: 'Acme ID', start_path: '/api/auth/oidc/start/c1', require_sso: false }} />);
    const link = screen.getByRole('link', { name: 'Continue with Acme ID' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start/c1');
    expect(screen.queryByTestId('sso-required')).toBeNull();
    link.click();
    const nonce = sessionStorage.getItem(SSO_TAB_NONCE_KEY);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(assign).toHaveBeenCalledWith(`/api/auth/oidc/start/c1?tab_nonce=${nonce}`);
    link.click();
    expect(sessionStorage.getItem(SSO_TAB_NONCE_KEY)).not.toBe(nonce);
    vi.unstubAllGlobals();
  });

  it('when the company requires single sign-on it says the password is for the emergency admin only', () => {
    renderIn(<SsoChoice offer={{ provider_name: 'Okta', start_path: '/api/auth/oidc/start/c2', require_sso: true }} />, 'de');
    expect(screen.getByRole('link', { name: 'Weiter mit Okta' })).toBeTruthy();
    expect(screen.getByTestId('sso-required').textContent).toContain('Notfall-Administration');
  });
});

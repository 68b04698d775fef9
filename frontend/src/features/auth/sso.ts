// Single sign-on (issue 16): the sign-in page's "Continue with …" offer, the landing page's
// fragment and the plain-language reason of each refusal.
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiRequest } from '@/lib/api';
import type { MessageKey } from '@/i18n/messages/en';
import { fragmentParams } from '@/lib/urlFragment';
import { isEmail } from '@/lib/email';

/** `GET /api/auth/sso?email=`: the provider of the company that signs in people of this e-mail's domain. */
export interface SsoOffer {
  provider_name: string;
  start_path: string;
  require_sso: boolean;
}

/** `GET/PUT /api/companies/{cid}/sso` (the client secret is write-only: only `has_client_secret` comes back). */
export interface SsoSettings {
  provider_name: string;
  issuer: string;
  client_id: string;
  has_client_secret: boolean;
  email_domain: string;
  require_sso: boolean;
  break_glass_employee_id: string | null;
  start_path: string;
  redirect_path: string;
  updated_at: string;
}

export type SsoLanding =
  | { kind: 'token'; token: string; tabNonce: string | null }
  | { kind: 'error'; code: string }
  | { kind: 'empty' };

/** What the API put in the fragment of /sign-in/sso: `#access_token=…&tab_nonce=…` or `#error=<code>`. */
export function readSsoFragment(hash: string): SsoLanding {
  const params = fragmentParams(hash);
  const token = params.get('access_token')?.trim();
  if (token) return { kind: 'token', token, tabNonce: params.get('tab_nonce')?.trim() || null };
  const code = params.get('error')?.trim();
  if (code) return { kind: 'error', code };
  return { kind: 'empty' };
}

/**
 * Login CSRF (issue 25): the tab that starts single sign-on keeps a random value here; the API
 * carries it through the provider and returns it next to the token. A token arriving with any
 * other value (or none) was not asked for by this tab — a link can carry someone else's token.
 */
export const SSO_TAB_NONCE_KEY = 'powerpto.sso.tabNonce';

/** Where "Continue with …" goes: the start path with a fresh tab nonce, kept in this tab's sessionStorage. */
export function ssoStartUrl(startPath: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const nonce = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  sessionStorage.setItem(SSO_TAB_NONCE_KEY, nonce);
  return `${startPath}${startPath.includes('?') ? '&' : '?'}tab_nonce=${nonce}`;
}

/** The landing as this tab may use it: a token only with the nonce this tab holds, else a refusal. */
export function boundToTab(landing: SsoLanding, tabNonce: string | null): SsoLanding {
  if (landing.kind !== 'token') return landing;
  return tabNonce && landing.tabNonce === tabNonce ? landing : { kind: 'error', code: 'sso_not_started_here' };
}

const STATE_FAILURES = ['authorization_request_not_found', 'invalid_state_parameter', 'invalid_nonce', 'invalid_redirect_uri_parameter'];
const PROVIDER_ANSWER_FAILURES = ['invalid_id_token', 'invalid_token_response', 'invalid_user_info_response', 'missing_user_info_uri', 'unsupported'];

/** The sentence (a message key) that explains a refusal code of the landing page. */
export function ssoErrorKey(code: string): MessageKey {
  switch (code) {
    case 'unknown_user':
      return 'sso.error.unknownUser';
    case 'unverified_email':
      return 'sso.error.unverifiedEmail';
    case 'inactive':
      return 'sso.error.inactive';
    case 'deactivated':
      return 'sso.error.deactivated';
    case 'sso_not_configured':
      return 'sso.error.notConfigured';
    case 'sso_unavailable':
      return 'sso.error.unavailable';
    case 'access_denied':
      return 'sso.error.accessDenied';
    case 'sso_not_started_here':
    case 'sso_start_invalid':
      return 'sso.error.notStartedHere';
    case 'too_many_attempts':
      return 'sso.error.tooManyStarts';
    default:
      if (STATE_FAILURES.includes(code)) return 'sso.error.state';
      if (PROVIDER_ANSWER_FAILURES.includes(code)) return 'sso.error.providerAnswer';
      return 'sso.error.other';
  }
}

/** The "Continue with …" offer for a typed e-mail; null when the company has no single sign-on. */
export function useSsoOffer(email: string) {
  const trimmed = email.trim();
  return useQuery({
    queryKey: ['auth', 'sso-offer', trimmed.toLowerCase()],
    queryFn: async ({ signal }) => {
      try {
        return await apiRequest<SsoOffer>('GET', '/auth/sso', { query: { email: trimmed }, signal, anonymous: true });
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
    // Only an address worth asking about (the API answers 404 for anything else anyway).
    enabled: isEmail(trimmed),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

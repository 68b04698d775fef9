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

export type SsoLanding = { kind: 'token'; token: string } | { kind: 'error'; code: string } | { kind: 'empty' };

/** What the API put in the fragment of /sign-in/sso: `#access_token=…` or `#error=<code>`. */
export function readSsoFragment(hash: string): SsoLanding {
  const params = fragmentParams(hash);
  const token = params.get('access_token')?.trim();
  if (token) return { kind: 'token', token };
  const code = params.get('error')?.trim();
  if (code) return { kind: 'error', code };
  return { kind: 'empty' };
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

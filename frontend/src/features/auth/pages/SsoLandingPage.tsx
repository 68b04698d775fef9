import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router';
import { homePathFor, useAuth } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { PublicPage } from '@/components/layout/PublicPage';
import { useAddressReadOnce } from '@/lib/urlFragment';
import { SsoLanding } from '../components/SsoLanding';
import { boundToTab, readSsoFragment, SSO_TAB_NONCE_KEY } from '../sso';

/**
 * `/sign-in/sso`: where the API sends the browser after single sign-on, with the app's own token
 * (`#access_token=…`) or the reason of a refusal (`#error=…`) in the URL fragment — which no server
 * or proxy ever sees. Read once, then removed from the address bar and the history entry. A token
 * is used only when it comes back with the nonce this tab sent to the start (login CSRF, issue 25).
 */
export default function SsoLandingPage() {
  const t = useT();
  const { signInWithToken } = useAuth();
  const navigate = useNavigate();
  // Read without side effects (React may run it twice); the tab's nonce is used up by the effect below.
  const landing = useAddressReadOnce((hash) => boundToTab(readSsoFragment(hash), sessionStorage.getItem(SSO_TAB_NONCE_KEY)));
  useEffect(() => sessionStorage.removeItem(SSO_TAB_NONCE_KEY), []);
  const onToken = useCallback(
    async (token: string) => {
      const me = await signInWithToken(token);
      navigate(homePathFor(me.role), { replace: true });
    },
    [navigate, signInWithToken],
  );
  return (
    <PublicPage title={t('sso.title')} wide>
      <SsoLanding landing={landing} onToken={onToken} />
    </PublicPage>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { homePathFor, useAuth } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { SsoLanding } from '../components/SsoLanding';
import { readSsoFragment } from '../sso';

/**
 * `/sign-in/sso`: where the API sends the browser after single sign-on, with the app's own token
 * (`#access_token=…`) or the reason of a refusal (`#error=…`) in the URL fragment — which no server
 * or proxy ever sees. Read once, then removed from the address bar and the history entry.
 */
export default function SsoLandingPage() {
  const t = useT();
  const { signInWithToken } = useAuth();
  const navigate = useNavigate();
  const [landing] = useState(() => readSsoFragment(window.location.hash));
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const onToken = useCallback(
    async (token: string) => {
      const me = await signInWithToken(token);
      navigate(homePathFor(me.role), { replace: true });
    },
    [navigate, signInWithToken],
  );
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold text-brand-700">Power PTO</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-900">{t('sso.title')}</h1>
        </div>
        <SsoLanding landing={landing} onToken={onToken} />
      </div>
    </main>
  );
}

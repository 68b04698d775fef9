// What /sign-in/sso shows: "Signing you in…" while the token from the fragment is checked, or
// the plain-language reason why single sign-on refused this person.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '@/i18n/I18nProvider';
import { Button, Spinner } from '@/components/ui/button';
import { errorMessage } from '@/lib/api';
import { ssoErrorKey, type SsoLanding as Landing } from '../sso';

export function SsoLanding({ landing, onToken }: { landing: Landing; onToken: (token: string) => Promise<unknown> }) {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once, even when React runs effects twice in development.
    if (landing.kind !== 'token' || started.current) return;
    started.current = true;
    onToken(landing.token).catch(setFailure);
  }, [landing, onToken]);

  if (landing.kind === 'token' && !failure) {
    return (
      <p role="status" className="flex items-center justify-center gap-2 text-sm text-slate-700" data-testid="sso-signing-in">
        <Spinner /> {t('auth.loading')}
      </p>
    );
  }
  const sentence =
    landing.kind === 'token'
      ? t('sso.error.tokenRefused', { reason: errorMessage(failure) })
      : landing.kind === 'error'
        ? t(ssoErrorKey(landing.code), { code: landing.code })
        : t('sso.nothingToFinish');
  return (
    <div role="alert" className="space-y-4 rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-950" data-testid="sso-refused">
      <h2 className="text-base font-semibold">{t('sso.refusedTitle')}</h2>
      <p data-testid="sso-refusal-reason">{sentence}</p>
      {landing.kind === 'error' && (
        <p className="text-xs text-red-800">{t('sso.errorCode', { code: landing.code })}</p>
      )}
      <Button asChild variant="secondary">
        <Link to="/sign-in">{t('auth.back')}</Link>
      </Button>
    </div>
  );
}

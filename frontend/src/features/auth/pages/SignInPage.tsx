import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { homePathFor, useAuth } from '@/lib/auth';
import { ApiError } from '@/lib/api';
import { useDebouncedValue } from '@/lib/useDebounce';
import { isEmail } from '@/lib/email';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { PublicPage } from '@/components/layout/PublicPage';
import { SsoChoice } from '../components/SsoChoice';
import { useSsoOffer } from '../sso';

// Only bundled in development builds: the dev-header persona switcher.
const PersonaSwitcher = import.meta.env.DEV ? lazy(() => import('../components/PersonaSwitcher')) : null;

export default function SignInPage() {
  const t = useT();
  const { signIn, status, me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);
  // "Continue with <provider>" once the typed e-mail belongs to a company with single sign-on.
  const offer = useSsoOffer(useDebouncedValue(email, 300)).data ?? null;

  if (status === 'ready' && me && !busy) {
    return <Navigate to={state.from && state.from !== '/' ? state.from : homePathFor(me.role)} replace />;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fe: typeof fieldErrors = {};
    if (!email.trim()) fe.email = t('signIn.enterEmail');
    else if (!isEmail(email)) fe.email = t('signIn.invalidEmail');
    if (!password) fe.password = t('signIn.enterPassword');
    setFieldErrors(fe);
    if (fe.email || fe.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(email.trim(), password);
      navigate(state.from && state.from !== '/' ? state.from : homePathFor(me.role), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(new ApiError(401, t('signIn.wrongCredentials')));
      // The right password, but the company signs in with single sign-on only.
      else if (err instanceof ApiError && err.status === 403 && offer)
        setError(new ApiError(403, t('sso.passwordRefused', { provider: offer.provider_name })));
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <PublicPage title={t('signIn.title')}>
      <form
        onSubmit={onSubmit}
        noValidate
        className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        aria-label={t('signIn.formLabel')}
        data-testid="sign-in-form"
      >
        {state.expired && !error && (
          <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t('signIn.sessionEnded')}
          </p>
        )}
        <FormError error={error} />
        <Field label={t('signIn.email')} error={fieldErrors.email} required>
          <Input
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setError(null); // a refusal of what was typed before is stale once it changes
            }}
            data-testid="sign-in-email"
            autoFocus
          />
        </Field>
        {offer?.require_sso && <SsoChoice offer={offer} />}
        <Field label={t('signIn.password')} error={fieldErrors.password} required>
          <Input
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
            data-testid="sign-in-password"
          />
        </Field>
        <Button type="submit" variant={offer?.require_sso ? 'secondary' : 'primary'} className="w-full" loading={busy} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
        {offer && !offer.require_sso && (
          <>
            <p className="text-center text-xs uppercase tracking-wide text-slate-500">{t('signIn.or')}</p>
            <SsoChoice offer={offer} />
          </>
        )}
      </form>
      {PersonaSwitcher && (
        <Suspense fallback={null}>
          <PersonaSwitcher />
        </Suspense>
      )}
    </PublicPage>
  );
}

import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { homePathFor, useAuth } from '@/lib/auth';
import { ApiError } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';

// Only bundled in development builds: the dev-header persona switcher.
const PersonaSwitcher = import.meta.env.DEV ? lazy(() => import('../components/PersonaSwitcher')) : null;

export default function SignInPage() {
  const { signIn, status, me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  if (status === 'ready' && me && !busy) {
    return <Navigate to={state.from && state.from !== '/' ? state.from : homePathFor(me.role)} replace />;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const fe: typeof fieldErrors = {};
    if (!email.trim()) fe.email = 'Enter your work e-mail.';
    else if (!/^\S+@\S+$/.test(email.trim())) fe.email = 'Enter a valid e-mail address.';
    if (!password) fe.password = 'Enter your password.';
    setFieldErrors(fe);
    if (fe.email || fe.password) return;
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(email.trim(), password);
      navigate(state.from && state.from !== '/' ? state.from : homePathFor(me.role), { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, 'Wrong e-mail or password.')
          : err,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-2xl font-bold text-brand-700">Power PTO</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-900">Sign in to your account</h1>
        </div>
        <form
          onSubmit={onSubmit}
          noValidate
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
          aria-label="Sign in"
          data-testid="sign-in-form"
        >
          {state.expired && !error && (
            <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              Your session has ended. Please sign in again.
            </p>
          )}
          <FormError error={error} />
          <Field label="Work e-mail" error={fieldErrors.email} required>
            <Input
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="sign-in-email"
              autoFocus
            />
          </Field>
          <Field label="Password" error={fieldErrors.password} required>
            <Input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="sign-in-password"
            />
          </Field>
          <Button type="submit" className="w-full" loading={busy} data-testid="sign-in-submit">
            Sign in
          </Button>
        </form>
        {PersonaSwitcher && (
          <Suspense fallback={null}>
            <PersonaSwitcher />
          </Suspense>
        )}
      </div>
    </main>
  );
}

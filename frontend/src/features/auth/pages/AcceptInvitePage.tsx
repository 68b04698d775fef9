import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { MIN_PASSWORD_LENGTH, passwordTooShort } from '@/lib/password';
import { useT } from '@/i18n/I18nProvider';
import { PublicPage } from '@/components/layout/PublicPage';
import { fragmentParams, useAddressReadOnce } from '@/lib/urlFragment';

/**
 * The invitation token of a link `/accept-invite#token=…`. The fragment never leaves the browser
 * (no server, proxy or load-balancer log sees it). Links made before issue 16 carried it in the
 * query string (`?token=…`); they still work until they expire.
 */
export function inviteTokenFrom(hash: string, search: string): string {
  const fromFragment = fragmentParams(hash).get('token');
  return (fromFragment ?? new URLSearchParams(search).get('token') ?? '').trim();
}

/** Public page behind an invitation link: choose a password to activate the account. */
export default function AcceptInvitePage() {
  const t = useT();
  const token = useAddressReadOnce(inviteTokenFrom);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState(false);
  const accept = useMutation({
    mutationFn: () => apiRequest<void>('POST', '/auth/accept-invite', { body: { token, password }, anonymous: true }),
  });
  const errors: Record<string, string> = {};
  if (passwordTooShort(password)) errors.password = t('account.password.tooShort', { n: MIN_PASSWORD_LENGTH });
  if (confirm !== password) errors.confirm = t('invite.mismatch');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (token && Object.keys(errors).length === 0) accept.mutate();
  }
  return (
    <PublicPage title={t('invite.title')}>
      {accept.isSuccess ? (
        <div role="status" className="space-y-4 rounded-lg border border-emerald-200 bg-emerald-50 p-6 text-sm">
          <p>{t('invite.activated')}</p>
          <Button asChild>
            <Link to="/sign-in">{t('invite.goToSignIn')}</Link>
          </Button>
        </div>
      ) : !token ? (
        <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-900">
          {t('invite.incomplete')}
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <FormError error={accept.error} />
          <Field label={t('invite.choosePassword')} hint={t('account.password.min', { n: MIN_PASSWORD_LENGTH })} error={shown ? errors.password : undefined} required>
            <Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
          <Field label={t('invite.repeatPassword')} error={shown ? errors.confirm : undefined} required>
            <Input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </Field>
          <Button type="submit" className="w-full" loading={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </form>
      )}
    </PublicPage>
  );
}

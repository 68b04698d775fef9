import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, companyPath } from '@/lib/api';
import { useAuth, useMe } from '@/lib/auth';
import { fullName } from '@/lib/format';
import type { Account, Employee, Role } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Badge, Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import { MIN_PASSWORD_LENGTH, passwordTooShort } from '@/lib/password';

export function AccountPanel({ employee }: { employee: Employee }) {
  const me = useMe();
  const t = useT();
  const qc = useQueryClient();
  const path = companyPath(me.company_id, `/employees/${employee.id}/account`);
  const account = useQuery({
    queryKey: ['account', me.company_id, employee.id],
    queryFn: async () => {
      try {
        return await api.get<Account>(path);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
  const [role, setRole] = useState<Role | undefined>();
  const [mode, setMode] = useState<'invite' | 'password'>('invite');
  const [password, setPassword] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [shown, setShown] = useState(false);
  const [inviteToken, setInviteToken] = useState<string | null>(null);
  const currentRole = role ?? account.data?.role ?? 'employee';
  const pwError = mode === 'password' && passwordTooShort(password) ? t('account.password.tooShort', { n: MIN_PASSWORD_LENGTH }) : undefined;
  const save = useMutation({
    // The variable: the admin's current password sent along ('' for none).
    mutationFn: (current: string) =>
      api.put<Account>(path, {
        role: currentRole,
        ...(mode === 'password' ? { password } : {}),
        // Step-up: a password, an invitation (a reset link) and a role all act on someone's
        // credentials or powers; the API asks for it unless the admin signed in within 5 minutes.
        ...(current ? { current_password: current } : {}),
      }),
    onSuccess: async (a) => {
      await qc.invalidateQueries({ queryKey: ['account', me.company_id, employee.id] });
      setPassword('');
      setCurrentPassword('');
      setShown(false);
      setInviteToken(a.invite_token ?? null);
      toast(a.invite_token ? t('account.panel.invited') : t('account.panel.saved'));
    },
  });
  const { signOut } = useAuth();
  const everywhere = useMutation({
    mutationFn: () => api.post<void>(`${path}/sign-out-everywhere`),
    onSuccess: () => {
      // An admin acting on their own account has just ended this session too.
      if (employee.id === me.user_id) signOut();
      else toast(t('signIn.everywhere.personDone', { name: fullName(employee) }));
    },
  });
  // The re-authentication refusals belong to the "current password" field, not to a raw message.
  const reauthError =
    save.error instanceof ApiError
      ? save.error.status === 403 && !save.variables
        ? t('signIn.reauth.needed')
        : save.error.status === 400 && save.variables && ['wrong_current_password', 'business_rule'].includes(save.error.code ?? '')
          ? t('signIn.reauth.wrong')
          : undefined
      : undefined;
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setShown(true);
    if (!pwError) save.mutate(currentPassword);
  }
  if (account.isPending) return <LoadingState label={t('account.panel.loading')} />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => account.refetch()} />;
  const a = account.data;
  const inviteLink = inviteToken ? `${window.location.origin}/accept-invite#token=${encodeURIComponent(inviteToken)}` : null;
  return (
    <Card className="max-w-2xl">
      <CardTitle>{t('employee.tab.account')}</CardTitle>
      <p className="mt-1 text-sm text-slate-700" data-testid="account-status">
        {a ? (
          <>
            {a.email} · <Badge tone={a.active ? 'green' : 'gray'}>{a.active ? t('employees.status.ACTIVE') : t('account.panel.inactive')}</Badge>{' '}
            <Badge tone={a.has_password ? 'blue' : 'amber'}>{a.has_password ? t('account.panel.passwordSet') : t('account.panel.invitePending')}</Badge>
          </>
        ) : (
          t('account.panel.none')
        )}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        <FormError error={reauthError ? null : save.error} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('account.panel.role')} required>
            <Select
              value={currentRole}
              onValueChange={(x) => setRole(x as Role)}
              options={[
                { value: 'employee', label: t('role.employee') },
                { value: 'manager', label: t('role.manager') },
                { value: 'admin', label: t('role.admin') },
              ]}
              data-testid="account-role"
            />
          </Field>
          <Field label={t('account.panel.access')}>
            <Select
              value={mode}
              onValueChange={(x) => setMode(x as 'invite' | 'password')}
              options={[
                { value: 'invite', label: t('account.panel.sendInvite') },
                { value: 'password', label: t('account.panel.setPassword') },
              ]}
              data-testid="account-mode"
            />
          </Field>
        </div>
        {mode === 'password' && (
          <Field label={t('account.panel.newPassword')} hint={t('account.panel.passwordHint', { n: MIN_PASSWORD_LENGTH })} error={shown ? pwError : undefined} required>
            <Input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="account-password" />
          </Field>
        )}
        <Field label={t('signIn.reauth.label')} hint={t('signIn.reauth.hint')} error={reauthError}>
          <Input
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
            data-testid="account-current-password"
          />
        </Field>
        <Button type="submit" loading={save.isPending} data-testid="account-submit">
          {mode === 'invite' ? (a ? t('account.panel.reinvite') : t('account.panel.createInvite')) : t('account.panel.savePassword')}
        </Button>
      </form>
      {inviteLink && (
        <div role="status" className="mt-4 rounded-md bg-amber-50 p-3 text-sm" data-testid="invite-link">
          <p className="font-medium">{t('account.panel.link')}</p>
          <code className="mt-1 block break-all">{inviteLink}</code>
        </div>
      )}
      {a && (
        <div className="mt-6 space-y-3 border-t border-slate-200 pt-4">
          <p className="text-sm text-slate-600">{t('signIn.everywhere.personHint', { name: fullName(employee) })}</p>
          <FormError error={everywhere.error} />
          <Button
            variant="danger"
            loading={everywhere.isPending}
            onClick={() => window.confirm(t('signIn.everywhere.personConfirm', { name: fullName(employee) })) && everywhere.mutate()}
            data-testid="account-sign-out-everywhere"
          >
            {t('signIn.everywhere.title')}
          </Button>
        </div>
      )}
    </Card>
  );
}

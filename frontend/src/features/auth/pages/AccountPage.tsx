import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Card, CardTitle, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { useIntl } from 'react-intl';
import { PreferencesCard } from '../components/PreferencesCard';
import { NotificationPreferencesCard } from '@/features/notifications/components/NotificationPreferencesCard';
import { CalendarFeedsCard } from '@/features/calendar/components/CalendarFeedsCard';
import { Link } from 'react-router';
import { SignOutEverywhereCard } from '../components/SignOutEverywhereCard';
import { MIN_PASSWORD_LENGTH, passwordTooShort } from '@/lib/password';

export default function AccountPage() {
  const me = useMe();
  const intl = useIntl();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => api.post<void>('/auth/change-password', { current_password: current, new_password: next }),
    onSuccess: () => {
      toast(intl.formatMessage({ id: 'account.password.changed' }));
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!current) errs.current = intl.formatMessage({ id: 'account.password.enterCurrent' });
    if (passwordTooShort(next)) errs.next = intl.formatMessage({ id: 'account.password.tooShort' }, { n: MIN_PASSWORD_LENGTH });
    if (confirm !== next) errs.confirm = intl.formatMessage({ id: 'account.password.mismatch' });
    setErrors(errs);
    if (Object.keys(errs).length === 0) mutation.mutate();
  }

  return (
    <div className="max-w-xl">
      <PageHeader title={intl.formatMessage({ id: 'account.title' })} />
      <PreferencesCard />
      <Card className="mb-6">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-600">{intl.formatMessage({ id: 'policies.col.name' })}</dt>
          <dd>{me.employee ? fullName(me.employee) : '—'}</dd>
          <dt className="text-slate-600">{intl.formatMessage({ id: 'employees.col.email' })}</dt>
          <dd>{me.employee?.email ?? '—'}</dd>
          <dt className="text-slate-600">{intl.formatMessage({ id: 'account.panel.role' })}</dt>
          <dd>{intl.formatMessage({ id: `role.${me.role}` })}</dd>
          <dt className="text-slate-600">{intl.formatMessage({ id: 'employee.form.timezone' })}</dt>
          <dd>{me.employee?.timezone ?? 'UTC'}</dd>
        </dl>
      </Card>
      <Card>
        <CardTitle>{intl.formatMessage({ id: 'account.password.title' })}</CardTitle>
        <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
          <FormError error={mutation.error} />
          <Field label={intl.formatMessage({ id: 'account.password.current' })} error={errors.current} required>
            <Input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </Field>
          <Field label={intl.formatMessage({ id: 'account.panel.newPassword' })} hint={intl.formatMessage({ id: 'account.password.min' }, { n: MIN_PASSWORD_LENGTH })} error={errors.next} required>
            <Input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          </Field>
          <Field label={intl.formatMessage({ id: 'account.password.repeat' })} error={errors.confirm} required>
            <Input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </Field>
          <Button type="submit" loading={mutation.isPending}>
            {intl.formatMessage({ id: 'account.password.title' })}
          </Button>
        </form>
      </Card>
      <SignOutEverywhereCard />
      <NotificationPreferencesCard />
      <CalendarFeedsCard />
      {me.role === 'admin' && (
        <p className="mt-6 text-sm text-slate-600" data-testid="company-settings-link">
          {intl.formatMessage({ id: 'account.companySettings' })}{' '}
          <Link to="/admin/settings" className="font-medium text-brand-700 underline">
            {intl.formatMessage({ id: 'nav.companySettings' })}
          </Link>
        </p>
      )}
    </div>
  );
}

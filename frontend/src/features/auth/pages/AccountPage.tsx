import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName, humanize } from '@/lib/format';
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
import { SsoSettingsCard } from '../components/SsoSettingsCard';

export const MIN_PASSWORD_LENGTH = 10;

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
      toast('Password changed');
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!current) errs.current = 'Enter your current password.';
    if (next.length < MIN_PASSWORD_LENGTH) errs.next = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
    if (confirm !== next) errs.confirm = 'The passwords do not match.';
    setErrors(errs);
    if (Object.keys(errs).length === 0) mutation.mutate();
  }

  return (
    <div className="max-w-xl">
      <PageHeader title={intl.formatMessage({ id: 'account.title' })} />
      <PreferencesCard />
      <Card className="mb-6">
        <dl className="grid grid-cols-[8rem_1fr] gap-y-1 text-sm">
          <dt className="text-slate-600">Name</dt>
          <dd>{me.employee ? fullName(me.employee) : '—'}</dd>
          <dt className="text-slate-600">E-mail</dt>
          <dd>{me.employee?.email ?? '—'}</dd>
          <dt className="text-slate-600">Role</dt>
          <dd>{humanize(me.role)}</dd>
          <dt className="text-slate-600">Time zone</dt>
          <dd>{me.employee?.timezone ?? 'UTC'}</dd>
        </dl>
      </Card>
      <Card>
        <CardTitle>Change password</CardTitle>
        <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
          <FormError error={mutation.error} />
          <Field label="Current password" error={errors.current} required>
            <Input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </Field>
          <Field label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.next} required>
            <Input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
          </Field>
          <Field label="Repeat new password" error={errors.confirm} required>
            <Input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </Field>
          <Button type="submit" loading={mutation.isPending}>
            Change password
          </Button>
        </form>
      </Card>
      <NotificationPreferencesCard />
      <CalendarFeedsCard />
      {me.role === 'admin' && <SsoSettingsCard />}
    </div>
  );
}

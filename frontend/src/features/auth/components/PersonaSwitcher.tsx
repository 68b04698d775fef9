// Development only: act as anyone through the X-Company-Id / X-User-Id / X-Role headers
// (the API accepts them only when ENVIRONMENT=development).
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { homePathFor, useAuth } from '@/lib/auth';
import type { Role } from '@/lib/types';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, NativeSelect } from '@/components/ui/input';
import { FormError } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';

const REMEMBER_KEY = 'powerpto.dev-persona-form';

export default function PersonaSwitcher() {
  const t = useT();
  const { signInAsPersona } = useAuth();
  const navigate = useNavigate();
  const saved = (() => {
    try {
      return JSON.parse(localStorage.getItem(REMEMBER_KEY) ?? '{}') as Partial<Record<string, string>>;
    } catch {
      return {};
    }
  })();
  const [companyId, setCompanyId] = useState(saved.company_id ?? '');
  const [userId, setUserId] = useState(saved.user_id ?? '');
  const [role, setRole] = useState<Role>((saved.role as Role) ?? 'employee');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      localStorage.setItem(REMEMBER_KEY, JSON.stringify({ company_id: companyId, user_id: userId, role }));
      const me = await signInAsPersona({ company_id: companyId.trim(), user_id: userId.trim(), role });
      navigate(homePathFor(me.role), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="mt-6 rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4" data-testid="persona-switcher">
      <summary className="cursor-pointer text-sm font-semibold text-amber-900">{t('signIn.persona.title')}</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-3">
        <FormError error={error} />
        <Field label={t('signIn.persona.companyId')}>
          <Input value={companyId} onChange={(e) => setCompanyId(e.target.value)} placeholder="uuid" />
        </Field>
        <Field label={t('signIn.persona.userId')}>
          <Input value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="uuid" />
        </Field>
        <Field label={t('signIn.persona.role')}>
          <NativeSelect value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="employee">{t('role.employee')}</option>
            <option value="manager">{t('role.manager')}</option>
            <option value="admin">{t('role.admin')}</option>
          </NativeSelect>
        </Field>
        <Button type="submit" variant="secondary" loading={busy} disabled={!companyId || !userId}>
          {t('signIn.persona.submit')}
        </Button>
      </form>
    </details>
  );
}

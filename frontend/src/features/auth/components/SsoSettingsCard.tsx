// Admin: the company's single sign-on (OpenID Connect) settings. The client secret is write-only:
// the API never returns it (only `has_client_secret`), so the field stays empty and "leave empty to
// keep" applies once one is stored.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { fullName } from '@/lib/format';
import { useEmployees } from '@/lib/queries';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Checkbox, Field } from '@/components/ui/field';
import { Input, NativeSelect } from '@/components/ui/input';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import type { SsoSettings } from '../sso';
import type { MessageKey } from '@/i18n/messages/en';

interface Form {
  provider_name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  email_domain: string;
  require_sso: boolean;
  break_glass_employee_id: string;
}

function formOf(s: SsoSettings | null, meId: string, email: string | undefined): Form {
  return {
    provider_name: s?.provider_name ?? '',
    issuer: s?.issuer ?? '',
    client_id: s?.client_id ?? '',
    client_secret: '',
    email_domain: s?.email_domain ?? (email?.split('@')[1] ?? ''),
    require_sso: s?.require_sso ?? false,
    break_glass_employee_id: s?.break_glass_employee_id ?? meId,
  };
}

export function SsoSettingsCard() {
  const me = useMe();
  const settings = useQuery({
    queryKey: ssoKey(me.company_id),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<SsoSettings>(companyPath(me.company_id, '/sso'), undefined, signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.data === undefined) return <LoadingState />;
  // Settings changed on the server (saved, removed) start the form afresh from them; a refetch of
  // the same settings keeps what the admin is typing.
  return (
    <SsoSettingsForm
      key={settings.data?.updated_at ?? 'none'}
      stored={settings.data}
      initial={formOf(settings.data, me.user_id, me.employee?.email)}
    />
  );
}

const ssoKey = (companyId: string) => ['companies', companyId, 'sso'];

type Required = 'provider_name' | 'issuer' | 'client_id' | 'client_secret' | 'email_domain';

/**
 * The form's own checks, so every empty required field gets its sentence at once (the server
 * names only the first field it refuses). Values are message keys.
 */
export function validateSso(f: Form, hasStoredSecret: boolean): Partial<Record<Required, MessageKey>> {
  const e: Partial<Record<Required, MessageKey>> = {};
  if (!f.provider_name.trim()) e.provider_name = 'sso.settings.required.provider_name';
  if (!f.issuer.trim()) e.issuer = 'sso.settings.required.issuer';
  else if (!/^https?:\/\/[^\s/]+/.test(f.issuer.trim())) e.issuer = 'sso.settings.invalid.issuer';
  if (!f.client_id.trim()) e.client_id = 'sso.settings.required.client_id';
  if (!hasStoredSecret && !f.client_secret) e.client_secret = 'sso.settings.required.client_secret';
  if (!f.email_domain.trim()) e.email_domain = 'sso.settings.required.email_domain';
  return e;
}

function SsoSettingsForm({ stored, initial }: { stored: SsoSettings | null; initial: Form }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const employees = useEmployees();
  const [form, setForm] = useState<Form>(initial);

  const save = useMutation({
    mutationFn: (f: Form) =>
      api.put<SsoSettings>(companyPath(me.company_id, '/sso'), {
        provider_name: f.provider_name,
        issuer: f.issuer,
        client_id: f.client_id,
        // Omitted = keep the stored secret.
        ...(f.client_secret ? { client_secret: f.client_secret } : {}),
        email_domain: f.email_domain,
        require_sso: f.require_sso,
        break_glass_employee_id: f.break_glass_employee_id || null,
      }),
    onSuccess: (view) => {
      queryClient.setQueryData(ssoKey(me.company_id), view);
      toast(t('sso.settings.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: () => api.del<void>(companyPath(me.company_id, '/sso')),
    onSuccess: () => {
      queryClient.setQueryData(ssoKey(me.company_id), null);
      toast(t('sso.settings.removed'));
    },
  });

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const [checked, setChecked] = useState(false);
  const own = validateSso(form, !!stored?.has_client_secret);
  const ownCount = Object.keys(own).length;
  // the form's own sentence first; else what the server said about the field
  const fieldError = (field: string) => {
    const key = checked ? own[field as Required] : undefined;
    if (key) return t(key);
    return save.error instanceof ApiError ? save.error.fieldError(field) : undefined;
  };
  // The API names the callback once settings exist; before the first save, the path it will use.
  const callback = window.location.origin + (stored?.redirect_path ?? `/api/auth/oidc/callback/${me.company_id}`);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (ownCount > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="sso-settings"] [aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate(form);
  }

  return (
    <Card data-testid="sso-settings">
      <CardTitle>{t('sso.settings.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('sso.settings.intro')}</p>
      <p className="mt-2 break-all rounded bg-slate-50 p-2 text-xs text-slate-700">
        {t('sso.settings.redirectUri')} <code data-testid="sso-redirect-uri">{callback}</code>
      </p>
      <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
        {checked && ownCount > 0 ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900" data-testid="sso-fix-count">
            {t('sso.settings.fixCount', { count: ownCount })}
          </p>
        ) : (
          <FormError error={save.error ?? remove.error} />
        )}
        <Field label={t('sso.settings.providerName')} hint={t('sso.settings.providerNameHint')} error={fieldError('provider_name')} required>
          <Input value={form.provider_name} onChange={(e) => set('provider_name', e.target.value)} data-testid="sso-provider-name" />
        </Field>
        <Field label={t('sso.settings.issuer')} hint={t('sso.settings.issuerHint')} error={fieldError('issuer')} required>
          <Input type="url" value={form.issuer} onChange={(e) => set('issuer', e.target.value)} data-testid="sso-issuer" />
        </Field>
        <Field label={t('sso.settings.clientId')} error={fieldError('client_id')} required>
          <Input value={form.client_id} onChange={(e) => set('client_id', e.target.value)} data-testid="sso-client-id" />
        </Field>
        <Field
          label={t('sso.settings.clientSecret')}
          hint={stored?.has_client_secret ? t('sso.settings.clientSecretKept') : t('sso.settings.clientSecretHint')}
          error={fieldError('client_secret')}
          required={!stored?.has_client_secret}
        >
          <Input
            type="password"
            autoComplete="off"
            value={form.client_secret}
            placeholder={stored?.has_client_secret ? '••••••••' : ''}
            onChange={(e) => set('client_secret', e.target.value)}
            data-testid="sso-client-secret"
          />
        </Field>
        <Field label={t('sso.settings.emailDomain')} hint={t('sso.settings.emailDomainHint')} error={fieldError('email_domain')} required>
          <Input value={form.email_domain} onChange={(e) => set('email_domain', e.target.value)} data-testid="sso-email-domain" />
        </Field>
        <Checkbox
          label={t('sso.settings.requireSso')}
          hint={t('sso.settings.requireSsoHint')}
          checked={form.require_sso}
          onChange={(v) => set('require_sso', v)}
          testId="sso-require"
        />
        <Field label={t('sso.settings.breakGlass')} hint={t('sso.settings.breakGlassHint')} error={fieldError('break_glass_employee_id')}>
          <NativeSelect value={form.break_glass_employee_id} onChange={(e) => set('break_glass_employee_id', e.target.value)} data-testid="sso-break-glass">
            <option value="">{t('sso.settings.noBreakGlass')}</option>
            {(employees.data ?? (me.employee ? [me.employee] : [])).map((e) => (
              <option key={e.id} value={e.id}>
                {fullName(e)} ({e.email})
              </option>
            ))}
          </NativeSelect>
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} data-testid="sso-save">
            {t('sso.settings.save')}
          </Button>
          {stored && (
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => window.confirm(t('sso.settings.removeConfirm')) && remove.mutate()}
              data-testid="sso-remove"
            >
              {t('sso.settings.remove')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

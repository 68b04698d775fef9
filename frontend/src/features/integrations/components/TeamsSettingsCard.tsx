// Admin: the company's Microsoft Teams channel (issue 29): the incoming-webhook URL of a Teams
// Workflows flow. Write-only like a secret: the API shows its host only.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, companyPath } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { useT } from '@/i18n/I18nProvider';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { getOrNull } from './SlackSettingsCard';

interface TeamsSettings {
  has_webhook_url: boolean;
  webhook_host: string;
  updated_at: string;
}

const teamsKey = (companyId: string) => ['companies', companyId, 'integrations', 'teams'];

export function TeamsSettingsCard() {
  const me = useMe();
  const settings = useQuery({
    queryKey: teamsKey(me.company_id),
    queryFn: ({ signal }) => getOrNull<TeamsSettings>(companyPath(me.company_id, '/integrations/teams'), signal),
  });
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.data === undefined) return <LoadingState />;
  return <TeamsSettingsForm key={settings.data?.updated_at ?? 'none'} stored={settings.data} />;
}

function TeamsSettingsForm({ stored }: { stored: TeamsSettings | null }) {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const [url, setUrl] = useState('');
  const path = companyPath(me.company_id, '/integrations/teams');
  const save = useMutation({
    mutationFn: () => api.put<TeamsSettings>(path, { webhook_url: url }),
    onSuccess: (view) => {
      qc.setQueryData(teamsKey(me.company_id), view);
      toast(t('teams.settings.saved'));
    },
  });
  const check = useMutation({
    mutationFn: () => api.post<{ ok: boolean; status: number }>(`${path}/test`),
    onSuccess: () => toast(t('teams.settings.connected')),
  });
  const remove = useMutation({
    mutationFn: () => api.del<void>(path),
    onSuccess: () => {
      qc.setQueryData(teamsKey(me.company_id), null);
      toast(t('teams.settings.removed'));
    },
  });
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Card data-testid="teams-settings">
      <CardTitle>{t('teams.settings.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('teams.settings.intro')}</p>
      {stored && (
        <p className="mt-2 text-sm" data-testid="teams-host">
          {t('teams.settings.current', { host: stored.webhook_host })}
        </p>
      )}
      <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
        <FormError error={save.error ?? check.error ?? remove.error} />
        <Field
          label={t('teams.settings.webhookUrl')}
          hint={t('teams.settings.webhookUrlHint')}
          error={save.error instanceof ApiError ? save.error.fieldError('webhook_url') : undefined}
          required
        >
          <Input
            type="password"
            autoComplete="off"
            value={url}
            placeholder={stored ? '••••••••' : 'https://…'}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="teams-webhook-url"
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} disabled={!url} data-testid="teams-save">
            {t('teams.settings.save')}
          </Button>
          {stored && (
            <Button variant="secondary" loading={check.isPending} onClick={() => check.mutate()} data-testid="teams-test">
              {t('teams.settings.test')}
            </Button>
          )}
          {stored && (
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => window.confirm(t('teams.settings.removeConfirm')) && remove.mutate()}
              data-testid="teams-remove"
            >
              {t('teams.settings.remove')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

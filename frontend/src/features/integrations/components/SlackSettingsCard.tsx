// Admin: the company's Slack app (issue 29). Bot token and signing secret are write-only: the API
// never returns them, so the fields stay empty and "leave empty to keep" applies once stored.
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

export interface SlackSettings {
  team_id: string;
  team_name: string | null;
  bot_user_id: string | null;
  has_bot_token: boolean;
  has_signing_secret: boolean;
  interactivity_url: string;
  updated_at: string;
}

export const slackKey = (companyId: string) => ['companies', companyId, 'integrations', 'slack'];

/** GET that answers null for "not configured" (404). */
export async function getOrNull<T>(path: string, signal?: AbortSignal): Promise<T | null> {
  try {
    return await api.get<T>(path, undefined, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function SlackSettingsCard() {
  const me = useMe();
  const settings = useQuery({
    queryKey: slackKey(me.company_id),
    queryFn: ({ signal }) => getOrNull<SlackSettings>(companyPath(me.company_id, '/integrations/slack'), signal),
  });
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.data === undefined) return <LoadingState />;
  return <SlackSettingsForm key={settings.data?.updated_at ?? 'none'} stored={settings.data} />;
}

function SlackSettingsForm({ stored }: { stored: SlackSettings | null }) {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const [botToken, setBotToken] = useState('');
  const [signingSecret, setSigningSecret] = useState('');
  const path = companyPath(me.company_id, '/integrations/slack');

  const save = useMutation({
    mutationFn: () =>
      api.put<SlackSettings>(path, {
        // Omitted = keep the stored one.
        ...(botToken ? { bot_token: botToken } : {}),
        ...(signingSecret ? { signing_secret: signingSecret } : {}),
      }),
    onSuccess: (view) => {
      qc.setQueryData(slackKey(me.company_id), view);
      void qc.invalidateQueries({ queryKey: ['notification-preferences'] });
      toast(t('slack.settings.saved', { team: view.team_name ?? view.team_id }));
    },
  });
  const check = useMutation({
    mutationFn: () => api.post<{ ok: boolean; team_id: string; team_name: string | null }>(`${path}/test`),
    onSuccess: (r) => toast(t('slack.settings.connected', { team: r.team_name ?? r.team_id })),
  });
  const remove = useMutation({
    mutationFn: () => api.del<void>(path),
    onSuccess: () => {
      qc.setQueryData(slackKey(me.company_id), null);
      toast(t('slack.settings.removed'));
    },
  });
  const fieldError = (field: string) => (save.error instanceof ApiError ? save.error.fieldError(field) : undefined);
  const interactivity = stored?.interactivity_url
    ?? `${window.location.origin}/api/integrations/slack/interactions?company_id=${me.company_id}`;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <Card data-testid="slack-settings">
      <CardTitle>{t('slack.settings.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('slack.settings.intro')}</p>
      {stored && (
        <p className="mt-2 text-sm" data-testid="slack-workspace">
          {t('slack.settings.workspace', { team: stored.team_name ?? stored.team_id })}
        </p>
      )}
      <p className="mt-2 break-all rounded bg-slate-50 p-2 text-xs text-slate-700">
        {t('slack.settings.interactivityUrl')} <code data-testid="slack-interactivity-url">{interactivity}</code>
      </p>
      <form className="mt-4 space-y-4" onSubmit={onSubmit} noValidate>
        <FormError error={save.error ?? check.error ?? remove.error} />
        <Field
          label={t('slack.settings.botToken')}
          hint={stored ? t('slack.settings.keptHint') : t('slack.settings.botTokenHint')}
          error={fieldError('bot_token')}
          required={!stored}
        >
          <Input
            type="password"
            autoComplete="off"
            value={botToken}
            placeholder={stored ? '••••••••' : 'xoxb-…'}
            onChange={(e) => setBotToken(e.target.value)}
            data-testid="slack-bot-token"
          />
        </Field>
        <Field
          label={t('slack.settings.signingSecret')}
          hint={stored ? t('slack.settings.keptHint') : t('slack.settings.signingSecretHint')}
          error={fieldError('signing_secret')}
          required={!stored}
        >
          <Input
            type="password"
            autoComplete="off"
            value={signingSecret}
            placeholder={stored ? '••••••••' : ''}
            onChange={(e) => setSigningSecret(e.target.value)}
            data-testid="slack-signing-secret"
          />
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} data-testid="slack-save">
            {t('slack.settings.save')}
          </Button>
          {stored && (
            <Button variant="secondary" loading={check.isPending} onClick={() => check.mutate()} data-testid="slack-test">
              {t('slack.settings.test')}
            </Button>
          )}
          {stored && (
            <Button
              variant="danger"
              loading={remove.isPending}
              onClick={() => window.confirm(t('slack.settings.removeConfirm')) && remove.mutate()}
              data-testid="slack-remove"
            >
              {t('slack.settings.remove')}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}

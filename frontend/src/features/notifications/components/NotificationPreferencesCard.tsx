import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { Card, CardTitle } from '@/components/ui/card';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';

export interface NotificationPreference {
  kind: string;
  enabled: boolean;
  can_disable: boolean;
}

/** The message key of each kind's label (`notifications.kind.<kind>`). */
export const KIND_LABELS: Record<string, MessageKey> = {
  request_submitted: 'notifications.kind.request_submitted',
  request_approved: 'notifications.kind.request_approved',
  request_denied: 'notifications.kind.request_denied',
  approved_request_cancelled: 'notifications.kind.approved_request_cancelled',
  forfeit_warning: 'notifications.kind.forfeit_warning',
  termination_final_statement: 'notifications.kind.termination_final_statement',
  invite: 'notifications.kind.invite',
  password_changed: 'notifications.kind.password_changed',
  signed_out_everywhere: 'notifications.kind.signed_out_everywhere',
};

/** Issue 29: the Slack direct messages a person gets, when the company has connected Slack. */
export interface SlackPreferences {
  connected: boolean;
  items: { kind: string; enabled: boolean }[];
}

interface Preferences {
  items: NotificationPreference[];
  slack?: SlackPreferences;
}

/**
 * E-mail preferences per kind; security messages are shown but cannot be turned off. When the
 * company uses Slack, a second column turns each kind's Slack message on or off (e-mail stays).
 */
export function NotificationPreferencesCard() {
  const t = useT();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api.get<Preferences>('/me/notification-preferences'),
  });
  const mutation = useMutation({
    mutationFn: (change: { preferences?: Record<string, boolean>; slack?: Record<string, boolean> }) =>
      api.put<Preferences>('/me/notification-preferences', change),
    onSuccess: (data) => client.setQueryData(['notification-preferences'], data),
  });
  const slack = query.data?.slack?.connected ? query.data.slack : undefined;
  const slackOf = (kind: string) => slack?.items.find((i) => i.kind === kind);

  return (
    <Card className="mt-6" id="notifications">
      <CardTitle>{t('notifications.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">{t('notifications.intro')}</p>
      {query.isLoading && <LoadingState label={t('notifications.loading')} />}
      {query.error && <ErrorState error={query.error} onRetry={() => query.refetch()} />}
      <FormError error={mutation.error} />
      <ul className="mt-3 space-y-2">
        {query.data?.items
          .filter((p) => p.kind !== 'invite')
          .map((p) => (
            <li key={p.kind}>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={p.enabled}
                  disabled={!p.can_disable || mutation.isPending}
                  data-testid={`pref-${p.kind}`}
                  onChange={(e) => mutation.mutate({ preferences: { [p.kind]: e.target.checked } })}
                />
                <span>{KIND_LABELS[p.kind] ? t(KIND_LABELS[p.kind]) : p.kind}</span>
                {!p.can_disable && <span className="text-xs text-slate-500">{t('notifications.alwaysOn')}</span>}
              </label>
              {slackOf(p.kind) && (
                <label className="ml-6 mt-1 flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    checked={slackOf(p.kind)!.enabled}
                    disabled={mutation.isPending}
                    data-testid={`pref-slack-${p.kind}`}
                    onChange={(e) => mutation.mutate({ slack: { [p.kind]: e.target.checked } })}
                  />
                  <span>{t('notifications.slack')}</span>
                </label>
              )}
            </li>
          ))}
      </ul>
    </Card>
  );
}

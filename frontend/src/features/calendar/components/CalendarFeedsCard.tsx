import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { formatDate } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { ErrorState, FormError } from '@/components/ui/states';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';
import { useT } from '@/i18n/I18nProvider';
import type { MessageKey } from '@/i18n/messages/en';

export interface CalendarFeed {
  id: string;
  scope: string;
  include_pending: boolean;
  created_at: string;
  token?: string;
  url?: string;
}

const SCOPES: { scope: string; label: MessageKey; adminOnly?: boolean }[] = [
  { scope: 'mine', label: 'feeds.scope.mine' },
  { scope: 'team', label: 'feeds.scope.team' },
  { scope: 'company', label: 'feeds.scope.company', adminOnly: true },
  { scope: 'holidays', label: 'feeds.scope.holidays' },
];

/** Google Calendar subscribes to webcal:// or https URLs given as cid. */
export function googleUrl(url: string): string {
  return `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(url.replace(/^https?:/, 'webcal:'))}`;
}

export function webcalUrl(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

/** Secret calendar URLs: create (or rotate), copy, subscribe, revoke. The URL is shown once. */
export function CalendarFeedsCard() {
  const me = useMe();
  const t = useT();
  const client = useQueryClient();
  const [fresh, setFresh] = useState<Record<string, CalendarFeed>>({});
  const feeds = useQuery({
    queryKey: ['calendar-feeds'],
    queryFn: () => api.get<{ items: CalendarFeed[] }>('/me/calendar-feeds'),
  });
  const create = useMutation({
    mutationFn: (scope: string) => api.post<CalendarFeed>('/me/calendar-feeds', { scope, include_pending: false }),
    onSuccess: (feed) => {
      setFresh((f) => ({ ...f, [feed.scope]: feed }));
      client.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.del<void>(`/me/calendar-feeds/${id}`),
    onSuccess: () => {
      toast(t('feeds.turnedOff'));
      client.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const live = new Map((feeds.data?.items ?? []).map((f) => [f.scope, f]));

  return (
    <Card className="mt-6" id="calendar">
      <CardTitle>{t('feeds.title')}</CardTitle>
      <p className="mt-1 text-sm text-slate-600">
        {t('feeds.intro')}
      </p>
      {feeds.error && <ErrorState error={feeds.error} onRetry={() => feeds.refetch()} />}
      <FormError error={create.error ?? revoke.error} />
      <ul className="mt-3 space-y-4">
        {SCOPES.filter((s) => !s.adminOnly || me.role === 'admin').map((s) => {
          const existing = live.get(s.scope);
          const shown = fresh[s.scope];
          return (
            <li key={s.scope} className="text-sm" data-testid={`feed-${s.scope}`}>
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium">{t(s.label)}</span>
                <span className="flex gap-2">
                  <Button variant="secondary" size="sm" onClick={() => create.mutate(s.scope)} loading={create.isPending && create.variables === s.scope}>
                    {existing ? t('feeds.newLink') : t('feeds.createLink')}
                  </Button>
                  {existing && (
                    <Button variant="secondary" size="sm" onClick={() => revoke.mutate(existing.id)}>
                      {t('feeds.turnOff')}
                    </Button>
                  )}
                </span>
              </div>
              {shown?.url && existing?.id === shown.id && (
                <div className="mt-2 space-y-1">
                  <Input readOnly value={shown.url} aria-label={t('feeds.urlLabel', { scope: t(s.label) })} onFocus={(e) => e.target.select()} />
                  <div className="flex flex-wrap gap-3">
                    <button
                      type="button"
                      className="text-blue-700 underline"
                      onClick={() => navigator.clipboard?.writeText(shown.url!).then(() => toast(t('feeds.copied')))}
                    >
                      {t('feeds.copy')}
                    </button>
                    <a className="text-blue-700 underline" href={googleUrl(shown.url)} target="_blank" rel="noreferrer">
                      {t('feeds.google')}
                    </a>
                    <a className="text-blue-700 underline" href={webcalUrl(shown.url)}>
                      {t('feeds.outlookApple')}
                    </a>
                  </div>
                  <p className="text-xs text-slate-500">{t('feeds.copyNow')}</p>
                </div>
              )}
              {existing && !shown && <p className="text-xs text-slate-500">{t('feeds.activeSince', { date: formatDate(existing.created_at.slice(0, 10)) })}</p>}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useMe } from '@/lib/auth';
import { Button } from '@/components/ui/button';
import { Card, CardTitle } from '@/components/ui/card';
import { ErrorState, FormError } from '@/components/ui/states';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toast';

export interface CalendarFeed {
  id: string;
  scope: string;
  include_pending: boolean;
  created_at: string;
  token?: string;
  url?: string;
}

const SCOPES: { scope: string; label: string; adminOnly?: boolean }[] = [
  { scope: 'mine', label: 'My time off' },
  { scope: 'team', label: 'My team' },
  { scope: 'company', label: 'Whole company', adminOnly: true },
  { scope: 'holidays', label: 'Company holidays' },
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
      toast('Calendar link turned off');
      client.invalidateQueries({ queryKey: ['calendar-feeds'] });
    },
  });
  const live = new Map((feeds.data?.items ?? []).map((f) => [f.scope, f]));

  return (
    <Card className="mt-6" id="calendar">
      <CardTitle>Calendar subscriptions</CardTitle>
      <p className="mt-1 text-sm text-slate-600">
        Subscribe in Google Calendar, Outlook or Apple Calendar. The links are secret: anyone with one sees names and dates
        (never reasons). Make a new link to turn the old one off.
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
                <span className="font-medium">{s.label}</span>
                <span className="flex gap-2">
                  <Button variant="secondary" size="sm" onClick={() => create.mutate(s.scope)} loading={create.isPending && create.variables === s.scope}>
                    {existing ? 'New link' : 'Create link'}
                  </Button>
                  {existing && (
                    <Button variant="secondary" size="sm" onClick={() => revoke.mutate(existing.id)}>
                      Turn off
                    </Button>
                  )}
                </span>
              </div>
              {shown?.url && existing?.id === shown.id && (
                <div className="mt-2 space-y-1">
                  <Input readOnly value={shown.url} aria-label={`${s.label} calendar URL`} onFocus={(e) => e.target.select()} />
                  <div className="flex flex-wrap gap-3">
                    <button
                      type="button"
                      className="text-blue-700 underline"
                      onClick={() => navigator.clipboard?.writeText(shown.url!).then(() => toast('Link copied'))}
                    >
                      Copy link
                    </button>
                    <a className="text-blue-700 underline" href={googleUrl(shown.url)} target="_blank" rel="noreferrer">
                      Subscribe in Google Calendar
                    </a>
                    <a className="text-blue-700 underline" href={webcalUrl(shown.url)}>
                      Subscribe in Outlook / Apple Calendar
                    </a>
                  </div>
                  <p className="text-xs text-slate-500">Copy it now: it is not shown again.</p>
                </div>
              )}
              {existing && !shown && <p className="text-xs text-slate-500">Active since {existing.created_at.slice(0, 10)}.</p>}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

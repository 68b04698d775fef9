import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { Card, CardTitle } from '@/components/ui/card';
import { ErrorState, FormError, LoadingState } from '@/components/ui/states';

export interface NotificationPreference {
  kind: string;
  enabled: boolean;
  can_disable: boolean;
}

export const KIND_LABELS: Record<string, string> = {
  request_submitted: 'A request waits for my approval',
  request_approved: 'My request was approved',
  request_denied: 'My request was denied',
  approved_request_cancelled: 'Time off I approved was cancelled',
  forfeit_warning: 'Time off is about to be forfeited (14 days ahead)',
  termination_final_statement: 'Final statement when someone leaves (admins)',
  invite: 'Invitations',
  password_changed: 'My password was changed',
  signed_out_everywhere: 'I was signed out everywhere',
};

/** E-mail preferences per kind; security messages are shown but cannot be turned off. */
export function NotificationPreferencesCard() {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api.get<{ items: NotificationPreference[] }>('/me/notification-preferences'),
  });
  const mutation = useMutation({
    mutationFn: (change: Record<string, boolean>) =>
      api.put<{ items: NotificationPreference[] }>('/me/notification-preferences', { preferences: change }),
    onSuccess: (data) => client.setQueryData(['notification-preferences'], data),
  });

  return (
    <Card className="mt-6" id="notifications">
      <CardTitle>E-mail notifications</CardTitle>
      <p className="mt-1 text-sm text-slate-600">Choose which e-mails you get. Security messages are always sent.</p>
      {query.isLoading && <LoadingState />}
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
                  onChange={(e) => mutation.mutate({ [p.kind]: e.target.checked })}
                />
                <span>{KIND_LABELS[p.kind] ?? p.kind}</span>
                {!p.can_disable && <span className="text-xs text-slate-500">(security, always on)</span>}
              </label>
            </li>
          ))}
      </ul>
    </Card>
  );
}

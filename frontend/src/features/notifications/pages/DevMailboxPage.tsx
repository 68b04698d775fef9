import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';

interface Received {
  message_id: string;
  from: string | null;
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  received_at: string | null;
}

/** Turns the message's absolute links into same-origin paths, so they open in this app. */
export function linkify(text: string): (string | { href: string })[] {
  const parts: (string | { href: string })[] = [];
  const re = /https?:\/\/[^\s]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    parts.push({ href: m[0] });
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function localHref(href: string): string {
  try {
    const u = new URL(href);
    return u.pathname + u.search + u.hash;
  } catch {
    return href;
  }
}

/** Development only: every e-mail the embedded SMTP server received. */
export default function DevMailboxPage() {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['dev-mailbox'],
    queryFn: () => api.get<{ items: Received[]; total: number }>('/dev/mailbox'),
    refetchInterval: 3000,
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('mailbox.title')} description={t('mailbox.description')} />
      {query.isLoading && <LoadingState label={t('mailbox.loading')} />}
      {query.error && <ErrorState error={query.error} title={t('mailbox.unavailable')} />}
      {query.data && query.data.items.length === 0 && <EmptyState title={t('mailbox.empty')} />}
      <ul className="space-y-3">
        {query.data?.items.map((m) => (
          <li key={m.message_id}>
            <Card>
              <button type="button" className="w-full text-left" onClick={() => setOpen(open === m.message_id ? null : m.message_id)}>
                <div className="font-medium" data-testid="mail-subject">{m.subject}</div>
                <div className="text-xs text-slate-600">
                  {t('mailbox.to', { to: m.to.join(', ') })} · {m.received_at ?? ''}
                </div>
              </button>
              {open === m.message_id && (
                <pre className="mt-3 whitespace-pre-wrap text-sm" data-testid="mail-body">
                  {linkify(m.text ?? '').map((p, i) =>
                    typeof p === 'string' ? (
                      p
                    ) : (
                      <a key={i} href={localHref(p.href)} className="text-blue-700 underline">
                        {p.href}
                      </a>
                    ),
                  )}
                </pre>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

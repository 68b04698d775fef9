// Development only (make run): the signed-in person's Slack direct messages in the local Slack
// stand-in, drawn from their Block Kit blocks, with the buttons working as in Slack: a click is sent
// to the app's interactivity endpoint signed as Slack signs it (issue 29).
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { Button } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { EmptyState, ErrorState, FormError, LoadingState } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';

interface Block {
  type: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { type: string; text?: string | { text: string }; action_id?: string; value?: string; style?: string }[];
}

interface DevMessage {
  channel: string;
  ts: string;
  text: string | null;
  blocks: Block[];
  updates: number;
}

/** Slack mrkdwn as plain text: *bold* markers, escapes and <url|label> links. */
export function mrkdwn(text: string): string {
  return text
    .replace(/<([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/\*([^*]+)\*/g, '$1')
    .replace(/:[a-z_]+: /g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function linkOf(blocks: Block[]): string | null {
  for (const b of blocks) {
    for (const e of b.elements ?? []) {
      const text = typeof e.text === 'string' ? e.text : undefined;
      const m = text?.match(/<([^|>]+)\|/);
      if (m) {
        try {
          const u = new URL(m[1]);
          return u.pathname + u.search;
        } catch {
          return null;
        }
      }
    }
  }
  return null;
}

export default function DevSlackPage() {
  const t = useT();
  const query = useQuery({
    queryKey: ['dev-slack'],
    queryFn: () => api.get<{ team_id: string; items: DevMessage[]; total: number }>('/dev/slack'),
    refetchInterval: 2000,
  });
  return (
    <div className="max-w-3xl">
      <PageHeader title={t('devSlack.title')} description={t('devSlack.description')} />
      {query.isLoading && <LoadingState label={t('devSlack.loading')} />}
      {query.error && <ErrorState error={query.error} title={t('devSlack.unavailable')} />}
      {query.data && query.data.items.length === 0 && <EmptyState title={t('devSlack.empty')} />}
      <ul className="space-y-3">
        {query.data?.items.map((m) => (
          <li key={m.channel + m.ts}>
            <SlackMessage message={m} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SlackMessage({ message }: { message: DevMessage }) {
  const t = useT();
  const qc = useQueryClient();
  const [denying, setDenying] = useState(false);
  const [note, setNote] = useState('');
  const click = useMutation({
    mutationFn: (action: 'approve' | 'deny') =>
      api.post<{ status: number; body: string | null }>('/dev/slack/click', {
        channel: message.channel,
        ts: message.ts,
        action,
        ...(action === 'deny' ? { note } : {}),
      }),
    onSuccess: () => {
      setDenying(false);
      void qc.invalidateQueries({ queryKey: ['dev-slack'] });
    },
  });
  const link = linkOf(message.blocks);
  return (
    <Card data-testid="slack-message" data-ts={message.ts}>
      {message.blocks.map((b, i) => {
        if (b.type === 'header') {
          return (
            <h2 key={i} className="text-base font-semibold" data-testid="slack-headline">
              {b.text?.text}
            </h2>
          );
        }
        if (b.type === 'section') {
          return (
            <div key={i} className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
              {b.text && <p className="sm:col-span-2 font-medium" data-testid="slack-outcome">{mrkdwn(b.text.text)}</p>}
              {b.fields?.map((f, j) => {
                const [label, ...rest] = mrkdwn(f.text).split('\n');
                return (
                  <div key={j}>
                    <div className="text-xs text-slate-600">{label}</div>
                    <div>{rest.join(' ')}</div>
                  </div>
                );
              })}
            </div>
          );
        }
        if (b.type === 'context') {
          const text = (b.elements ?? []).map((e) => (typeof e.text === 'string' ? mrkdwn(e.text) : '')).join(' ');
          if (link && text === 'Open in Power PTO') {
            return (
              <p key={i} className="mt-2 text-sm">
                <a href={link} className="text-blue-700 underline">{t('devSlack.open')}</a>
              </p>
            );
          }
          return (
            <p key={i} className="mt-2 text-sm text-slate-700" data-testid="slack-context">
              {text}
            </p>
          );
        }
        if (b.type === 'actions') {
          return (
            <div key={i} className="mt-3 flex flex-wrap gap-2">
              {(b.elements ?? []).map((e) =>
                e.action_id === 'approve' ? (
                  <Button key="approve" size="sm" loading={click.isPending} onClick={() => click.mutate('approve')} data-testid="slack-approve">
                    {t('devSlack.approve')}
                  </Button>
                ) : e.action_id === 'deny' ? (
                  <Button key="deny" size="sm" variant="danger" onClick={() => setDenying(true)} data-testid="slack-deny">
                    {t('devSlack.deny')}
                  </Button>
                ) : null,
              )}
            </div>
          );
        }
        return null;
      })}
      {denying && (
        <div className="mt-3 space-y-2 rounded border border-slate-200 p-3" role="dialog" aria-label={t('devSlack.denyTitle')}>
          <Field label={t('devSlack.note')}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} data-testid="slack-deny-note" />
          </Field>
          <div className="flex gap-2">
            <Button size="sm" variant="danger" loading={click.isPending} onClick={() => click.mutate('deny')} data-testid="slack-deny-submit">
              {t('devSlack.deny')}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setDenying(false)}>
              {t('devSlack.cancel')}
            </Button>
          </div>
        </div>
      )}
      <FormError error={click.error} />
    </Card>
  );
}

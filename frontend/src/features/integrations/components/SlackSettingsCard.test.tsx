// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, json, renderSignedIn, stubApi, type ApiCall } from '@/test/app';
import { SlackSettingsCard, type SlackSettings } from './SlackSettingsCard';
import { NotificationPreferencesCard } from '@/features/notifications/components/NotificationPreferencesCard';
import { ResendInvitationsCard } from '@/features/imports/components/ResendInvitationsCard';

const stored: SlackSettings = {
  team_id: 'T0ACME',
  team_name: 'Acme',
  bot_user_id: 'U0BOT',
  has_bot_token: true,
  has_signing_secret: true,
  interactivity_url: `https://pto.acme.test/api/integrations/slack/interactions?company_id=${CID}`,
  updated_at: '2026-11-01T10:00:00Z',
};

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

describe('Slack settings card (issue 29)', () => {
  it('shows the interactivity URL; secrets are write-only and an empty field keeps the stored one', async () => {
    const calls = stubApi((call: ApiCall) => {
      if (call.path !== `/companies/${CID}/integrations/slack`) return undefined;
      if (call.method === 'PUT') return { ...stored, updated_at: '2026-11-02T10:00:00Z' };
      return stored;
    });
    renderSignedIn(<SlackSettingsCard />);
    expect((await screen.findByTestId('slack-interactivity-url')).textContent).toBe(stored.interactivity_url);
    expect(screen.getByTestId('slack-workspace').textContent).toContain('Acme');
    expect((screen.getByTestId('slack-bot-token') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByTestId('slack-signing-secret'), { target: { value: 'newsecret0123456789' } });
    fireEvent.click(screen.getByTestId('slack-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ signing_secret: 'newsecret0123456789' });
  });

  it('says why Slack refused the token', async () => {
    stubApi((call: ApiCall) => {
      if (call.path !== `/companies/${CID}/integrations/slack`) return undefined;
      if (call.method === 'PUT') {
        return json({ error: 'Slack did not accept the bot token: invalid_auth', detail: null, status_code: 400, code: 'slack_refused' }, 400);
      }
      return json({ error: 'not found', detail: null, status_code: 404 }, 404);
    });
    renderSignedIn(<SlackSettingsCard />);
    fireEvent.change(await screen.findByTestId('slack-bot-token'), { target: { value: 'xoxb-revoked-1234567890' } });
    fireEvent.change(screen.getByTestId('slack-signing-secret'), { target: { value: 'abcdef0123456789' } });
    fireEvent.click(screen.getByTestId('slack-save'));
    expect(await screen.findByText(/invalid_auth/)).toBeTruthy();
  });
});

describe('notification preferences with Slack (issue 29)', () => {
  it('offers a Slack switch per kind only when the company uses Slack, and sends it as slack', async () => {
    const calls = stubApi((call: ApiCall) => {
      if (call.path !== '/me/notification-preferences') return undefined;
      return {
        items: [
          { kind: 'request_submitted', enabled: true, can_disable: true },
          { kind: 'password_changed', enabled: true, can_disable: false },
        ],
        slack: { connected: true, items: [{ kind: 'request_submitted', enabled: true }] },
      };
    });
    renderSignedIn(<NotificationPreferencesCard />);
    const slack = await screen.findByTestId('pref-slack-request_submitted');
    expect(screen.queryByTestId('pref-slack-password_changed')).toBeNull();
    fireEvent.click(slack);
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ slack: { request_submitted: false } });
  });

  it('shows no Slack switch when Slack is not connected', async () => {
    stubApi((call: ApiCall) =>
      call.path === '/me/notification-preferences'
        ? { items: [{ kind: 'request_submitted', enabled: true, can_disable: true }], slack: { connected: false, items: [] } }
        : undefined,
    );
    renderSignedIn(<NotificationPreferencesCard />);
    await screen.findByTestId('pref-request_submitted');
    expect(screen.queryByTestId('pref-slack-request_submitted')).toBeNull();
  });
});

describe('resend all invitations (issue 26)', () => {
  it('asks first, then says how many were sent; a stale sign-in is explained', async () => {
    let answer: unknown = { resent: 3 };
    const calls = stubApi((call: ApiCall) => (call.path === `/companies/${CID}/invitations/resend` ? answer : undefined));
    vi.stubGlobal('confirm', () => true);
    renderSignedIn(<ResendInvitationsCard />);
    fireEvent.click(await screen.findByTestId('resend-invitations-button'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await screen.findByText('3 invitations sent again')).toBeTruthy();
    answer = json({ error: 'resending invitations needs a recent sign-in: sign in again and retry within 5 minutes',
      detail: null, status_code: 403, code: 'recent_sign_in_required' }, 403);
    fireEvent.click(screen.getByTestId('resend-invitations-button'));
    expect(await screen.findByText(/more than 5 minutes old/)).toBeTruthy(); // the code's own sentence (lib/errors)
  });
});

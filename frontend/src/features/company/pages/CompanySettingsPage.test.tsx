// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { clearSession } from '@/lib/session';
import { CID, json, renderSignedIn, stubApi } from '@/test/app';
import CompanySettingsPage, { SECTIONS } from './CompanySettingsPage';
import AccountPage from '@/features/auth/pages/AccountPage';
import { navFor } from '@/components/layout/AppShell';

afterEach(() => {
  cleanup();
  clearSession();
  vi.unstubAllGlobals();
});

describe('company settings page (issue 26)', () => {
  it('holds the single sign-on settings in their own section; the admin navigation leads there', async () => {
    stubApi((call) => (call.path === `/companies/${CID}/sso` ? json({ error: 'none', detail: null, status_code: 404 }, 404) : undefined));
    renderSignedIn(<CompanySettingsPage />);
    const section = await screen.findByTestId('company-section-sso');
    expect(section.getAttribute('aria-label')).toBe('Single sign-on');
    expect(await screen.findByTestId('sso-settings')).toBeTruthy();
    // the chat integrations (issue 29) are sections of the same page
    expect(SECTIONS.map((s) => s.id)).toEqual(['sso', 'slack', 'teams']);
    expect(await screen.findByTestId('slack-settings')).toBeTruthy();
    expect(await screen.findByTestId('teams-settings')).toBeTruthy();
    expect(navFor('admin').flatMap((s) => s.items.map((i) => i.to))).toContain('/admin/settings');
    expect(navFor('manager').flatMap((s) => s.items.map((i) => i.to))).not.toContain('/admin/settings');
  });

  it('the account page keeps the personal things and points admins to the company settings', async () => {
    stubApi(() => undefined);
    renderSignedIn(<AccountPage />, { path: '/account' });
    expect(await screen.findByTestId('company-settings-link')).toBeTruthy();
    expect(screen.queryByTestId('sso-settings')).toBeNull();
    expect(screen.queryByTestId('slack-settings')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Change password' })).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useIntl } from 'react-intl';
import { I18nProvider } from './I18nProvider';
import { browserLocale } from './locale';
import { PreferencesCard } from '@/features/auth/components/PreferencesCard';

function Nav() {
  const intl = useIntl();
  return (
    <p data-testid="nav">
      {intl.formatMessage({ id: 'nav.balances' })} · {intl.formatDate(new Date(Date.UTC(2026, 11, 24, 12)), { dateStyle: 'long' })} ·{' '}
      {intl.formatNumber(1234.5)}
    </p>
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  document.documentElement.classList.remove('dark');
});

describe('language', () => {
  it('follows the browser by default', () => {
    expect(browserLocale(['de-DE', 'en'])).toBe('de');
    expect(browserLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(browserLocale(['fr'])).toBe('en');
  });

  it('switches on the account page: messages, dates and numbers, remembered in this browser', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider locale="en">
        <Nav />
        <PreferencesCard />
      </I18nProvider>,
    );
    expect(screen.getByTestId('nav').textContent).toBe('My balances · December 24, 2026 · 1,234.5');
    await user.selectOptions(screen.getByTestId('language-select'), 'de');
    await waitFor(() => expect(screen.getByTestId('nav').textContent).toBe('Meine Salden · 24. Dezember 2026 · 1.234,5'));
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem('power-pto.locale')).toBe('de');
    // the card itself is translated too
    expect(screen.getByText('Sprache')).toBeTruthy();
  });

  it('switches the theme: dark class on <html>, stored; "system" forgets the choice', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider locale="en">
        <PreferencesCard />
      </I18nProvider>,
    );
    await user.selectOptions(screen.getByTestId('theme-select'), 'dark');
    expect(document.documentElement.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem('power-pto.theme')).toBe('dark');
    await user.selectOptions(screen.getByTestId('theme-select'), 'light');
    expect(document.documentElement.classList.contains('dark')).toBe(false);
    await user.selectOptions(screen.getByTestId('theme-select'), 'system');
    expect(localStorage.getItem('power-pto.theme')).toBeNull();
  });
});

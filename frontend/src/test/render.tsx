// Test helpers: render a component inside the app's providers (messages in a fixed language).
import { render, type RenderOptions } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import type { ReactElement } from 'react';
import en from '@/i18n/messages/en';
import de from '@/i18n/messages/de';
import { setDisplayLocale } from '@/lib/format';

export function renderIn(ui: ReactElement, locale: 'en' | 'de' = 'en', options?: RenderOptions) {
  // as the app's I18nProvider does: dates follow the language
  setDisplayLocale(locale === 'de' ? 'de-DE' : 'en-US');
  return render(
    <IntlProvider locale={locale} messages={locale === 'de' ? { ...en, ...de } : en} defaultLocale="en">
      {ui}
    </IntlProvider>,
    options,
  );
}

import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Card, CardTitle } from '@/components/ui/card';
import { useLocale } from '@/i18n/I18nProvider';
import { LOCALE_NAMES, LOCALES, storedLocale, type Locale } from '@/i18n/locale';
import { setTheme, storedTheme, type ThemeChoice } from '@/i18n/theme';

const selectClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600';

/** Language and appearance, stored in this browser (decision 0030). */
export function PreferencesCard() {
  const intl = useIntl();
  const { setLocale } = useLocale();
  const [language, setLanguage] = useState<Locale | ''>(storedLocale() ?? '');
  const [theme, setThemeChoice] = useState<ThemeChoice>(storedTheme());
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <Card className="mb-6" data-testid="preferences">
      <CardTitle>{t('account.preferences')}</CardTitle>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          {t('account.language')}
          <select
            className={selectClass}
            value={language}
            data-testid="language-select"
            onChange={(e) => {
              const next = (e.target.value || null) as Locale | null;
              setLanguage(next ?? '');
              setLocale(next);
            }}
          >
            <option value="">{`${LOCALE_NAMES.en} / ${LOCALE_NAMES.de} (Browser)`}</option>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
          <span className="mt-1 block text-xs font-normal text-slate-600">{t('account.languageHint')}</span>
        </label>
        <label className="block text-sm font-medium">
          {t('account.theme')}
          <select
            className={selectClass}
            value={theme}
            data-testid="theme-select"
            onChange={(e) => {
              const next = e.target.value as ThemeChoice;
              setThemeChoice(next);
              setTheme(next);
            }}
          >
            <option value="system">{t('account.theme.system')}</option>
            <option value="light">{t('account.theme.light')}</option>
            <option value="dark">{t('account.theme.dark')}</option>
          </select>
        </label>
      </div>
    </Card>
  );
}

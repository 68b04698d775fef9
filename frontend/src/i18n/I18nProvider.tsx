import { createContext, Fragment, useContext, useEffect, useState, type ReactNode } from 'react';
import { setDisplayLocale } from '@/lib/format';
import { IntlProvider, useIntl } from 'react-intl';
import en, { type MessageKey } from './messages/en';
import { initialLocale, storeLocale, type Locale } from './locale';

// English ships in the main bundle (it is also the fallback of every key); other catalogs are
// loaded when chosen, as their own chunk.
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Record<string, string> }>> = {
  de: () => import('./messages/de'),
};

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale | null) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => {} });

/** `t('nav.balances')`: a message of the current language (English when the key is missing). */
export function useT(): (id: MessageKey, values?: Record<string, string | number | Date>) => string {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale());
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Record<string, string> }>({ locale: 'en', messages: en });
  // Until the first chosen catalog is there, nothing is shown: a screen shown in English and then
  // re-mounted in German would lose what was typed in the meantime (issue 26). Later switches keep
  // the current screen until the new catalog arrives.
  const [started, setStarted] = useState(false);
  const current = loaded.locale === locale;
  useEffect(() => {
    if (current) setStarted(true);
  }, [current]);

  useEffect(() => {
    let live = true;
    if (locale === 'en') setLoaded({ locale, messages: en });
    else loaders[locale]().then((m) => live && setLoaded({ locale, messages: { ...en, ...m.default } }));
    document.documentElement.lang = locale;
    return () => {
      live = false;
    };
  }, [locale]);

  setDisplayLocale(loaded.locale === 'de' ? 'de-DE' : 'en-US');

  const setLocale = (next: Locale | null) => {
    storeLocale(next);
    setLocaleState(next ?? initialLocale());
  };

  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={loaded.locale} messages={loaded.messages} defaultLocale="en">
        {/* a new language re-renders every screen (dates and numbers outside react-intl too) */}
        {(started || current) && <Fragment key={loaded.locale}>{children}</Fragment>}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import en from './messages/en';
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

export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale());
  const [messages, setMessages] = useState<Record<string, string>>(en);

  useEffect(() => {
    let live = true;
    if (locale === 'en') setMessages(en);
    else loaders[locale]().then((m) => live && setMessages({ ...en, ...m.default }));
    document.documentElement.lang = locale;
    return () => {
      live = false;
    };
  }, [locale]);

  const setLocale = (next: Locale | null) => {
    storeLocale(next);
    setLocaleState(next ?? initialLocale());
  };

  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={locale} messages={messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

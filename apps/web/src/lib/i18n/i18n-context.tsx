import type { Locale } from '@postplan/contracts';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { browserLanguages, detectLocale, readStoredLocale, storeLocale } from './detect-locale';
import { createTranslate, type Translate } from './translate';

export type I18n = {
  locale: Locale;
  /** BCP 47 tag for Intl and FullCalendar. */
  intlLocale: string;
  t: Translate;
  setLocale: (locale: Locale) => void;
};

const I18nContext = createContext<I18n | null>(null);

export const INTL_LOCALES: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

export function I18nProvider({
  children,
  initialLocale,
}: {
  children: ReactNode;
  initialLocale?: Locale;
}) {
  const [locale, setLocaleState] = useState<Locale>(
    () => initialLocale ?? detectLocale(readStoredLocale(), browserLanguages()),
  );

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({ locale, intlLocale: INTL_LOCALES[locale], t: createTranslate(locale), setLocale }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}

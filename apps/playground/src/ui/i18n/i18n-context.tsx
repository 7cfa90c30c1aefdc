import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { htmlLang, loadLanguage, saveLanguage } from './language';
import { type Language, MESSAGES, type Messages } from './messages';

/** The UI language, its strings, and a way to change it. */
export interface I18n {
  language: Language;
  t: Messages;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/**
 * Provides the UI language: the remembered choice, else the browser's language. Keeps `<html lang>`
 * and the document title in step, so fonts, screen readers and the tab title follow the switch.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => loadLanguage());
  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = htmlLang(language);
    document.title = MESSAGES[language].documentTitle;
  }, [language]);
  const value = useMemo(() => ({ language, t: MESSAGES[language], setLanguage }), [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI strings of the current language (inside {@link I18nProvider}). */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> around the app.');
  return i18n;
}

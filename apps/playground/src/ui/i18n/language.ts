import type { Language } from './messages';

/** Where the chosen UI language is remembered (apart from conversations, so clearing one keeps the other). */
export const LANGUAGE_KEY = 'xinghuo-playground:language';

/** The BCP 47 tag for `<html lang>`: lets the browser pick Chinese fonts and line breaking. */
export function htmlLang(language: Language): string {
  return language === 'zh' ? 'zh-CN' : 'en';
}

/** Chinese when the browser's first preferred language is any Chinese (`zh`, `zh-CN`, `zh-Hant-TW`…). */
export function languageFromBrowser(preferred: readonly string[]): Language {
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The remembered choice, else the browser's language. Storage may be unavailable (private modes). */
export function loadLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
  preferred: readonly string[] = browserLanguages(),
): Language {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANGUAGE_KEY) ?? null;
  } catch {
    // Storage disabled: fall back to the browser's language.
  }
  return stored === 'en' || stored === 'zh' ? stored : languageFromBrowser(preferred);
}

/** Remembers the choice; a full or unavailable storage only forgets it. */
export function saveLanguage(
  language: Language,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

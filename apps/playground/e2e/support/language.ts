import type { BrowserContext } from 'playwright-core';

/** Where the page remembers the chosen UI language (see src/ui/i18n/language.ts). */
export const LANGUAGE_KEY = 'xinghuo-playground:language';

/**
 * Starts every page of `context` in `language` unless the user already picked one, so suites that
 * read English labels do not depend on the machine's locale.
 */
export async function pinLanguage(context: BrowserContext, language: 'en' | 'zh'): Promise<void> {
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key!)) localStorage.setItem(key!, value!);
    },
    [LANGUAGE_KEY, language],
  );
}

/** Makes every page of `context` report `language` as the browser's language (`navigator.language`). */
export async function fakeBrowserLanguage(context: BrowserContext, language: string): Promise<void> {
  await context.addInitScript((value) => {
    Object.defineProperty(Navigator.prototype, 'language', { get: () => value, configurable: true });
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => [value], configurable: true });
  }, language);
}

import { describe, expect, it } from 'vitest';
import { MOCK_FAULTS } from '../../server/mock-faults';
import { htmlLang, LANGUAGE_KEY, languageFromBrowser, loadLanguage, saveLanguage } from './language';
import { MESSAGES } from './messages';

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => {
      store.set(key, value);
    },
  };
}

describe('UI language', () => {
  it("defaults to the browser's first preferred language: any Chinese variant is Chinese", () => {
    expect(languageFromBrowser(['zh-CN', 'en'])).toBe('zh');
    expect(languageFromBrowser(['zh-Hant-TW'])).toBe('zh');
    expect(languageFromBrowser(['ZH'])).toBe('zh');
    expect(languageFromBrowser(['en-US', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['fr'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });

  it('remembers the choice, which wins over the browser language', () => {
    const storage = memoryStorage();
    expect(loadLanguage(storage, ['zh-CN'])).toBe('zh');
    saveLanguage('en', storage);
    expect(storage.store.get(LANGUAGE_KEY)).toBe('en');
    expect(loadLanguage(storage, ['zh-CN'])).toBe('en');
    storage.store.set(LANGUAGE_KEY, 'klingon');
    expect(loadLanguage(storage, ['zh-CN'])).toBe('zh');
  });

  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadLanguage(broken, ['zh'])).toBe('zh');
    expect(() => saveLanguage('en', broken)).not.toThrow();
  });

  it('tags the document zh-CN or en', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });

  it('has every error hint and mock fault label in Chinese, and Chinese text for every string', () => {
    expect(Object.keys(MESSAGES.zh.errorHints).sort()).toEqual(Object.keys(MESSAGES.en.errorHints).sort());
    for (const fault of MOCK_FAULTS) expect(MESSAGES.zh.faultLabels[fault.id], fault.id).toBeTruthy();
    expect(MESSAGES.zh.send).not.toBe(MESSAGES.en.send);
    expect(MESSAGES.zh.remoteImage('attacker.test')).toContain('attacker.test');
  });
});

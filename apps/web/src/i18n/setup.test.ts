import { describe, expect, it } from 'vitest';
import { browserPreferences, PREFERENCE_KEYS } from '../app/preferences.js';
import { createI18n, initialLocale } from './setup.js';

/** Just enough of a document for `<html lang>`. */
function fakeDocument(): Document {
  return { documentElement: { lang: '' } } as unknown as Document;
}

function memoryPrefs(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return browserPreferences(
    () =>
      ({
        getItem: (k: string) => m.get(k) ?? null,
        setItem: (k: string, v: string) => void m.set(k, v),
      }) as Storage,
  );
}

describe('initialLocale', () => {
  it('reads ?lang= before the remembered choice', () => {
    const prefs = memoryPrefs({ [PREFERENCE_KEYS.locale]: 'zh-TW' });
    expect(initialLocale('?lang=en', prefs, ['zh-TW'])).toBe('en');
    expect(initialLocale('', prefs, ['en-US'])).toBe('zh-TW');
    expect(initialLocale('?x=1', memoryPrefs(), [])).toBe('zh-TW');
  });
});

describe('createI18n', () => {
  it('keeps <html lang> in step with the language', async () => {
    const doc = fakeDocument();
    const i18n = createI18n('zh-TW', doc);
    expect(doc.documentElement.lang).toBe('zh-Hant-TW');
    expect(i18n.t('quickExit.label')).toBe('快速離開');
    await i18n.changeLanguage('en');
    expect(doc.documentElement.lang).toBe('en');
    expect(i18n.t('quickExit.label')).toBe('Quick exit');
  });

  it('chooses English plural forms by count, and the one Chinese form', () => {
    const en = createI18n('en', fakeDocument());
    expect(en.t('help.alwaysOpen', { count: 1 })).toBe('1 line is answered 24 hours a day.');
    expect(en.t('help.alwaysOpen', { count: 5 })).toBe('5 lines are answered 24 hours a day.');
    const zh = createI18n('zh-TW', fakeDocument());
    expect(zh.t('help.alwaysOpen', { count: 1 })).toBe('有 1 支專線 24 小時都有人接。');
  });
});

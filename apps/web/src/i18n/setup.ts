import { catalogs, DEFAULT_LOCALE, HTML_LANG, resolveLocale, SUPPORTED_LOCALES, type Locale } from '@lamplight/i18n';
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PREFERENCE_KEYS, type PreferenceStore } from '../app/preferences.js';

/** The locale to start in: `?lang=`, then the remembered choice, then the browser, then zh-TW. */
export function initialLocale(search: string, prefs: PreferenceStore, languages: readonly string[]): Locale {
  return resolveLocale(new URLSearchParams(search).get('lang'), prefs.get(PREFERENCE_KEYS.locale), languages);
}

/**
 * Create the app's i18next instance over the bundled catalogs. Initialises
 * synchronously (everything is bundled: nothing is ever fetched) and keeps
 * `<html lang>` in step with the language.
 */
export function createI18n(locale: Locale, doc: Document): i18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    doc.documentElement.lang = HTML_LANG[lng === 'en' ? 'en' : 'zh-TW'];
  });
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    load: 'currentOnly',
    resources: {
      'zh-TW': { translation: catalogs['zh-TW'] },
      en: { translation: catalogs.en },
    },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Locales Lamplight ships, source locale first. */
export const SUPPORTED_LOCALES = ['zh-TW', 'en'] as const;

/** A locale Lamplight ships a complete catalog for. */
export type Locale = (typeof SUPPORTED_LOCALES)[number];

/** zh-TW is the source language and the default. */
export const DEFAULT_LOCALE: Locale = 'zh-TW';

/**
 * The BCP 47 tag to put on `<html lang>` for each locale. zh-TW names the
 * script explicitly so screen readers and font fallback pick Traditional
 * Chinese.
 */
export const HTML_LANG: Readonly<Record<Locale, string>> = {
  'zh-TW': 'zh-Hant-TW',
  en: 'en',
};

/** Narrow an arbitrary string to a supported locale. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Map a language tag (`en-US`, `zh-Hant-TW`, `zh`, `EN`) to the closest
 * supported locale, or undefined when nothing fits. Every Chinese variant
 * maps to zh-TW: it is the only Chinese catalog, and a Simplified reader
 * reads Traditional more easily than English.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (tag === null || tag === undefined) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/u)[0];
  if (primary === 'zh') return 'zh-TW';
  if (primary === 'en') return 'en';
  return undefined;
}

/**
 * Decide which locale to show.
 *
 * Precedence: an explicit `?lang=` query, then the member's remembered
 * choice, then the first browser language we have a catalog for, then
 * zh-TW. Unknown or malformed values are skipped, never an error.
 *
 * @param query the raw `lang` query parameter, or null when absent
 * @param stored the remembered choice (e.g. from localStorage), or null
 * @param navigatorLanguages the browser's preferred languages, best first
 */
export function resolveLocale(
  query: string | null,
  stored: string | null,
  navigatorLanguages: readonly string[],
): Locale {
  const fromQuery = matchLocale(query);
  if (fromQuery !== undefined) return fromQuery;
  const fromStore = matchLocale(stored);
  if (fromStore !== undefined) return fromStore;
  for (const tag of navigatorLanguages) {
    const match = matchLocale(tag);
    if (match !== undefined) return match;
  }
  return DEFAULT_LOCALE;
}

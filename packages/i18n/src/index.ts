export { SUPPORTED_LOCALES, DEFAULT_LOCALE, HTML_LANG, isLocale, matchLocale, resolveLocale } from './locale.js';
export type { Locale } from './locale.js';
export { catalogs, DISCLAIMER_KEYS, flattenCatalog } from './catalog.js';
export type { Catalog, CatalogTree } from './catalog.js';

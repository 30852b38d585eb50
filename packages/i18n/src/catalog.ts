import { en } from './locales/en.js';
import { zhTW } from './locales/zh-TW.js';
import type { Locale } from './locale.js';

/** Turn every string literal leaf into `string`, keeping the shape. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/**
 * The shape every catalog must have: the zh-TW source catalog with its
 * strings widened. A locale that misses a key, or adds one, fails to compile.
 */
export type Catalog = Widen<typeof zhTW>;

/** Every catalog, by locale. */
export const catalogs: Readonly<Record<Locale, Catalog>> = {
  'zh-TW': zhTW,
  en,
};

/**
 * Keys whose text is allowed to name counselling or therapy, because they
 * say the product is *not* that (DESIGN.md §2.6). Nothing else may.
 */
export const DISCLAIMER_KEYS: readonly string[] = ['disclaimer.statement'];

/** A nested catalog object. */
export type CatalogTree = { readonly [key: string]: string | CatalogTree };

/**
 * Flatten a catalog to `[dotted.key, text]` pairs in declaration order,
 * e.g. for checks that scan every string.
 */
export function flattenCatalog(tree: CatalogTree, prefix = ''): readonly (readonly [string, string])[] {
  const out: (readonly [string, string])[] = [];
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.push([path, value]);
    else out.push(...flattenCatalog(value, path));
  }
  return out;
}

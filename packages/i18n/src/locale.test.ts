import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, HTML_LANG, isLocale, matchLocale, resolveLocale, SUPPORTED_LOCALES } from './index.js';

describe('locales', () => {
  it('ships zh-TW as the default source locale and English', () => {
    expect(SUPPORTED_LOCALES).toEqual(['zh-TW', 'en']);
    expect(DEFAULT_LOCALE).toBe('zh-TW');
    expect(HTML_LANG['zh-TW']).toBe('zh-Hant-TW');
    expect(HTML_LANG.en).toBe('en');
  });

  it('narrows only exact supported codes', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('zh-TW')).toBe(true);
    expect(isLocale('zh')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it('matches language tags by their primary subtag', () => {
    expect(matchLocale('en-US')).toBe('en');
    expect(matchLocale('EN')).toBe('en');
    expect(matchLocale('zh-Hant-TW')).toBe('zh-TW');
    expect(matchLocale('zh_CN')).toBe('zh-TW');
    expect(matchLocale('ja-JP')).toBeUndefined();
    expect(matchLocale('')).toBeUndefined();
    expect(matchLocale(null)).toBeUndefined();
  });
});

describe('resolveLocale', () => {
  it('defaults to zh-TW when nothing is known', () => {
    expect(resolveLocale(null, null, [])).toBe('zh-TW');
    expect(resolveLocale(null, null, ['ja-JP', 'ko'])).toBe('zh-TW');
  });

  it('prefers the query over the remembered choice and the browser', () => {
    expect(resolveLocale('en', 'zh-TW', ['zh-TW'])).toBe('en');
    expect(resolveLocale('zh-TW', 'en', ['en-US'])).toBe('zh-TW');
  });

  it('prefers the remembered choice over the browser', () => {
    expect(resolveLocale(null, 'en', ['zh-TW'])).toBe('en');
    expect(resolveLocale(null, 'zh-TW', ['en-US'])).toBe('zh-TW');
  });

  it('skips unknown values instead of failing', () => {
    expect(resolveLocale('klingon', 'xx', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLocale('', '', ['de', 'zh-HK', 'en'])).toBe('zh-TW');
  });

  it('uses the first browser language it has a catalog for', () => {
    expect(resolveLocale(null, null, ['en-US', 'zh-TW'])).toBe('en');
    expect(resolveLocale(null, null, ['zh-TW', 'en-US'])).toBe('zh-TW');
  });
});

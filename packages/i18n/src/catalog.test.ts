import { describe, expect, it } from 'vitest';
import { catalogs, DISCLAIMER_KEYS, flattenCatalog } from './index.js';

const zh = new Map(flattenCatalog(catalogs['zh-TW']));
const en = new Map(flattenCatalog(catalogs.en));

/** Words Taiwan's Psychologists Act reserves, and their English equivalents. */
const RESERVED = [/諮商/u, /心理治療/u, /療癒/u, /counsell?ing/iu, /therap/iu];

/** `{{name}}` placeholders used by a string, sorted. */
function placeholders(text: string): readonly string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1] ?? '').sort();
}

describe('catalogs', () => {
  it('flattens nested keys to dotted paths', () => {
    expect(flattenCatalog({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual([
      ['a.b', 'x'],
      ['a.c.d', 'y'],
      ['e', 'z'],
    ]);
  });

  it('gives English every zh-TW key and no other', () => {
    expect(zh.size).toBeGreaterThan(20);
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('has no empty or whitespace-only strings', () => {
    for (const [key, text] of [...zh, ...en]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of zh) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('states that this is peer support, not counselling', () => {
    expect(catalogs['zh-TW'].disclaimer.statement).toContain('同儕支持，不是心理諮商、醫療或緊急救援');
    expect(catalogs.en.disclaimer.statement).toBe('Peer support, not counselling, medical care or emergency rescue.');
  });

  it('never names a feature counselling or therapy outside the disclaimer', () => {
    const offending: string[] = [];
    for (const [locale, entries] of [['zh-TW', zh], ['en', en]] as const) {
      for (const [key, text] of entries) {
        if (DISCLAIMER_KEYS.includes(key)) continue;
        if (RESERVED.some((re) => re.test(text))) offending.push(`${locale}:${key}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('whitelists only keys that exist and actually carry the disclaimer', () => {
    for (const key of DISCLAIMER_KEYS) {
      expect(zh.get(key), key).toMatch(/不是.*諮商/u);
      expect(en.get(key), key).toMatch(/not counselling/u);
    }
  });

  it('has both plural forms for every English plural key', () => {
    for (const key of en.keys()) {
      if (key.endsWith('_one')) expect(en.has(key.replace(/_one$/u, '_other')), key).toBe(true);
      if (key.endsWith('_other')) expect(en.has(key.replace(/_other$/u, '_one')), key).toBe(true);
    }
  });
});

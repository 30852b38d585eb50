import { describe, expect, it } from 'vitest';
import { browserPreferences, PREFERENCE_KEYS } from './preferences.js';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

describe('browserPreferences', () => {
  it('reads back what it stored', () => {
    const storage = memoryStorage();
    const prefs = browserPreferences(() => storage);
    expect(prefs.get(PREFERENCE_KEYS.locale)).toBeNull();
    prefs.set(PREFERENCE_KEYS.locale, 'en');
    expect(storage.getItem('pref.locale')).toBe('en');
    expect(browserPreferences(() => storage).get(PREFERENCE_KEYS.locale)).toBe('en');
  });

  it('falls back to memory when storage throws', () => {
    const prefs = browserPreferences(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    prefs.set(PREFERENCE_KEYS.neutralName, '1');
    expect(prefs.get(PREFERENCE_KEYS.neutralName)).toBe('1');
  });

  it('uses storage keys that do not name the app', () => {
    for (const key of Object.values(PREFERENCE_KEYS)) expect(key).not.toMatch(/lamp|微光/iu);
  });
});

import type { SafetyRecords } from './records.js';

/** An in-memory {@link SafetyRecords} for unit tests (JSON round-trip, like the vault). */
export function memoryRecords(): SafetyRecords & { readonly raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: <T>(key: string) => Promise.resolve(raw.has(key) ? (JSON.parse(raw.get(key)!) as T) : undefined),
    put: (key, value) => {
      raw.set(key, JSON.stringify(value));
      return Promise.resolve();
    },
    delete: (key) => {
      raw.delete(key);
      return Promise.resolve();
    },
    list: (prefix = '') => Promise.resolve([...raw.keys()].filter((k) => k.startsWith(prefix)).sort()),
  };
}

/** A small key–value store for the member's device preferences (port). */
export interface PreferenceStore {
  get(key: PreferenceKey): string | null;
  set(key: PreferenceKey, value: string): void;
}

/**
 * Storage keys. Deliberately plain, so a look at the browser's storage does
 * not spell out what the app is.
 */
export const PREFERENCE_KEYS = {
  locale: 'pref.locale',
  neutralName: 'pref.neutral-name',
} as const;

export type PreferenceKey = (typeof PREFERENCE_KEYS)[keyof typeof PREFERENCE_KEYS];

/**
 * Preferences in `localStorage`. Storage can be missing or throw (private
 * browsing, storage disabled): then choices last for this page only.
 */
export function browserPreferences(getStorage: () => Storage): PreferenceStore {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        return getStorage().getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        getStorage().setItem(key, value);
      } catch {
        // Kept in memory above; nothing else to do.
      }
    },
  };
}

import { useCallback, useEffect, useState } from 'react';
import type { VaultModel } from './vault-model.js';
import { useVaultModel } from './VaultProvider.js';

/** Data loaded from the server for a screen. */
export type Remote<T> = Readonly<{ data: T | undefined; error: unknown; reload: () => void }>;

/**
 * Load something with a signed-in call while the screen is shown. `enabled`
 * false (e.g. a profile without an account) loads nothing.
 */
export function useRemote<T>(load: (model: VaultModel) => Promise<T>, enabled: boolean): Remote<T> {
  const model = useVaultModel();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load(model).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
      },
      (e: unknown) => {
        if (live) setError(e ?? new Error('failed'));
      },
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `round` asks for a reload.
  }, [model, enabled, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, reload };
}

/** A date for people, in the app's language. */
export function formatDay(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'zh-Hant-TW', { dateStyle: 'medium' }).format(new Date(ms));
}

import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { createIdleLock } from './idle-lock.js';
import type { VaultModel, VaultView } from './vault-model.js';

const VaultContext = createContext<VaultModel | undefined>(undefined);

/** Things the member does that count as "still here". */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

/**
 * Provides the vault model, starts it, and runs the idle lock while a
 * profile is open (the member's chosen idle time, or a long time hidden).
 */
export function VaultProvider({ model, children }: { readonly model: VaultModel; readonly children: ReactNode }) {
  const view = useSyncExternalStore(model.subscribe, model.getSnapshot);
  const idleMinutes = view.status === 'unlocked' ? view.settings.idleMinutes : undefined;

  useEffect(() => {
    void model.start();
  }, [model]);

  useEffect(() => {
    if (idleMinutes === undefined) return;
    const idle = createIdleLock({
      clock: {
        now: () => Date.now(),
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
        clearTimeout: (h) => window.clearTimeout(h as number),
      },
      idleMs: idleMinutes * 60_000,
      onLock: () => model.lock(),
    });
    const onActivity = (): void => idle.activity();
    const onVisibility = (): void => (document.visibilityState === 'hidden' ? idle.hidden() : idle.visible());
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      idle.stop();
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [idleMinutes, model]);

  return <VaultContext.Provider value={model}>{children}</VaultContext.Provider>;
}

/** The vault model (throws outside `VaultProvider`: a wiring bug). */
export function useVaultModel(): VaultModel {
  const model = useContext(VaultContext);
  if (model === undefined) throw new Error('useVaultModel outside VaultProvider');
  return model;
}

/** What the vault shows right now; re-renders on change. */
export function useVaultView(): VaultView {
  const model = useVaultModel();
  return useSyncExternalStore(model.subscribe, model.getSnapshot);
}

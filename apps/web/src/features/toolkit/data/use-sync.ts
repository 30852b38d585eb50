import type { DeriveVaultKey } from '@lamplight/crypto';
import { useCallback, useEffect, useMemo } from 'react';
import { ApiError, browserDerive, useVaultModel } from '../../vault/index.js';
import { LOCAL_KEYS, type SyncState } from '../model/records.js';
import type { SealOptions } from '../model/sealed-snapshot.js';
import { deleteRemote, deriveSyncKeys, IDENTITY_RECORD, syncOnce, type SyncKeys } from '../model/sync.js';
import { toolkitChanged, useHasAccount, useToolkitStore } from '../use-toolkit.js';

let derive: DeriveVaultKey | undefined;

/** Argon2id for sealing runs in the same kind of Worker the vault uses. */
export function sealOptions(): SealOptions {
  derive ??= browserDerive();
  return { derive };
}

const statusOf = (error: unknown): number | undefined => (error instanceof ApiError ? error.status : undefined);

/** One sync at a time on this page, whoever asks. */
let inFlight: Promise<number> | undefined;

/** Why a sync could not start. */
export class SyncUnavailable extends Error {
  override readonly name = 'SyncUnavailable';
}

/** Sync actions for the open profile. */
export function useSync(): Readonly<{
  available: boolean;
  state: () => Promise<SyncState | undefined>;
  syncNow: () => Promise<number>;
  turnOff: () => Promise<void>;
  deleteRemoteCopy: () => Promise<void>;
}> {
  const model = useVaultModel();
  const store = useToolkitStore();
  const available = useHasAccount();

  const keys = useCallback(async (): Promise<SyncKeys> => {
    const secret = available ? await model.records().getBytes(IDENTITY_RECORD) : undefined;
    if (secret === undefined) throw new SyncUnavailable();
    try {
      return await deriveSyncKeys(secret, crypto.subtle);
    } finally {
      secret.fill(0);
    }
  }, [model, available]);

  const syncNow = useCallback(async (): Promise<number> => {
    inFlight ??= (async () => {
      try {
        const count = await syncOnce({ store, call: model.call, statusOf, keys: await keys(), now: Date.now, options: sealOptions() });
        toolkitChanged();
        return count;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }, [store, model, keys]);

  const deleteRemoteCopy = useCallback(async (): Promise<void> => {
    if (!available) return;
    await deleteRemote(model.call, await keys());
  }, [available, model, keys]);

  const turnOff = useCallback(async (): Promise<void> => {
    await deleteRemoteCopy();
    await store.putLocal(LOCAL_KEYS.sync, { enabled: false, version: 0, lastSyncedAt: undefined } satisfies SyncState);
  }, [store, deleteRemoteCopy]);

  const state = useCallback(() => store.getLocal<SyncState>(LOCAL_KEYS.sync), [store]);
  return useMemo(() => ({ available, state, syncNow, turnOff, deleteRemoteCopy }), [available, state, syncNow, turnOff, deleteRemoteCopy]);
}

let syncedThisPage = false;

/**
 * With sync turned on, sync once when the toolkit first opens on this page
 * load. Failures stay quiet here: the data is safe on the device, and the
 * data screen shows the outcome of a sync the member starts.
 */
export function useAutoSync(): void {
  const sync = useSync();
  useEffect(() => {
    if (syncedThisPage || !sync.available) return;
    syncedThisPage = true;
    void (async () => {
      const state = await sync.state().catch(() => undefined);
      if (state?.enabled === true) await sync.syncNow().catch(() => undefined);
    })();
  }, [sync]);
}

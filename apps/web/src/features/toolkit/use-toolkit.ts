import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useVaultModel, useVaultView } from '../vault/index.js';
import type { RecordBase, RecordKind } from './model/records.js';
import { createToolkitStore, type ToolkitStore } from './model/toolkit-store.js';

const listeners = new Set<() => void>();
let revision = 0;

/** Tell every toolkit view that records changed (a save, an import, a sync). */
export function toolkitChanged(): void {
  revision += 1;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The toolkit store over the open vault profile. */
export function useToolkitStore(): ToolkitStore {
  const model = useVaultModel();
  return useMemo(() => createToolkitStore(() => model.records(), () => Date.now()), [model]);
}

/** Whether this profile belongs to an account (and may talk to the server). */
export function useHasAccount(): boolean {
  const view = useVaultView();
  return view.status === 'unlocked' && view.account !== undefined;
}

/** The records of one kind, newest first; reloads after {@link toolkitChanged}. */
export function useRecords<T extends RecordBase>(kind: RecordKind): readonly T[] | undefined {
  const store = useToolkitStore();
  const rev = useSyncExternalStore(subscribe, () => revision);
  const [records, setRecords] = useState<readonly T[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    store.list<T>(kind).then(
      (list) => {
        if (live) setRecords(list);
      },
      () => {
        if (live) setRecords([]);
      },
    );
    return () => {
      live = false;
    };
  }, [store, kind, rev]);
  return records;
}

/** A fresh record id. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Save or delete, then refresh the views. */
export function useRecordActions(): Readonly<{
  save: (kind: RecordKind, record: RecordBase) => Promise<void>;
  remove: (kind: RecordKind, id: string) => Promise<void>;
}> {
  const store = useToolkitStore();
  const save = useCallback(
    async (kind: RecordKind, record: RecordBase) => {
      await store.save(kind, record);
      toolkitChanged();
    },
    [store],
  );
  const remove = useCallback(
    async (kind: RecordKind, id: string) => {
      await store.remove(kind, id);
      toolkitChanged();
    },
    [store],
  );
  return { save, remove };
}

/** Date and time in the member's language, for entry titles. */
export function formatTime(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A date in the member's language. */
export function formatDate(ms: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
}

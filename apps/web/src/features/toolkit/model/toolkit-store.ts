import {
  LOCAL_KEYS,
  parseRecord,
  parseRecordKey,
  recordKey,
  TOOLKIT_PREFIX,
  type RecordBase,
  type RecordKind,
  type Tombstones,
} from './records.js';
import { mergeSnapshots, type Snapshot } from './snapshot.js';

/** The part of the open vault the toolkit uses (the vault model's `records()`). */
export type RecordsPort = Readonly<{
  get: <T = unknown>(key: string) => Promise<T | undefined>;
  put: (key: string, value: unknown) => Promise<void>;
  delete: (key: string) => Promise<void>;
  list: (prefix?: string) => Promise<string[]>;
}>;

/** The toolkit's records in the vault: typed lists, saves, deletions, and whole snapshots. */
export type ToolkitStore = Readonly<{
  list: <T extends RecordBase>(kind: RecordKind) => Promise<T[]>;
  save: (kind: RecordKind, record: RecordBase) => Promise<void>;
  remove: (kind: RecordKind, id: string) => Promise<void>;
  snapshot: () => Promise<Snapshot>;
  /** Merge `incoming` into what is stored; returns the merged snapshot. */
  mergeIn: (incoming: Snapshot) => Promise<Snapshot>;
  /** Delete every toolkit record on this device, bookkeeping included. */
  deleteAll: () => Promise<void>;
  getLocal: <T>(key: (typeof LOCAL_KEYS)[keyof typeof LOCAL_KEYS]) => Promise<T | undefined>;
  putLocal: (key: (typeof LOCAL_KEYS)[keyof typeof LOCAL_KEYS], value: unknown) => Promise<void>;
}>;

/**
 * The toolkit store over a vault profile. `now` stamps deletions.
 * Records are listed newest first.
 */
export function createToolkitStore(records: () => RecordsPort, now: () => number): ToolkitStore {
  const tombstones = async (): Promise<Tombstones> => (await records().get<Tombstones>(LOCAL_KEYS.tombstones)) ?? {};

  const list = async <T extends RecordBase>(kind: RecordKind): Promise<T[]> => {
    const vault = records();
    const out: T[] = [];
    for (const key of await vault.list(`${TOOLKIT_PREFIX}${kind}.`)) {
      const record = parseRecord(kind, await vault.get(key));
      if (record !== undefined) out.push(record as T);
    }
    return out.sort((a, b) => b.createdAt - a.createdAt);
  };

  const snapshot = async (): Promise<Snapshot> => {
    const vault = records();
    const out: Record<string, RecordBase> = {};
    for (const key of await vault.list(TOOLKIT_PREFIX)) {
      const parsed = parseRecordKey(key);
      if (parsed === undefined) continue;
      const record = parseRecord(parsed.kind, await vault.get(key));
      if (record !== undefined) out[key] = record;
    }
    return { records: out, tombstones: await tombstones() };
  };

  return {
    list,
    async save(kind, record) {
      const vault = records();
      await vault.put(recordKey(kind, record.id), record);
    },
    async remove(kind, id) {
      const vault = records();
      const key = recordKey(kind, id);
      await vault.delete(key);
      await vault.put(LOCAL_KEYS.tombstones, { ...(await tombstones()), [key]: now() });
    },
    snapshot,
    async mergeIn(incoming) {
      const vault = records();
      const local = await snapshot();
      const merged = mergeSnapshots(local, incoming);
      for (const [key, record] of Object.entries(merged.records)) {
        if (local.records[key]?.updatedAt !== record.updatedAt) await vault.put(key, record);
      }
      for (const key of Object.keys(local.records)) if (merged.records[key] === undefined) await vault.delete(key);
      await vault.put(LOCAL_KEYS.tombstones, merged.tombstones);
      return merged;
    },
    async deleteAll() {
      const vault = records();
      for (const key of await vault.list(TOOLKIT_PREFIX)) await vault.delete(key);
    },
    getLocal: <T>(key: string) => records().get<T>(key),
    putLocal: (key, value) => records().put(key, value),
  };
}

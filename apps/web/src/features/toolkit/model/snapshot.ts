import { parseRecord, parseRecordKey, type RecordBase, type Tombstones } from './records.js';

/**
 * Everything the member wrote in the toolkit, as one value: what a backup
 * file and the sync blob carry (sealed). Keys are vault record keys.
 */
export type Snapshot = Readonly<{
  records: Readonly<Record<string, RecordBase>>;
  tombstones: Tombstones;
}>;

/** A snapshot with nothing in it. */
export const EMPTY_SNAPSHOT: Snapshot = { records: {}, tombstones: {} };

/**
 * Merge two snapshots: for each key the newer copy wins, and a deletion wins
 * over any copy not changed after it. Commutative, so two devices that merge
 * each other's snapshots end up the same.
 */
export function mergeSnapshots(a: Snapshot, b: Snapshot): Snapshot {
  const tombstones: Record<string, number> = { ...a.tombstones };
  for (const [key, at] of Object.entries(b.tombstones)) tombstones[key] = Math.max(at, tombstones[key] ?? 0);
  const records: Record<string, RecordBase> = {};
  for (const [key, record] of [...Object.entries(a.records), ...Object.entries(b.records)]) {
    const current = records[key];
    if (current === undefined || record.updatedAt > current.updatedAt) records[key] = record;
  }
  for (const [key, record] of Object.entries(records)) {
    const deletedAt = tombstones[key];
    if (deletedAt === undefined) continue;
    if (record.updatedAt <= deletedAt) delete records[key];
    else delete tombstones[key];
  }
  return { records, tombstones };
}

/** Read a snapshot from untrusted JSON (a backup or the sync blob), keeping only valid records. */
export function parseSnapshot(value: unknown): Snapshot | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { records?: unknown; tombstones?: unknown };
  if (typeof v.records !== 'object' || v.records === null) return undefined;
  const records: Record<string, RecordBase> = {};
  for (const [key, raw] of Object.entries(v.records)) {
    const parsed = parseRecordKey(key);
    if (parsed === undefined) continue;
    const record = parseRecord(parsed.kind, raw);
    if (record !== undefined && record.id === parsed.id) records[key] = record;
  }
  const tombstones: Record<string, number> = {};
  if (typeof v.tombstones === 'object' && v.tombstones !== null) {
    for (const [key, at] of Object.entries(v.tombstones)) {
      if (parseRecordKey(key) !== undefined && typeof at === 'number' && Number.isFinite(at)) tombstones[key] = at;
    }
  }
  return { records, tombstones };
}

/** Whether two snapshots hold the same records and deletions. */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  const keys = (s: Snapshot) => Object.keys(s.records).sort().join('\n') + '|' + Object.keys(s.tombstones).sort().join('\n');
  if (keys(a) !== keys(b)) return false;
  return Object.entries(a.records).every(([k, r]) => b.records[k]?.updatedAt === r.updatedAt);
}

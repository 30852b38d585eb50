import { API, apiPath } from '@lamplight/protocol';
import { base64UrlDecode, base64UrlEncode } from '@lamplight/crypto';
import { openSnapshot, sealSnapshot, type SealOptions } from './sealed-snapshot.js';
import { EMPTY_SNAPSHOT, sameSnapshot, type Snapshot } from './snapshot.js';
import type { ToolkitStore } from './toolkit-store.js';
import { LOCAL_KEYS, type SyncState } from './records.js';

/**
 * The vault record holding the identity secret (written by the vault model).
 * The sync key is derived from it, so every device of the member — including
 * one restored from the recovery phrase — derives the same key.
 */
export const IDENTITY_RECORD = 'identity';

const SYNC_SALT = 'lamplight/toolkit-sync/v1';

/** The sync key and the blob name, both derived from the identity secret. */
export type SyncKeys = Readonly<{ secret: string; blobName: string }>;

/**
 * HKDF-SHA256 of the identity secret: one output keys the sealed blob, the
 * other names it on the server (so the name says nothing about what it is).
 */
export async function deriveSyncKeys(identitySecret: Uint8Array, subtle: SubtleCrypto): Promise<SyncKeys> {
  const ikm = await subtle.importKey('raw', identitySecret as BufferSource, 'HKDF', false, ['deriveBits']);
  const salt = new TextEncoder().encode(SYNC_SALT);
  const bits = async (info: string, length: number): Promise<Uint8Array> =>
    new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode(info) }, ikm, length * 8));
  const key = await bits('key', 32);
  const name = await bits('name', 16);
  return {
    secret: base64UrlEncode(key),
    blobName: [...name].map((b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

/** The signed-in API call of the vault model. */
export type Call = <T>(method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<T>;

/** Whether an error is the API's HTTP `status`. */
export type StatusOf = (error: unknown) => number | undefined;

type Remote = Readonly<{ version: number; snapshot: Snapshot }>;

async function fetchRemote(call: Call, statusOf: StatusOf, keys: SyncKeys, options: SealOptions): Promise<Remote> {
  let blob: { version: number; body: string };
  try {
    blob = await call<{ version: number; body: string }>('GET', apiPath(API.blob, { name: keys.blobName }));
  } catch (error) {
    if (statusOf(error) === 404) return { version: 0, snapshot: EMPTY_SNAPSHOT };
    throw error;
  }
  const bytes = base64UrlDecode(blob.body);
  if (bytes === undefined) throw new Error('sync blob is not base64url');
  const opened = await openSnapshot(new TextDecoder().decode(bytes), keys.secret, options);
  if (!opened.ok) throw new Error(`sync blob cannot be opened: ${opened.problem}`);
  return { version: blob.version, snapshot: opened.snapshot };
}

/**
 * Sync once: fetch the sealed blob, merge it into this device, and upload
 * the merged snapshot sealed again (only if it changed). A conflict (another
 * device wrote in between) starts over, a few times at most.
 *
 * @returns the number of records after the merge.
 */
export async function syncOnce(
  deps: Readonly<{ store: ToolkitStore; call: Call; statusOf: StatusOf; keys: SyncKeys; now: () => number; options?: SealOptions }>,
): Promise<number> {
  const { store, call, statusOf, keys, now, options = {} } = deps;
  for (let attempt = 0; attempt < 4; attempt++) {
    const remote = await fetchRemote(call, statusOf, keys, options);
    const merged = await store.mergeIn(remote.snapshot);
    let version = remote.version;
    if (remote.version === 0 || !sameSnapshot(merged, remote.snapshot)) {
      const text = await sealSnapshot(merged, keys.secret, options);
      const body = base64UrlEncode(new TextEncoder().encode(text));
      try {
        version = (await call<{ version: number }>('PUT', apiPath(API.blob, { name: keys.blobName }), { body, expectedVersion: remote.version })).version;
      } catch (error) {
        if (statusOf(error) === 409) continue;
        throw error;
      }
    }
    const state: SyncState = { enabled: true, version, lastSyncedAt: now() };
    await store.putLocal(LOCAL_KEYS.sync, state);
    return Object.keys(merged.records).length;
  }
  throw new Error('sync kept conflicting');
}

/** Remove the synced copy from the server (delete-all, or turning sync off). */
export async function deleteRemote(call: Call, keys: SyncKeys): Promise<void> {
  await call<undefined>('DELETE', apiPath(API.blob, { name: keys.blobName }));
}

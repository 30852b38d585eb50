import { base64UrlDecode, base64UrlEncode, MemoryVaultStore, Vault, type DeriveVaultKey } from '@lamplight/crypto';
import { parseSnapshot, type Snapshot } from './snapshot.js';

/** The `format` field of a toolkit backup file. */
export const BACKUP_FORMAT = 'lamplight-toolkit-backup';

/** The current backup format version. */
export const BACKUP_VERSION = 1;

/** The record holding the snapshot inside the sealed container. */
const SNAPSHOT_RECORD = 'snapshot';

/** How to run Argon2id: the app passes its Worker; tests use the cheapest cost. */
export type SealOptions = Readonly<{ derive?: DeriveVaultKey; dangerousTestOnlyFastKdf?: boolean }>;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * Seal a snapshot under a secret (a passphrase the member typed, or the sync
 * key). The container is a small vault of its own: Argon2id of the secret,
 * then XChaCha20-Poly1305 (libsodium, through @lamplight/crypto). The
 * snapshot is gzipped first. Returns the file text: JSON holding only
 * ciphertext and the format marker.
 */
export async function sealSnapshot(snapshot: Snapshot, secret: string, options: SealOptions = {}): Promise<string> {
  const store = new MemoryVaultStore();
  const vault = await Vault.create(store, secret, options);
  try {
    const plain = new TextEncoder().encode(JSON.stringify(snapshot));
    await vault.putBytes(SNAPSHOT_RECORD, await pipe(plain, new CompressionStream('gzip')));
  } finally {
    vault.lock();
  }
  const entries: Record<string, string> = {};
  for (const key of (await store.keys()).sort()) {
    const value = await store.get(key);
    if (value !== undefined) entries[key] = base64UrlEncode(value);
  }
  return JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, entries });
}

/** Why a sealed file could not be opened. */
export type OpenProblem = 'not-a-backup' | 'wrong-secret';

/** Open what {@link sealSnapshot} made. */
export async function openSnapshot(
  text: string,
  secret: string,
  options: SealOptions = {},
): Promise<Readonly<{ ok: true; snapshot: Snapshot } | { ok: false; problem: OpenProblem }>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not-a-backup' };
  }
  const file = parsed as { format?: unknown; version?: unknown; entries?: unknown };
  if (typeof file !== 'object' || file === null || file.format !== BACKUP_FORMAT || file.version !== BACKUP_VERSION) {
    return { ok: false, problem: 'not-a-backup' };
  }
  if (typeof file.entries !== 'object' || file.entries === null) return { ok: false, problem: 'not-a-backup' };
  const store = new MemoryVaultStore();
  for (const [key, value] of Object.entries(file.entries)) {
    const bytes = typeof value === 'string' ? base64UrlDecode(value) : undefined;
    if (bytes === undefined) return { ok: false, problem: 'not-a-backup' };
    await store.put(key, bytes);
  }
  let result;
  try {
    result = await Vault.unlock(store, secret, options);
  } catch {
    return { ok: false, problem: 'not-a-backup' };
  }
  if (!result.ok) return { ok: false, problem: 'wrong-secret' };
  try {
    const sealed = await result.vault.getBytes(SNAPSHOT_RECORD);
    if (sealed === undefined) return { ok: false, problem: 'not-a-backup' };
    const plain = await pipe(sealed, new DecompressionStream('gzip'));
    const snapshot = parseSnapshot(JSON.parse(new TextDecoder().decode(plain)));
    return snapshot === undefined ? { ok: false, problem: 'not-a-backup' } : { ok: true, snapshot };
  } catch {
    return { ok: false, problem: 'not-a-backup' };
  } finally {
    result.vault.lock();
  }
}

import { DANGEROUS_TEST_ONLY_FAST_KDF, meetsInteractiveFloor, type KdfParams } from '../util/kdf.js';
import { loadSodium } from '../util/sodium.js';
import { VaultError } from './errors.js';
import {
  decodeMeta,
  encodeMeta,
  headerSalt,
  META_KEY,
  openSlot,
  PROFILE_KEY_BYTES,
  SALT_BYTES,
  sealSlot,
  SLOT_HEADER_BYTES,
  slotKey,
  unusedSlot,
  type OpenedSlot,
} from './format.js';
import { deriveVaultKey, normalizePassphrase, VAULT_KDF_PARAMS, type DeriveVaultKey } from './kdf.js';
import type { VaultStore } from './store.js';
import { checkedPassphrase, UnlockedVault } from './unlocked-vault.js';

/** Options for {@link Vault.create}. */
export type CreateVaultOptions = Readonly<{
  /** Argon2id parameters; at least libsodium INTERACTIVE. Defaults to {@link VAULT_KDF_PARAMS}. */
  kdf?: KdfParams;
  /** Key-derivation port (e.g. a Worker). Defaults to {@link deriveVaultKey} on this thread. */
  derive?: DeriveVaultKey;
  /** Use libsodium's minimum Argon2id cost instead of `kdf`. Tests only. */
  dangerousTestOnlyFastKdf?: boolean;
}>;

/** Options for {@link Vault.unlock}. */
export type UnlockVaultOptions = Readonly<{
  /** Key-derivation port (e.g. a Worker). Defaults to {@link deriveVaultKey} on this thread. */
  derive?: DeriveVaultKey;
  /** Accept a vault created with `dangerousTestOnlyFastKdf`. Tests only. */
  dangerousTestOnlyFastKdf?: boolean;
}>;

/**
 * The outcome of {@link Vault.unlock}. A wrong passphrase is an expected
 * outcome, not an exception, and it looks the same whatever the vault holds.
 */
export type UnlockResult =
  | Readonly<{ ok: true; vault: UnlockedVault }>
  | Readonly<{ ok: false; error: 'wrong-passphrase' }>;

function chooseParams(options: CreateVaultOptions): KdfParams {
  if (options.dangerousTestOnlyFastKdf) return DANGEROUS_TEST_ONLY_FAST_KDF;
  const params = options.kdf ?? VAULT_KDF_PARAMS;
  if (!meetsInteractiveFloor(params)) throw new VaultError('weak-kdf');
  return params;
}

async function derived(derive: DeriveVaultKey, passphrase: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  const key = await derive(passphrase, salt, params);
  if (key.length !== 32) throw new RangeError('derive must return 32 bytes');
  return key;
}

/**
 * Creates a vault in an empty store and opens its main profile. The main
 * profile goes into a randomly chosen slot; the other slot is filled with
 * random bytes of the same size, so a store looks the same with or without
 * a duress profile.
 *
 * @throws VaultError `vault-exists`, `empty-passphrase` or `weak-kdf`.
 */
async function create(store: VaultStore, passphrase: string, options: CreateVaultOptions = {}): Promise<UnlockedVault> {
  const sodium = await loadSodium();
  if (await exists(store)) throw new VaultError('vault-exists');
  const normalized = checkedPassphrase(passphrase);
  const meta = encodeMeta(chooseParams(options));
  // Leftovers of a create that stopped half-way, or of anything else: the
  // store belongs to the vault, and foreign keys would only confuse its shape.
  await store.clear();
  const derive = options.derive ?? deriveVaultKey;
  const slotIndex = sodium.randombytes_uniform(meta.slotCount);
  const profileKey = sodium.randombytes_buf(PROFILE_KEY_BYTES);
  const salt = sodium.randombytes_buf(SALT_BYTES);
  const kek = await derived(derive, normalized, salt, meta.params);
  for (let i = 0; i < meta.slotCount; i++) {
    const header =
      i === slotIndex ? sealSlot(sodium, meta, i, salt, kek, 'main', profileKey) : unusedSlot(sodium);
    await store.put(slotKey(i), header);
  }
  sodium.memzero(kek);
  // Written last: a store without meta is not a vault, so a create that
  // stopped half-way can simply be run again.
  await store.put(META_KEY, meta.bytes);
  return UnlockedVault.open({ store, meta, derive, slotIndex, role: 'main', profileKey });
}

/** Whether `store` holds a vault. */
async function exists(store: VaultStore): Promise<boolean> {
  return (await store.get(META_KEY)) !== undefined;
}

/**
 * Opens whichever profile `passphrase` belongs to. A key is derived and a
 * header tried for every slot, whether or not it is in use and whether or
 * not an earlier slot opened, so the work (and time) is the same for the
 * main passphrase, the duress passphrase and a wrong one.
 *
 * @throws VaultError `no-vault`, `corrupt-vault`, or `weak-kdf` if the stored
 *   parameters are below INTERACTIVE (unless `dangerousTestOnlyFastKdf`).
 */
async function unlock(store: VaultStore, passphrase: string, options: UnlockVaultOptions = {}): Promise<UnlockResult> {
  const sodium = await loadSodium();
  const metaBytes = await store.get(META_KEY);
  if (metaBytes === undefined) throw new VaultError('no-vault');
  const meta = decodeMeta(metaBytes);
  if (!options.dangerousTestOnlyFastKdf && !meetsInteractiveFloor(meta.params)) {
    throw new VaultError('weak-kdf');
  }
  const headers: Uint8Array[] = [];
  for (let i = 0; i < meta.slotCount; i++) {
    const header = await store.get(slotKey(i));
    if (header?.length !== SLOT_HEADER_BYTES) throw new VaultError('corrupt-vault');
    headers.push(header);
  }
  const derive = options.derive ?? deriveVaultKey;
  const normalized = normalizePassphrase(passphrase);
  const keks = await Promise.all(
    headers.map((header) => derived(derive, normalized, headerSalt(header), meta.params)),
  );
  let found: (OpenedSlot & { slotIndex: number }) | undefined;
  headers.forEach((header, index) => {
    const kek = keks[index] as Uint8Array;
    const opened = openSlot(sodium, meta, index, header, kek);
    sodium.memzero(kek);
    if (opened === undefined) return;
    if (found === undefined) found = { ...opened, slotIndex: index };
    else sodium.memzero(opened.profileKey);
  });
  if (found === undefined) return { ok: false, error: 'wrong-passphrase' };
  const { slotIndex, role, profileKey } = found;
  return { ok: true, vault: await UnlockedVault.open({ store, meta, derive, slotIndex, role, profileKey }) };
}

/**
 * Deletes everything in the store: every profile, every record. Lock any
 * open {@link UnlockedVault} first.
 */
async function wipe(store: VaultStore): Promise<void> {
  await store.clear();
}

/**
 * The local vault: everything a member keeps on the device (keys, drafts,
 * diaries, safety plan), sealed with XChaCha20-Poly1305 under keys from
 * Argon2id of a passphrase, with an optional duress passphrase that opens
 * an ordinary-looking, empty profile.
 */
export const Vault = Object.freeze({ create, exists, unlock, wipe });

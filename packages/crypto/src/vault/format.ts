/**
 * The vault's byte formats. Everything that reaches the store goes through
 * here; nothing else in the vault knows a byte offset.
 *
 * Store keys:
 * - `vault.meta`: format version, slot count and KDF parameters (not secret).
 * - `vault.slot.<i>`: one header per profile slot, all the same size:
 *   `salt(16) || nonce(24) || XChaCha20-Poly1305(role(1) || profileKey(32))`,
 *   or random bytes of that size for an unused slot.
 * - `r.<base64url(BLAKE2b-MAC(nameKey, logicalKey))>`: one sealed record.
 */
import { base64UrlEncode, concatBytes, constantTimeEqual, readU32be, u32be } from '../util/bytes.js';
import type { KdfParams } from '../util/kdf.js';
import type { Sodium } from '../util/sodium.js';
import { VaultError } from './errors.js';

/** Number of profile slots in every vault: the main profile and one spare for duress. */
export const VAULT_SLOT_COUNT = 2;

export const META_KEY = 'vault.meta';
export const RECORD_KEY_PREFIX = 'r.';

export function slotKey(index: number): string {
  return `vault.slot.${index}`;
}

const META_MAGIC = [0x4c, 0x4c, 0x56]; // "LLV"
const FORMAT_VERSION = 1;
const META_BYTES = META_MAGIC.length + 1 + 1 + 4 + 4;

export const SALT_BYTES = 16;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
export const PROFILE_KEY_BYTES = 32;
/** Size of every slot header, used or not. */
export const SLOT_HEADER_BYTES = SALT_BYTES + NONCE_BYTES + 1 + PROFILE_KEY_BYTES + TAG_BYTES;

/** Which profile a slot holds. Kept inside the sealed header only. */
export type ProfileRole = 'main' | 'duress';
const ROLE_BYTES: Readonly<Record<ProfileRole, number>> = { main: 1, duress: 2 };

const SLOT_AD_LABEL = 'lamplight/vault/v1/slot';
const RECORD_AD_LABEL = 'lamplight/vault/v1/record';
// Records are padded to a multiple of this, so sizes say little about contents.
const RECORD_PAD_BLOCK = 256;

export type VaultMeta = Readonly<{ bytes: Uint8Array; slotCount: number; params: KdfParams }>;

export function encodeMeta(params: KdfParams): VaultMeta {
  const bytes = concatBytes(
    Uint8Array.from(META_MAGIC),
    Uint8Array.of(FORMAT_VERSION, VAULT_SLOT_COUNT),
    u32be(params.opsLimit),
    u32be(params.memLimit),
  );
  return { bytes, slotCount: VAULT_SLOT_COUNT, params };
}

export function decodeMeta(bytes: Uint8Array): VaultMeta {
  const valid =
    bytes.length === META_BYTES &&
    META_MAGIC.every((byte, i) => bytes[i] === byte) &&
    bytes[3] === FORMAT_VERSION &&
    bytes[4] === VAULT_SLOT_COUNT;
  if (!valid) throw new VaultError('corrupt-vault');
  return {
    bytes,
    slotCount: VAULT_SLOT_COUNT,
    params: { algorithm: 'argon2id13', opsLimit: readU32be(bytes, 5), memLimit: readU32be(bytes, 9) },
  };
}

export function headerSalt(header: Uint8Array): Uint8Array {
  return header.subarray(0, SALT_BYTES);
}

function slotAd(sodium: Sodium, meta: VaultMeta, index: number): Uint8Array {
  return concatBytes(sodium.from_string(SLOT_AD_LABEL), meta.bytes, Uint8Array.of(index));
}

/** Seals a profile key into a slot header under `kek` (derived with `salt`). */
export function sealSlot(
  sodium: Sodium,
  meta: VaultMeta,
  index: number,
  salt: Uint8Array,
  kek: Uint8Array,
  role: ProfileRole,
  profileKey: Uint8Array,
): Uint8Array {
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const plaintext = concatBytes(Uint8Array.of(ROLE_BYTES[role]), profileKey);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    slotAd(sodium, meta, index),
    null,
    nonce,
    kek,
  );
  sodium.memzero(plaintext);
  return concatBytes(salt, nonce, sealed);
}

/** Random bytes shaped exactly like a used slot header. */
export function unusedSlot(sodium: Sodium): Uint8Array {
  return sodium.randombytes_buf(SLOT_HEADER_BYTES);
}

export type OpenedSlot = Readonly<{ role: ProfileRole; profileKey: Uint8Array }>;

/** Opens a slot header with `kek`, or returns `undefined` if it does not open. */
export function openSlot(
  sodium: Sodium,
  meta: VaultMeta,
  index: number,
  header: Uint8Array,
  kek: Uint8Array,
): OpenedSlot | undefined {
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      header.subarray(SALT_BYTES + NONCE_BYTES),
      slotAd(sodium, meta, index),
      header.subarray(SALT_BYTES, SALT_BYTES + NONCE_BYTES),
      kek,
    );
  } catch {
    return undefined;
  }
  const role = plaintext[0] === ROLE_BYTES.duress ? 'duress' : 'main';
  const profileKey = plaintext.slice(1);
  sodium.memzero(plaintext);
  return { role, profileKey };
}

/** Subkeys of a profile key: one names records, one seals them. */
export type ProfileKeys = Readonly<{ nameKey: Uint8Array; recordKey: Uint8Array }>;

export function deriveProfileKeys(sodium: Sodium, profileKey: Uint8Array): ProfileKeys {
  return {
    nameKey: sodium.crypto_kdf_derive_from_key(32, 1, 'll-vname', profileKey),
    recordKey: sodium.crypto_kdf_derive_from_key(32, 2, 'll-vseal', profileKey),
  };
}

/**
 * The store key of a logical record key: a keyed BLAKE2b hash, so the store's
 * key list does not show record names or which profile owns a record.
 */
export function recordStoreKey(sodium: Sodium, keys: ProfileKeys, logicalKey: string): string {
  return RECORD_KEY_PREFIX + base64UrlEncode(sodium.crypto_generichash(32, logicalKey, keys.nameKey));
}

/** What a record holds: JSON text or raw bytes. */
export type RecordKind = 'json' | 'bytes';
const KIND_BYTES: Readonly<Record<RecordKind, number>> = { json: 1, bytes: 2 };

export type OpenedRecord = Readonly<{ logicalKey: string; kind: RecordKind; value: Uint8Array }>;

/**
 * Seals a record. The logical key is inside the plaintext and the store key
 * (a MAC of the logical key) is the associated data, so a record moved to
 * another key, or into another profile, fails to open.
 */
export function sealRecord(
  sodium: Sodium,
  keys: ProfileKeys,
  storeKey: string,
  logicalKey: string,
  kind: RecordKind,
  value: Uint8Array,
): Uint8Array {
  const name = sodium.from_string(logicalKey);
  const plaintext = sodium.pad(
    concatBytes(Uint8Array.of(KIND_BYTES[kind]), u32be(name.length), name, value),
    RECORD_PAD_BLOCK,
  );
  const nonce = sodium.randombytes_buf(NONCE_BYTES);
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    concatBytes(sodium.from_string(RECORD_AD_LABEL), sodium.from_string(storeKey)),
    null,
    nonce,
    keys.recordKey,
  );
  sodium.memzero(plaintext);
  return concatBytes(Uint8Array.of(FORMAT_VERSION), nonce, sealed);
}

/**
 * Opens a record, or returns `undefined` if it does not open with these keys
 * (it belongs to another profile, or it was altered or moved).
 */
export function openRecord(
  sodium: Sodium,
  keys: ProfileKeys,
  storeKey: string,
  sealed: Uint8Array,
): OpenedRecord | undefined {
  if (sealed[0] !== FORMAT_VERSION || sealed.length < 1 + NONCE_BYTES + TAG_BYTES) return undefined;
  let plaintext: Uint8Array;
  try {
    plaintext = sodium.unpad(
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        sealed.subarray(1 + NONCE_BYTES),
        concatBytes(sodium.from_string(RECORD_AD_LABEL), sodium.from_string(storeKey)),
        sealed.subarray(1, 1 + NONCE_BYTES),
        keys.recordKey,
      ),
      RECORD_PAD_BLOCK,
    );
  } catch {
    return undefined;
  }
  if (plaintext.length < 5) return undefined;
  const kind = plaintext[0] === KIND_BYTES.bytes ? 'bytes' : 'json';
  const nameLength = readU32be(plaintext, 1);
  if (5 + nameLength > plaintext.length) return undefined;
  const logicalKey = sodium.to_string(plaintext.subarray(5, 5 + nameLength));
  // The MAC check makes the logical key inside the plaintext authoritative.
  const expected = sodium.from_string(recordStoreKey(sodium, keys, logicalKey));
  if (!constantTimeEqual(expected, sodium.from_string(storeKey))) return undefined;
  return { logicalKey, kind, value: plaintext.slice(5 + nameLength) };
}

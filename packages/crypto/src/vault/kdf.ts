import {
  argon2id,
  ARGON2ID_INTERACTIVE,
  meetsInteractiveFloor,
  type KdfParams,
} from '../util/kdf.js';

export { ARGON2ID_INTERACTIVE, meetsInteractiveFloor, type KdfParams };

/**
 * Argon2id parameters for new vaults: 3 passes over 64 MiB, one pass above
 * libsodium's INTERACTIVE level. Memory stays at 64 MiB because an unlock
 * derives one key per profile slot, and low-end phones running WebAssembly
 * cannot spare much more.
 */
export const VAULT_KDF_PARAMS: KdfParams = Object.freeze({
  algorithm: 'argon2id13',
  opsLimit: 3,
  memLimit: 64 * 1024 * 1024,
});

/** Length of a key derived from a passphrase, in bytes. */
export const VAULT_KEY_BYTES = 32;

/**
 * The key-derivation port. The web app passes an implementation that runs
 * {@link deriveVaultKey} in a Worker; the default runs it on the calling
 * thread. Implementations must return {@link VAULT_KEY_BYTES} bytes.
 */
export type DeriveVaultKey = (
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
) => Promise<Uint8Array>;

/**
 * Normalises a passphrase to NFKC, so that the same passphrase typed with
 * full-width or half-width characters (common with Chinese input methods)
 * opens the same vault.
 */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFKC');
}

/**
 * Derives a vault key from a passphrase with Argon2id13. Pure apart from its
 * CPU and memory cost, so it can run in a Worker.
 */
export const deriveVaultKey: DeriveVaultKey = async (passphrase, salt, params) =>
  argon2id(normalizePassphrase(passphrase), salt, params, VAULT_KEY_BYTES);

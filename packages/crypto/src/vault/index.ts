/**
 * The local vault: passphrase-sealed storage for everything kept on the
 * device, with a duress profile that cannot be told apart from the main one.
 */
export { VaultError, type VaultErrorCode } from './errors.js';
export { MemoryVaultStore, type VaultStore } from './store.js';
export {
  ARGON2ID_INTERACTIVE,
  deriveVaultKey,
  meetsInteractiveFloor,
  normalizePassphrase,
  VAULT_KDF_PARAMS,
  VAULT_KEY_BYTES,
  type DeriveVaultKey,
  type KdfParams,
} from './kdf.js';
export { SLOT_HEADER_BYTES, VAULT_SLOT_COUNT } from './format.js';
export type { UnlockedVault } from './unlocked-vault.js';
export {
  Vault,
  type CreateVaultOptions,
  type UnlockResult,
  type UnlockVaultOptions,
} from './vault.js';

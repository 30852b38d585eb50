/** Why a vault operation was refused. */
export type VaultErrorCode =
  /** The passphrase opens no profile (also used by `changePassphrase` for a wrong current one). */
  | 'wrong-passphrase'
  /** The vault was locked; unlock it again. */
  | 'locked'
  /** The store holds no vault. */
  | 'no-vault'
  /** The store already holds a vault. */
  | 'vault-exists'
  /** The store's bytes are not a vault this version understands, or a record was altered. */
  | 'corrupt-vault'
  /** The KDF parameters are weaker than libsodium's INTERACTIVE level. */
  | 'weak-kdf'
  /** A passphrase may not be empty. */
  | 'empty-passphrase'
  /** The new passphrase already opens another profile. */
  | 'passphrase-in-use'
  /** Duress passphrases can only be managed from the main profile. */
  | 'duress-unavailable'
  /** A record key must be a non-empty string of at most 512 characters. */
  | 'invalid-record-key'
  /** The record holds bytes but JSON was asked for, or the reverse. */
  | 'wrong-record-kind';

/**
 * The single error type thrown by the vault. Messages are fixed strings:
 * they never contain passphrases, record keys or contents.
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';

  constructor(
    readonly code: VaultErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

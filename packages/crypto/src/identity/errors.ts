/** Why an identity, login or device-link operation was refused. */
export type IdentityErrorCode =
  /** The recovery phrase has unknown words, the wrong length or a bad checksum. */
  | 'invalid-phrase'
  /** Exported identity bytes are not in a format this version understands. */
  | 'invalid-identity-secret'
  /** The identity's secret keys were erased with {@link forgetIdentity}. */
  | 'identity-forgotten'
  /** The challenge is too short to be a fresh server nonce. */
  | 'invalid-challenge'
  /** A device-link code is not in the expected format. */
  | 'invalid-link-code'
  /** A device-link ciphertext did not open with this code (wrong code or tampered). */
  | 'link-open-failed';

/**
 * The single error type thrown by the identity module. Messages are fixed
 * strings: they never contain phrases, codes or key material.
 */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';

  constructor(
    readonly code: IdentityErrorCode,
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }
}

/** Why an MLS circle operation was refused. */
export type CircleErrorCode =
  | 'credential-not-in-roster'
  | 'roster-signature-invalid'
  | 'roster-wrong-circle'
  | 'roster-rollback'
  | 'malformed-credential'
  | 'malformed-message'
  | 'wrong-circle'
  | 'stale-epoch'
  | 'future-epoch'
  | 'not-a-member'
  | 'proposal-not-allowed'
  | 'removal-not-allowed'
  | 'unknown-member'
  | 'state-spent'
  | 'protocol-error';

/**
 * The single error type thrown by the MLS layer. Messages are fixed strings:
 * they never contain key material, plaintext or member identifiers.
 */
export class CircleError extends Error {
  override readonly name = 'CircleError';

  constructor(
    readonly code: CircleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Error codes the server answers with, as `{ error, message }`. Clients
 * switch on the code; the message is plain English for logs and developers,
 * and the app shows its own translated text. Codes never reveal whether an
 * account, device or invitation exists beyond what the caller already knows.
 */
export const ERROR_CODES = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'rate-limited',
  'invitation-invalid',
  'login-failed',
  'challenge-invalid',
  'pseudonym-invalid',
  'attestation-required',
  'on-probation',
  'quota-exceeded',
  'conflict',
  'payload-too-large',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response. */
export type ErrorBody = Readonly<{ error: ErrorCode; message: string; issues?: readonly string[] }>;

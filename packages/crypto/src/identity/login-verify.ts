/**
 * The server's side of login: verifying a signed challenge needs only the
 * public key. This module imports nothing that touches secret keys, so it can
 * be exposed to the server on its own, through a subpath export.
 */
import { base64UrlDecode, concatBytes, u32be } from '../util/bytes.js';
import { loadSodium, type Sodium } from '../util/sodium.js';

function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/**
 * Domain-separation prefix of every login signature ("lamplight/login/v1"
 * and a NUL byte), so that a login signature can never be replayed as any
 * other kind of signature made with the same key, or the reverse.
 */
export const LOGIN_CONTEXT: Uint8Array = asciiBytes('lamplight/login/v1\0');

/** Size of the random challenge a server should send (and the minimum accepted). */
export const LOGIN_CHALLENGE_BYTES = 32;

/** Ed25519 signature length in bytes. */
export const SIGNATURE_BYTES = 64;

const PUBLIC_KEY_BYTES = 32;

/** The exact bytes a login signature covers. */
export function loginMessage(sodium: Sodium, challenge: Uint8Array, audience: string): Uint8Array {
  const audienceBytes = sodium.from_string(audience);
  return concatBytes(LOGIN_CONTEXT, u32be(audienceBytes.length), audienceBytes, challenge);
}

function asBytes(value: Uint8Array | string): Uint8Array | undefined {
  return typeof value === 'string' ? base64UrlDecode(value) : value;
}

/** A fresh random login challenge of {@link LOGIN_CHALLENGE_BYTES} bytes. */
export async function createLoginChallenge(): Promise<Uint8Array> {
  const sodium = await loadSodium();
  return sodium.randombytes_buf(LOGIN_CHALLENGE_BYTES);
}

/**
 * Checks a login signature. Pure and safe for the server: it needs only the
 * public key. Malformed input of any kind yields `false`, never an exception.
 *
 * @param signPublicKey - Ed25519 public key, raw or base64url.
 * @param signature - Ed25519 signature, raw or base64url.
 */
export async function verifyChallengeSignature(
  signPublicKey: Uint8Array | string,
  challenge: Uint8Array,
  audience: string,
  signature: Uint8Array | string,
): Promise<boolean> {
  const sodium = await loadSodium();
  const publicKey = asBytes(signPublicKey);
  const signatureBytes = asBytes(signature);
  if (
    publicKey?.length !== PUBLIC_KEY_BYTES ||
    signatureBytes?.length !== SIGNATURE_BYTES ||
    challenge.length < LOGIN_CHALLENGE_BYTES
  ) {
    return false;
  }
  try {
    return sodium.crypto_sign_verify_detached(
      signatureBytes,
      loginMessage(sodium, challenge, audience),
      publicKey,
    );
  } catch {
    return false;
  }
}

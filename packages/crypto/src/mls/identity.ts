import type { Credential } from 'ts-mls';
import { ByteReader, ByteWriter, toHex } from './bytes.js';
import { CircleError } from './errors.js';
import { circleSuite } from './suite.js';

/** Format version of the identity bytes inside a member's basic credential. */
const CREDENTIAL_FORMAT_V1 = 1;

/** Random bytes in a per-circle pseudonym id (hex encoded, so 32 characters). */
const MEMBER_ID_BYTES = 16;

/** Length of an Ed25519 public key. */
export const SIGNATURE_PUBLIC_KEY_BYTES = 32;

const CREDENTIAL_BASIC = 'basic' as const;

/**
 * A member's identity inside ONE circle: a random pseudonym id and a fresh
 * Ed25519 signature key pair that is never reused in another circle, so two
 * circles cannot be linked by comparing keys. Keep it in the vault.
 */
export type CircleIdentity = Readonly<{
  /** Random per-circle pseudonym id (32 lower-case hex characters). */
  memberId: string;
  /** Ed25519 public key, 32 bytes. */
  signaturePublicKey: Uint8Array;
  /** Ed25519 private key as ts-mls/WebCrypto hold it (PKCS#8). Secret. */
  signaturePrivateKey: Uint8Array;
}>;

/** What a credential says about its holder, once decoded. */
export type CredentialClaim = Readonly<{
  memberId: string;
  signaturePublicKey: Uint8Array;
}>;

/** Creates a fresh pseudonym id and signature key pair for one circle. */
export async function createCircleIdentity(): Promise<CircleIdentity> {
  const suite = await circleSuite();
  const { publicKey, signKey } = await suite.signature.keygen();
  return {
    memberId: toHex(suite.rng.randomBytes(MEMBER_ID_BYTES)),
    signaturePublicKey: publicKey,
    signaturePrivateKey: signKey,
  };
}

/** Builds the MLS basic credential that carries `claim`. */
export function credentialFor(claim: CredentialClaim): Credential {
  const identity = new ByteWriter()
    .u8(CREDENTIAL_FORMAT_V1)
    .string(claim.memberId)
    .bytes(claim.signaturePublicKey)
    .finish();
  return { credentialType: CREDENTIAL_BASIC, identity };
}

/**
 * Decodes a credential built by {@link credentialFor}.
 * @throws CircleError `malformed-credential` for any other shape.
 */
export function claimOf(credential: Credential): CredentialClaim {
  if (credential.credentialType !== CREDENTIAL_BASIC) {
    throw new CircleError('malformed-credential', 'credential is not a basic credential');
  }
  try {
    const reader = new ByteReader(credential.identity);
    if (reader.u8() !== CREDENTIAL_FORMAT_V1) throw new RangeError('version');
    const memberId = reader.string();
    const signaturePublicKey = reader.bytes();
    reader.end();
    if (signaturePublicKey.length !== SIGNATURE_PUBLIC_KEY_BYTES) throw new RangeError('key length');
    return { memberId, signaturePublicKey };
  } catch (cause) {
    if (cause instanceof CircleError) throw cause;
    throw new CircleError('malformed-credential', 'credential identity cannot be decoded', { cause });
  }
}

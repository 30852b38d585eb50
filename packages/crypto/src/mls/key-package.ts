import {
  decodeMlsMessage,
  defaultCapabilities,
  encodeMlsMessage,
  generateKeyPackageWithKey,
  type KeyPackage,
  type MLSMessage,
  type PrivateKeyPackage,
} from 'ts-mls';
import { verifyKeyPackage } from 'ts-mls/keyPackage.js';
import { ByteReader, ByteWriter, bytesEqual } from './bytes.js';
import { CircleError } from './errors.js';
import { claimOf, credentialFor, type CircleIdentity, type CredentialClaim } from './identity.js';
import { circleSuite, CIRCLE_CIPHERSUITE } from './suite.js';

const PRIVATE_PACKAGE_FORMAT_V1 = 1;
/** The MLS protocol version every circle message carries. */
export const MLS_VERSION = 'mls10' as const;

/** How long a key package stays valid after it is made (28 days). */
export const KEY_PACKAGE_LIFETIME_MS = 28 * 24 * 60 * 60 * 1000;

/** Tolerated clock skew between devices when checking a key package's start time. */
const KEY_PACKAGE_SKEW_MS = 60 * 60 * 1000;

/**
 * A one-time MLS key package for joining one circle. `publicPackage` is an
 * encoded MLSMessage the server may store and hand to whoever adds this
 * member; `privatePackage` holds the matching private keys and stays in the
 * member's vault until the welcome arrives.
 */
export type MemberKeyPackage = Readonly<{
  publicPackage: Uint8Array;
  privatePackage: Uint8Array;
}>;

/**
 * Creates a key package whose credential carries `identity`'s pseudonym id
 * and per-circle signature key.
 * @param nowMs - current time; the package is valid for {@link KEY_PACKAGE_LIFETIME_MS}.
 */
export async function createMemberKeyPackage(identity: CircleIdentity, nowMs: number): Promise<MemberKeyPackage> {
  const suite = await circleSuite();
  const lifetime = {
    notBefore: BigInt(Math.floor((nowMs - KEY_PACKAGE_SKEW_MS) / 1000)),
    notAfter: BigInt(Math.floor((nowMs + KEY_PACKAGE_LIFETIME_MS) / 1000)),
  };
  const { publicPackage, privatePackage } = await generateKeyPackageWithKey(
    credentialFor(identity),
    defaultCapabilities(),
    lifetime,
    [],
    { signKey: identity.signaturePrivateKey, publicKey: identity.signaturePublicKey },
    suite,
  );
  return {
    publicPackage: encodeMlsMessage({ version: MLS_VERSION, wireformat: 'mls_key_package', keyPackage: publicPackage }),
    privatePackage: new ByteWriter()
      .u8(PRIVATE_PACKAGE_FORMAT_V1)
      .bytes(privatePackage.initPrivateKey)
      .bytes(privatePackage.hpkePrivateKey)
      .bytes(privatePackage.signaturePrivateKey)
      .finish(),
  };
}

/**
 * Decodes a whole MLSMessage; undefined for malformed bytes or trailing data
 * (ts-mls decoders may throw on some malformed input).
 */
export function decodeWholeMessage(bytes: Uint8Array): MLSMessage | undefined {
  try {
    const decoded = decodeMlsMessage(bytes, 0);
    return decoded !== undefined && decoded[1] === bytes.length ? decoded[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a public key package and checks it uses the circle ciphersuite.
 * @throws CircleError `malformed-message` otherwise.
 */
export function readKeyPackage(bytes: Uint8Array): KeyPackage {
  const decoded = decodeWholeMessage(bytes);
  if (decoded?.wireformat !== 'mls_key_package' || decoded.keyPackage.cipherSuite !== CIRCLE_CIPHERSUITE) {
    throw new CircleError('malformed-message', 'not a key package for the circle ciphersuite');
  }
  return decoded.keyPackage;
}

/**
 * Decodes the private half of a {@link MemberKeyPackage}.
 * @throws CircleError `malformed-message` if the bytes are not one.
 */
export function readPrivatePackage(bytes: Uint8Array): PrivateKeyPackage {
  try {
    const r = new ByteReader(bytes);
    if (r.u8() !== PRIVATE_PACKAGE_FORMAT_V1) throw new RangeError('version');
    const keys = { initPrivateKey: r.bytes(), hpkePrivateKey: r.bytes(), signaturePrivateKey: r.bytes() };
    r.end();
    return keys;
  } catch (cause) {
    throw new CircleError('malformed-message', 'private key package cannot be decoded', { cause });
  }
}


/**
 * Reads who a public key package is for, after checking its signature: the
 * roster entry (`memberId`, `signaturePublicKey`) a moderator would sign to
 * admit this newcomer.
 * @throws CircleError `malformed-message` or `malformed-credential` if it is
 *   not a valid circle key package.
 */
export async function inspectKeyPackage(publicPackage: Uint8Array): Promise<CredentialClaim> {
  const keyPackage = readKeyPackage(publicPackage);
  const claim = claimOf(keyPackage.leafNode.credential);
  const suite = await circleSuite();
  const signed = await verifyKeyPackage(keyPackage, suite.signature).catch(() => false);
  if (!signed || !bytesEqual(claim.signaturePublicKey, keyPackage.leafNode.signaturePublicKey)) {
    throw new CircleError('malformed-message', 'key package signature or credential does not check out');
  }
  return claim;
}

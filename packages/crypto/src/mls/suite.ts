import { getCiphersuiteFromName, getCiphersuiteImpl, type CiphersuiteImpl, type CiphersuiteName } from 'ts-mls';

/**
 * The one MLS ciphersuite every Lamplight circle uses: RFC 9420's
 * mandatory-to-implement suite 0x0001. ts-mls runs it on WebCrypto alone
 * (X25519, AES-128-GCM, SHA-256, Ed25519), with no optional dependencies.
 */
export const CIRCLE_CIPHERSUITE: CiphersuiteName = 'MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519';

/** Numeric id of {@link CIRCLE_CIPHERSUITE} on the wire (RFC 9420 §17.1). */
export const CIRCLE_CIPHERSUITE_ID = 1;

let cached: Promise<CiphersuiteImpl> | undefined;

/** The ciphersuite implementation, created once per process. */
export function circleSuite(): Promise<CiphersuiteImpl> {
  cached ??= getCiphersuiteImpl(getCiphersuiteFromName(CIRCLE_CIPHERSUITE));
  return cached;
}

import { base64UrlEncode, concatBytes } from '../util/bytes.js';
import { loadSodium, type Sodium } from '../util/sodium.js';
import { IdentityError } from './errors.js';
import {
  entropyToPhrase,
  parsePhrase,
  RECOVERY_ENTROPY_BYTES,
  type PhraseWordlist,
} from './recovery-phrase.js';

declare const identityBrand: unique symbol;

/**
 * A member's identity: an Ed25519 signing key pair and an X25519
 * key-agreement key pair, both derived from the 128-bit entropy behind the
 * recovery phrase. Only the public keys are visible on the object; the
 * secret keys stay inside this module and are reached through the functions
 * it exports.
 */
export type Identity = Readonly<{
  /** Ed25519 public key (32 bytes). */
  signPublicKey: Uint8Array;
  /** X25519 public key (32 bytes). */
  kxPublicKey: Uint8Array;
  readonly [identityBrand]: true;
}>;

/** What the server and other members may know about an identity. */
export type PublicIdentity = Readonly<{
  /** Ed25519 public key, unpadded base64url. */
  signPublicKey: string;
  /** X25519 public key, unpadded base64url. */
  kxPublicKey: string;
}>;

/** A freshly generated identity and the phrase that restores it. */
export type GeneratedIdentity = Readonly<{ phrase: string; identity: Identity }>;

type IdentitySecrets = {
  entropy: Uint8Array;
  signSecretKey: Uint8Array;
  kxSecretKey: Uint8Array;
};

const secrets = new WeakMap<Identity, IdentitySecrets>();

/** Version byte of {@link exportIdentitySecret}'s format. */
const IDENTITY_SECRET_VERSION = 1;

// Distinct BLAKE2b inputs keyed by the entropy: the two seeds are independent
// PRF outputs, so neither key pair says anything about the other.
const SIGN_SEED_LABEL = 'lamplight/identity/v1/ed25519-seed';
const KX_SEED_LABEL = 'lamplight/identity/v1/x25519-seed';

function deriveIdentity(sodium: Sodium, entropy: Uint8Array): Identity {
  const signSeed = sodium.crypto_generichash(32, sodium.from_string(SIGN_SEED_LABEL), entropy);
  const kxSeed = sodium.crypto_generichash(32, sodium.from_string(KX_SEED_LABEL), entropy);
  const sign = sodium.crypto_sign_seed_keypair(signSeed);
  const kx = sodium.crypto_box_seed_keypair(kxSeed);
  sodium.memzero(signSeed);
  sodium.memzero(kxSeed);
  const identity = Object.freeze({
    signPublicKey: sign.publicKey,
    kxPublicKey: kx.publicKey,
  }) as Identity;
  secrets.set(identity, {
    entropy: Uint8Array.from(entropy),
    signSecretKey: sign.privateKey,
    kxSecretKey: kx.privateKey,
  });
  return identity;
}

/**
 * The secret keys of `identity`, for the other modules of this package.
 * Not exported from the package.
 *
 * @throws IdentityError `identity-forgotten` after {@link forgetIdentity}.
 */
export function identitySecrets(identity: Identity): Readonly<IdentitySecrets> {
  const found = secrets.get(identity);
  if (found === undefined) throw new IdentityError('identity-forgotten');
  return found;
}

/**
 * Generates a new identity on this device from fresh randomness.
 *
 * @param wordlist - language of the returned recovery phrase; zh-TW by default.
 * @returns the identity and its 12-word recovery phrase, words separated by spaces.
 */
export async function generateIdentity(
  wordlist: PhraseWordlist = 'zh-TW',
): Promise<GeneratedIdentity> {
  const sodium = await loadSodium();
  const entropy = sodium.randombytes_buf(RECOVERY_ENTROPY_BYTES);
  const identity = deriveIdentity(sodium, entropy);
  const phrase = entropyToPhrase(entropy, wordlist);
  sodium.memzero(entropy);
  return { phrase, identity };
}

/**
 * Restores an identity from its recovery phrase. The word list is detected;
 * Chinese words may be typed with or without spaces; case and extra spaces
 * are ignored.
 *
 * @throws IdentityError `invalid-phrase` if the phrase is not a valid
 *   12-word BIP-39 phrase in one of the supported lists.
 */
export async function restoreIdentity(phrase: string): Promise<Identity> {
  const sodium = await loadSodium();
  const { entropy } = parsePhrase(phrase);
  const identity = deriveIdentity(sodium, entropy);
  sodium.memzero(entropy);
  return identity;
}

/** Writes the recovery phrase of `identity` again, e.g. for a backup reminder. */
export function recoveryPhrase(identity: Identity, wordlist: PhraseWordlist = 'zh-TW'): string {
  return entropyToPhrase(identitySecrets(identity).entropy, wordlist);
}

/** The public keys of `identity`, base64url-encoded, for registration and rosters. */
export function publicIdentity(identity: Identity): PublicIdentity {
  return {
    signPublicKey: base64UrlEncode(identity.signPublicKey),
    kxPublicKey: base64UrlEncode(identity.kxPublicKey),
  };
}

/**
 * Serialises the identity's secret (17 bytes: a version byte and the
 * recovery entropy). The result is as sensitive as the recovery phrase:
 * pass it only to the vault or to {@link sealForLink}, and never log it.
 */
export function exportIdentitySecret(identity: Identity): Uint8Array {
  return concatBytes(Uint8Array.of(IDENTITY_SECRET_VERSION), identitySecrets(identity).entropy);
}

/**
 * Rebuilds an identity from {@link exportIdentitySecret}'s output.
 *
 * @throws IdentityError `invalid-identity-secret` for any other input.
 */
export async function importIdentitySecret(secret: Uint8Array): Promise<Identity> {
  const sodium = await loadSodium();
  if (secret.length !== 1 + RECOVERY_ENTROPY_BYTES || secret[0] !== IDENTITY_SECRET_VERSION) {
    throw new IdentityError('invalid-identity-secret');
  }
  return deriveIdentity(sodium, secret.subarray(1));
}

/**
 * Zeroes the identity's secret keys in memory (e.g. when the vault locks).
 * Further operations that need them throw `identity-forgotten`.
 */
export async function forgetIdentity(identity: Identity): Promise<void> {
  const sodium = await loadSodium();
  const found = secrets.get(identity);
  if (found === undefined) return;
  sodium.memzero(found.entropy);
  sodium.memzero(found.signSecretKey);
  sodium.memzero(found.kxSecretKey);
  secrets.delete(identity);
}

/**
 * Returns the live secret key buffers of `identity` so tests can check that
 * they are derived deterministically and zeroed by {@link forgetIdentity}.
 * Never call this outside tests.
 */
export function dangerousTestOnlyIdentitySecrets(identity: Identity): Readonly<{
  signSecretKey: Uint8Array;
  kxSecretKey: Uint8Array;
}> {
  const found = identitySecrets(identity);
  return { signSecretKey: found.signSecretKey, kxSecretKey: found.kxSecretKey };
}

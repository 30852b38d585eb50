import { base64UrlEncode, concatBytes } from '../util/bytes.js';
import {
  argon2id,
  ARGON2ID_INTERACTIVE,
  DANGEROUS_TEST_ONLY_FAST_KDF,
  type KdfParams,
} from '../util/kdf.js';
import { loadSodium } from '../util/sodium.js';
import { IdentityError } from './errors.js';

/**
 * Characters of a device-link code: capitals and digits without the
 * look-alikes 0/O, 1/I/L.
 */
export const LINK_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * Length of a device-link code. 10 characters from a 31-letter alphabet give
 * about 49.5 bits, so guessing a code offline from a seized ciphertext costs
 * around 2^48 Argon2id evaluations at 64 MiB each.
 */
export const LINK_CODE_LENGTH = 10;

/** Argon2id parameters for link codes: libsodium's INTERACTIVE level. */
export const LINK_KDF_PARAMS: KdfParams = ARGON2ID_INTERACTIVE;

const LINK_FORMAT_VERSION = 1;
const LINK_SALT_LABEL = 'lamplight/link/v1/salt';
const LINK_AD_LABEL = 'lamplight/link/v1/payload';
// crypto_kdf contexts are exactly 8 bytes.
const LINK_LOOKUP_CONTEXT = 'll-lnkid';
const LINK_KEY_CONTEXT = 'll-lnkey';

/** Options shared by the link functions. */
export type LinkOptions = Readonly<{
  /** Use libsodium's minimum Argon2id cost. Tests only. */
  dangerousTestOnlyFastKdf?: boolean;
}>;

/**
 * A code both devices know, turned into keys: `lookupId` names the
 * ciphertext on the server (it reveals nothing about the code without the
 * Argon2id work), and `seal`/`open` encrypt with the derived key.
 */
export type LinkChannel = Readonly<{
  /** Server-side name of the sealed payload, unpadded base64url (32 bytes). */
  lookupId: string;
  /** Seals `payload` (e.g. {@link exportIdentitySecret}'s output) for the other device. */
  seal(payload: Uint8Array): Uint8Array;
  /**
   * Opens what the other device sealed.
   * @throws IdentityError `link-open-failed` for a wrong code or tampered data.
   */
  open(sealed: Uint8Array): Uint8Array;
  /** Zeroes the derived key; later seal/open calls throw. */
  close(): void;
}>;

/**
 * Brings a typed code into canonical form: NFKC (so full-width input works),
 * upper case, spaces and dashes removed.
 *
 * @returns the canonical code, or `undefined` if it cannot be a link code.
 */
export function normalizeLinkCode(typed: string): string | undefined {
  const code = typed.normalize('NFKC').toUpperCase().replace(/[\s-]+/gu, '');
  if (code.length !== LINK_CODE_LENGTH) return undefined;
  for (const char of code) if (!LINK_CODE_ALPHABET.includes(char)) return undefined;
  return code;
}

/** Shows a canonical code in two groups of five, e.g. `ABCDE-FGH23`. */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, LINK_CODE_LENGTH / 2)}-${code.slice(LINK_CODE_LENGTH / 2)}`;
}

/**
 * Creates a one-time device-link code for the first device to show.
 * The code is canonical (see {@link normalizeLinkCode}); show it with
 * {@link formatLinkCode}.
 */
export async function createLinkCode(): Promise<string> {
  const sodium = await loadSodium();
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) {
    code += LINK_CODE_ALPHABET[sodium.randombytes_uniform(LINK_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * Derives the link channel for a code (one Argon2id run). Both devices call
 * this: the first to seal, the second to find and open the ciphertext.
 *
 * @throws IdentityError `invalid-link-code` if the code is malformed.
 */
export async function openLinkChannel(code: string, options: LinkOptions = {}): Promise<LinkChannel> {
  const sodium = await loadSodium();
  const canonical = normalizeLinkCode(code);
  if (canonical === undefined) throw new IdentityError('invalid-link-code');
  // A fixed salt is sound here: the code itself is fresh randomness, and a
  // table over all 2^49.5 codes at 64 MiB each is out of reach.
  const salt = sodium.crypto_generichash(
    sodium.crypto_pwhash_SALTBYTES,
    sodium.from_string(LINK_SALT_LABEL),
    null,
  );
  const params = options.dangerousTestOnlyFastKdf ? DANGEROUS_TEST_ONLY_FAST_KDF : LINK_KDF_PARAMS;
  const master = await argon2id(canonical, salt, params);
  const lookup = sodium.crypto_kdf_derive_from_key(32, 1, LINK_LOOKUP_CONTEXT, master);
  const key = sodium.crypto_kdf_derive_from_key(
    sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES,
    2,
    LINK_KEY_CONTEXT,
    master,
  );
  sodium.memzero(master);
  const lookupId = base64UrlEncode(lookup);
  const ad = concatBytes(sodium.from_string(LINK_AD_LABEL), lookup);
  let closed = false;
  const nonceBytes = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

  return {
    lookupId,
    seal(payload) {
      if (closed) throw new IdentityError('link-open-failed');
      const nonce = sodium.randombytes_buf(nonceBytes);
      const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(payload, ad, null, nonce, key);
      return concatBytes(Uint8Array.of(LINK_FORMAT_VERSION), nonce, ciphertext);
    },
    open(sealed) {
      if (closed || sealed[0] !== LINK_FORMAT_VERSION || sealed.length < 1 + nonceBytes) {
        throw new IdentityError('link-open-failed');
      }
      try {
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
          null,
          sealed.subarray(1 + nonceBytes),
          ad,
          sealed.subarray(1, 1 + nonceBytes),
          key,
        );
      } catch (cause) {
        throw new IdentityError('link-open-failed', { cause });
      }
    },
    close() {
      closed = true;
      sodium.memzero(key);
    },
  };
}

/**
 * Seals `payload` under a link code in one step.
 *
 * @returns the server-side `lookupId` and the ciphertext to upload.
 */
export async function sealForLink(
  code: string,
  payload: Uint8Array,
  options: LinkOptions = {},
): Promise<Readonly<{ lookupId: string; sealed: Uint8Array }>> {
  const channel = await openLinkChannel(code, options);
  try {
    return { lookupId: channel.lookupId, sealed: channel.seal(payload) };
  } finally {
    channel.close();
  }
}

/**
 * Opens a link ciphertext in one step. To look the ciphertext up first
 * without running Argon2id twice, use {@link openLinkChannel}.
 *
 * @throws IdentityError `invalid-link-code` or `link-open-failed`.
 */
export async function openFromLink(
  code: string,
  sealed: Uint8Array,
  options: LinkOptions = {},
): Promise<Uint8Array> {
  const channel = await openLinkChannel(code, options);
  try {
    return channel.open(sealed);
  } finally {
    channel.close();
  }
}

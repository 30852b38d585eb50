import { loadSodium } from './sodium.js';

/**
 * Argon2id cost parameters, in libsodium's units: `opsLimit` is the number of
 * passes, `memLimit` the memory in bytes.
 */
export type KdfParams = Readonly<{
  algorithm: 'argon2id13';
  opsLimit: number;
  memLimit: number;
}>;

/**
 * libsodium's `crypto_pwhash_OPSLIMIT_INTERACTIVE` / `MEMLIMIT_INTERACTIVE`
 * (2 passes, 64 MiB). No key in Lamplight is derived from a human secret
 * with less than this. Written out so that it is usable before libsodium has
 * loaded; a unit test checks it against libsodium's own constants.
 */
export const ARGON2ID_INTERACTIVE: KdfParams = Object.freeze({
  algorithm: 'argon2id13',
  opsLimit: 2,
  memLimit: 64 * 1024 * 1024,
});

/**
 * The cheapest parameters libsodium accepts. Only for tests, which would
 * otherwise spend most of their time in Argon2id.
 */
export const DANGEROUS_TEST_ONLY_FAST_KDF: KdfParams = Object.freeze({
  algorithm: 'argon2id13',
  opsLimit: 1,
  memLimit: 8192,
});

/** True if `params` are at least as costly as libsodium's INTERACTIVE level. */
export function meetsInteractiveFloor(params: KdfParams): boolean {
  return (
    params.algorithm === 'argon2id13' &&
    params.opsLimit >= ARGON2ID_INTERACTIVE.opsLimit &&
    params.memLimit >= ARGON2ID_INTERACTIVE.memLimit
  );
}

/** Runs Argon2id13 over `secret` with `salt` and returns `length` bytes. */
export async function argon2id(
  secret: Uint8Array | string,
  salt: Uint8Array,
  params: KdfParams,
  length = 32,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (params.algorithm !== 'argon2id13') throw new RangeError('unsupported KDF algorithm');
  if (salt.length !== sodium.crypto_pwhash_SALTBYTES) throw new RangeError('bad salt length');
  return sodium.crypto_pwhash(
    length,
    secret,
    salt,
    params.opsLimit,
    params.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

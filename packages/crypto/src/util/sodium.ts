import sodium from 'libsodium-wrappers-sumo';

/** The libsodium module type, for helpers that receive it ready to use. */
export type Sodium = typeof sodium;

/**
 * Resolves to libsodium once its WebAssembly has loaded. Every crypto entry
 * point awaits this, so callers never see a half-initialised library.
 */
export async function loadSodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}

import { makeKeyPackage } from './mls-ops.js';
import { CIRCLE_KEYS, type CircleRecords, type StoredKeyPackage } from './records.js';

/** Fewest unused key packages this device keeps on the server. */
export const MIN_KEY_PACKAGES = 3;
/** How many it uploads when it tops up. */
export const KEY_PACKAGE_BATCH = 5;
/** A key package is replaced this long before MLS would refuse it (28 days). */
export const KEY_PACKAGE_MAX_AGE_MS = 21 * 24 * 60 * 60 * 1000;

const keyOf = (ref: string): string => `${CIRCLE_KEYS.keyPackagePrefix}${ref}`;

/**
 * Makes sure a few key packages wait on the server so a moderator can add
 * this member: drops old ones here, and when fewer than
 * {@link MIN_KEY_PACKAGES} remain, makes {@link KEY_PACKAGE_BATCH} fresh ones
 * (each with its own per-circle identity), seals their private halves, then
 * uploads the public halves. The server does not say how many it still
 * holds, so the count is this device's own (a package a moderator took but
 * never used is counted until it ages out).
 */
export async function topUpKeyPackages(records: CircleRecords, upload: (publicPackages: string[]) => Promise<unknown>, now: number): Promise<number> {
  let kept = 0;
  for (const key of await records.list(CIRCLE_KEYS.keyPackagePrefix)) {
    const kp = await records.get<StoredKeyPackage>(key);
    if (kp === undefined || now - kp.createdAt > KEY_PACKAGE_MAX_AGE_MS) await records.delete(key);
    else kept++;
  }
  if (kept >= MIN_KEY_PACKAGES) return 0;
  const fresh: StoredKeyPackage[] = [];
  for (let i = 0; i < KEY_PACKAGE_BATCH; i++) fresh.push(await makeKeyPackage(now));
  // Private halves are sealed first, so a package the server holds always has its keys here.
  for (const kp of fresh) await records.put(keyOf(kp.ref), kp);
  try {
    await upload(fresh.map((k) => k.publicPackage));
  } catch {
    for (const kp of fresh) await records.delete(keyOf(kp.ref));
    return 0;
  }
  return fresh.length;
}

/** The unused key package a welcome names, if this device made it. */
export function ownKeyPackage(records: CircleRecords, ref: string): Promise<StoredKeyPackage | undefined> {
  return records.get<StoredKeyPackage>(keyOf(ref));
}

/** Forgets a key package once a welcome used it. */
export function forgetKeyPackage(records: CircleRecords, ref: string): Promise<void> {
  return records.delete(keyOf(ref));
}

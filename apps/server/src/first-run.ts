import { toDayPrecision } from '@lamplight/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '@lamplight/storage';
import { DEFAULT_SETTINGS } from './api/settings.js';
import { sha256Hex } from './auth/keys.js';

/** How long the first-run steward invitation stays valid. */
export const STEWARD_INVITATION_TTL_MS = 24 * 60 * 60 * 1000;



/**
 * On an empty database, create the community and a one-time steward
 * invitation, and return its link. On any later start (or on a second node
 * racing this one) return undefined.
 */
export async function firstRun(store: Store, now: number, publicUrl: string): Promise<string | undefined> {
  const secret = randomBytes(32).toString('base64url');
  const created = await store.transact(async (tx) => {
    const isNew = await tx.community.createIfAbsent(toDayPrecision(now), JSON.stringify(DEFAULT_SETTINGS));
    if (!isNew) return false;
    await tx.invitations.create({
      id: randomUUID(),
      codeHash: sha256Hex(secret),
      kind: 'steward',
      inviterId: null,
      createdDay: toDayPrecision(now),
      expiresAt: now + STEWARD_INVITATION_TTL_MS,
      state: 'open',
    });
    return true;
  });
  return created ? `${publicUrl}/join#${secret}` : undefined;
}

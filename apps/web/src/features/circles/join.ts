import { circleIdOf, joinFromWelcome, myMemberId, type CircleState } from '@lamplight/crypto';
import { decodeWelcomeEnvelope, type WelcomeEnvelope } from './envelope.js';
import { forgetKeyPackage, ownKeyPackage } from './key-packages.js';
import { b64, loadKeyPackage, loadRoster, unb64 } from './mls-ops.js';
import type { CircleRecords, StoredKeyPackage } from './records.js';

/** A circle joined from a welcome. */
export type Joined = Readonly<{ envelope: WelcomeEnvelope; kp: StoredKeyPackage; state: CircleState }>;

/**
 * Joins a circle from the server's welcome frame: the welcome envelope must
 * name one of this device's unused key packages; `joinFromWelcome` checks
 * the roster's signature against the moderator keys it carries and that
 * every member of the group is listed; and the group must be the circle the
 * server named, with this member in it under the key package's identity.
 * The key package is forgotten once used. Undefined for anything else.
 */
export async function joinFromWelcomeFrame(records: CircleRecords, circleId: string, mls: string): Promise<Joined | undefined> {
  const bytes = (() => {
    try {
      return unb64(mls);
    } catch {
      return undefined;
    }
  })();
  const envelope = bytes === undefined ? undefined : decodeWelcomeEnvelope(bytes);
  if (envelope === undefined) return undefined;
  const kp = await ownKeyPackage(records, envelope.kp);
  if (kp === undefined) return undefined;
  const trust = { signedRoster: loadRoster(b64(envelope.roster)), moderatorPublicKeys: envelope.moderators };
  const state = await joinFromWelcome(envelope.welcome, loadKeyPackage(kp), trust);
  if (myMemberId(state) !== kp.identity.memberId || circleIdOf(state) !== circleId) return undefined;
  await forgetKeyPackage(records, kp.ref);
  return { envelope, kp, state };
}

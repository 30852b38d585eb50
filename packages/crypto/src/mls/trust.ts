import { bytesEqual } from './bytes.js';
import { CircleError } from './errors.js';
import type { CircleMember } from './members.js';
import { verifyRoster, type CircleRoster, type SignedRoster } from './roster.js';

/**
 * What a member trusts about a circle before any MLS state exists: the
 * moderators' public keys (from the invitation) and the newest roster
 * signed by one of them.
 */
export type CircleTrust = Readonly<{
  signedRoster: SignedRoster;
  moderatorPublicKeys: readonly Uint8Array[];
}>;

/** Verifies `trust` and checks the roster names `circleId`. */
export async function verifyTrust(trust: CircleTrust, circleId: string): Promise<CircleRoster> {
  const roster = await verifyRoster(trust.signedRoster, trust.moderatorPublicKeys);
  if (roster.circleId !== circleId) throw new CircleError('roster-wrong-circle', 'roster belongs to another circle');
  return roster;
}

/**
 * Decides whether `candidate` may replace `current`: same circle, signed by
 * a moderator, and not older. Returns the roster to keep.
 */
export async function newerRoster(
  current: SignedRoster,
  candidate: SignedRoster,
  moderatorPublicKeys: readonly Uint8Array[],
): Promise<SignedRoster> {
  const roster = await verifyRoster(candidate, moderatorPublicKeys);
  if (roster.circleId !== current.roster.circleId) {
    throw new CircleError('roster-wrong-circle', 'roster belongs to another circle');
  }
  if (roster.version < current.roster.version) throw new CircleError('roster-rollback', 'roster is older than the one held');
  if (roster.version === current.roster.version) {
    const same = bytesEqual(candidate.signature, current.signature) || sameMembers(roster, current.roster);
    if (!same) throw new CircleError('roster-rollback', 'two different rosters carry the same version');
    return current;
  }
  return candidate;
}

function sameMembers(a: CircleRoster, b: CircleRoster): boolean {
  return (
    a.members.length === b.members.length &&
    a.members.every(
      (m, i) => m.memberId === b.members[i]?.memberId && bytesEqual(m.signaturePublicKey, b.members[i].signaturePublicKey),
    )
  );
}

/**
 * Removal policy: a moderator may remove anyone; any other member may only
 * remove someone the current roster no longer lists (so moderators decide
 * who leaves, and any online member can carry the decision out). This keeps
 * one malicious member from emptying a circle.
 */
export function mayRemove(
  committer: CircleMember,
  target: CircleMember,
  roster: CircleRoster,
  moderatorPublicKeys: readonly Uint8Array[],
): boolean {
  if (moderatorPublicKeys.some((key) => bytesEqual(key, committer.signaturePublicKey))) return true;
  return !roster.members.some(
    (entry) => entry.memberId === target.memberId && bytesEqual(entry.signaturePublicKey, target.signaturePublicKey),
  );
}

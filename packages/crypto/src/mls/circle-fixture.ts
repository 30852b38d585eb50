import { createCircleIdentity, type CircleIdentity } from './identity.js';
import { createMemberKeyPackage, type MemberKeyPackage } from './key-package.js';
import { signRoster, type CircleRoster, type SignedRoster } from './roster.js';
import type { CircleTrust } from './trust.js';

/** A would-be member: per-circle identity plus one key package. */
export type FixtureMember = Readonly<{ identity: CircleIdentity; keyPackage: MemberKeyPackage }>;

/**
 * Makes `count` identities with key packages, for tests and the bench.
 * Not used by production code.
 */
export async function makeMembers(count: number, nowMs: number): Promise<FixtureMember[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const identity = await createCircleIdentity();
      return { identity, keyPackage: await createMemberKeyPackage(identity, nowMs) };
    }),
  );
}

/** A roster listing `members`, signed by `moderator`, wrapped as trust. */
export async function trustFor(
  circleId: string,
  version: number,
  members: readonly FixtureMember[],
  moderator: CircleIdentity,
): Promise<CircleTrust & { signedRoster: SignedRoster }> {
  const roster: CircleRoster = {
    circleId,
    version,
    members: members.map((m) => ({ memberId: m.identity.memberId, signaturePublicKey: m.identity.signaturePublicKey })),
  };
  return { signedRoster: await signRoster(roster, moderator), moderatorPublicKeys: [moderator.signaturePublicKey] };
}

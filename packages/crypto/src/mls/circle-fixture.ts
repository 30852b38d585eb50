import { addMembers, createCircle, joinFromWelcome } from './circle.js';
import { createCircleIdentity, type CircleIdentity } from './identity.js';
import { createMemberKeyPackage, type MemberKeyPackage } from './key-package.js';
import type { IncomingResult } from './messages.js';
import { signRoster, type CircleRoster, type SignedRoster } from './roster.js';
import type { CircleState } from './state.js';
import type { CircleTrust } from './trust.js';

/*
 * Fixtures for the MLS tests and the MLS bench. Not exported from the
 * package and not used by production code.
 */

/** A would-be member: per-circle identity plus one key package. */
export type FixtureMember = Readonly<{ identity: CircleIdentity; keyPackage: MemberKeyPackage }>;

/** Makes `count` identities, each with a key package. */
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

/** A built circle: everyone's state, in roster order, plus people left out of the roster. */
export type FixtureCircle = Readonly<{
  people: FixtureMember[];
  unlisted: FixtureMember[];
  trust: CircleTrust;
  states: CircleState[];
}>;

/**
 * Moderator `people[0]` creates a circle of `size`, adds everyone else in
 * one commit, and they all join. `extraUnlisted` more people get key
 * packages but are left out of the roster.
 */
export async function buildCircle(circleId: string, size: number, nowMs: number, extraUnlisted = 0): Promise<FixtureCircle> {
  const people = await makeMembers(size, nowMs);
  const unlisted = await makeMembers(extraUnlisted, nowMs);
  const creator = people[0];
  if (creator === undefined) throw new RangeError('a circle needs at least one member');
  const trust = await trustFor(circleId, 1, people, creator.identity);
  const first = await createCircle(circleId, creator.keyPackage, trust);
  if (size === 1) return { people, unlisted, trust, states: [first] };
  const pending = await addMembers(
    first,
    people.slice(1).map((p) => p.keyPackage.publicPackage),
  );
  const welcome = pending.welcome;
  if (welcome === undefined) throw new Error('add commit without welcome');
  const joined = await Promise.all(people.slice(1).map((p) => joinFromWelcome(welcome, p.keyPackage, trust)));
  return { people, unlisted, trust, states: [pending.state, ...joined] };
}

/** Narrows a processing result to `kind`, or throws. */
export function expectKind<K extends IncomingResult['kind']>(
  result: IncomingResult,
  kind: K,
): Extract<IncomingResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${result.kind}`);
  return result as Extract<IncomingResult, { kind: K }>;
}

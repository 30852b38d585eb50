/** A member's role inside one circle. */
export type CircleRole = 'moderator' | 'member';

/** Someone in a circle, as far as circle rules care. */
export type CircleParticipant = Readonly<{ id: string; role: CircleRole }>;

/** Why a circle action is not allowed. */
export type CircleRuleError =
  /** Only moderators add, remove and promote. */
  | 'not-a-moderator'
  /** Moderators cannot remove or demote each other; a moderator steps down themselves. */
  | 'target-is-moderator'
  /** Removing oneself is leaving; use {@link canLeave}. */
  | 'use-leave'
  /** The last moderator must hand over before leaving or stepping down while others remain. */
  | 'last-moderator'
  | 'not-in-circle'
  | 'already-in-circle'
  | 'no-change';

/** The outcome of a circle rule check. */
export type CircleRuleResult = Readonly<{ ok: true } | { ok: false; error: CircleRuleError }>;

const ok: CircleRuleResult = { ok: true };
const no = (error: CircleRuleError): CircleRuleResult => ({ ok: false, error });

const find = (members: readonly CircleParticipant[], id: string): CircleParticipant | undefined =>
  members.find((member) => member.id === id);

const moderatorCount = (members: readonly CircleParticipant[]): number =>
  members.filter((member) => member.role === 'moderator').length;

/**
 * May `actorId` add `newcomerId` to the circle? Only moderators add. (The addition itself is an
 * MLS commit signed on the moderator's device; the server never adds anyone.)
 */
export function canAddMember(members: readonly CircleParticipant[], actorId: string, newcomerId: string): CircleRuleResult {
  const actor = find(members, actorId);
  if (actor === undefined) return no('not-in-circle');
  if (actor.role !== 'moderator') return no('not-a-moderator');
  if (find(members, newcomerId) !== undefined) return no('already-in-circle');
  return ok;
}

/**
 * May `actorId` remove `targetId`? A moderator may remove a member. Nobody may remove a moderator,
 * so that one rogue moderator cannot take a circle over; removing oneself is leaving.
 */
export function canRemoveMember(members: readonly CircleParticipant[], actorId: string, targetId: string): CircleRuleResult {
  const actor = find(members, actorId);
  const target = find(members, targetId);
  if (actor === undefined || target === undefined) return no('not-in-circle');
  if (actorId === targetId) return no('use-leave');
  if (actor.role !== 'moderator') return no('not-a-moderator');
  if (target.role === 'moderator') return no('target-is-moderator');
  return ok;
}

/**
 * May `memberId` leave? Anyone may, except the last moderator while other members remain: they
 * promote someone first, so the circle is never left without anyone able to protect it.
 */
export function canLeave(members: readonly CircleParticipant[], memberId: string): CircleRuleResult {
  const member = find(members, memberId);
  if (member === undefined) return no('not-in-circle');
  if (member.role === 'moderator' && moderatorCount(members) === 1 && members.length > 1) return no('last-moderator');
  return ok;
}

/**
 * May `actorId` give `targetId` the role `role`? A moderator may promote a member; a moderator may
 * step down themselves unless they are the last one; nobody demotes another moderator.
 */
export function canChangeRole(
  members: readonly CircleParticipant[],
  actorId: string,
  targetId: string,
  role: CircleRole,
): CircleRuleResult {
  const actor = find(members, actorId);
  const target = find(members, targetId);
  if (actor === undefined || target === undefined) return no('not-in-circle');
  if (actor.role !== 'moderator') return no('not-a-moderator');
  if (target.role === role) return no('no-change');
  if (role === 'moderator') return ok;
  if (actorId !== targetId) return no('target-is-moderator');
  return moderatorCount(members) === 1 ? no('last-moderator') : ok;
}

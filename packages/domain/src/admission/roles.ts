import type { ResponderProfile, ResponderRole } from '../ladder/types.js';
import type { CommunityRole } from './config.js';

/** Why a steward-only action was refused. */
export type StewardActionRefusal = 'not-a-steward' | 'not-a-professional';

/** The outcome of a steward action on a responder profile. */
export type ResponderChange =
  | Readonly<{ ok: true; responder: ResponderProfile }>
  | Readonly<{ ok: false; reason: StewardActionRefusal }>;

type Actor = Readonly<{ role: CommunityRole }>;

/** True if the actor is a steward; stewards admit people, set responder roles and grant badges. */
export function isSteward(actor: Actor): boolean {
  return actor.role === 'steward';
}

/**
 * A steward grants (or withdraws) the verified badge of a professional volunteer. The badge says
 * "a steward checked this person's credentials" and reveals nothing about who they are.
 */
export function setVerifiedBadge(actor: Actor, responder: ResponderProfile, verified: boolean): ResponderChange {
  if (!isSteward(actor)) return { ok: false, reason: 'not-a-steward' };
  if (responder.role !== 'professional') return { ok: false, reason: 'not-a-professional' };
  return { ok: true, responder: { ...responder, verified } };
}

/**
 * A steward makes a member a night-watcher or a professional volunteer. Changing the role clears the
 * verified badge, which a steward grants to professionals separately.
 */
export function setResponderRole(actor: Actor, responder: ResponderProfile, role: ResponderRole): ResponderChange {
  if (!isSteward(actor)) return { ok: false, reason: 'not-a-steward' };
  if (responder.role === role) return { ok: true, responder };
  return { ok: true, responder: { ...responder, role, verified: false } };
}

import type { AdmissionConfig, CommunityRole } from './config.js';
import { DEFAULT_ADMISSION_CONFIG } from './config.js';

/** A community member as admission rules see them. */
export type CommunityMember = Readonly<{
  id: string;
  role: CommunityRole;
  /** When the member redeemed their invitation (exact; the account row keeps only the day). */
  admittedAt: number;
  /** Set by a steward: this member may no longer invite anyone. */
  invitationsRevoked?: boolean;
}>;

/** When a member's probation ends (exclusive): on probation while `now < probationEndsAt`. */
export function probationEndsAt(member: Pick<CommunityMember, 'admittedAt'>, config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG): number {
  return member.admittedAt + config.probationMs;
}

/**
 * True while a new member is on probation (14 days by default). Stewards are never on probation.
 * On probation a member cannot create invitations or start one-to-one conversations.
 */
export function isOnProbation(member: CommunityMember, now: number, config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG): boolean {
  return member.role !== 'steward' && now < probationEndsAt(member, config);
}

/**
 * True once the link from an invitee to their inviter must be erased: at the end of the invitee's
 * probation. During probation it exists only for accountability if the invitee harms the circle.
 */
export function inviterLinkExpired(
  invitee: Pick<CommunityMember, 'admittedAt'>,
  now: number,
  config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG,
): boolean {
  return now >= probationEndsAt(invitee, config);
}

/** The outcome of asking whether a member may start a one-to-one conversation. */
export type DirectConversationCheck = Readonly<{ ok: true } | { ok: false; reason: 'on-probation' }>;

/** May this member start a one-to-one conversation? Not while on probation. */
export function canStartDirectConversation(
  member: CommunityMember,
  now: number,
  config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG,
): DirectConversationCheck {
  return isOnProbation(member, now, config) ? { ok: false, reason: 'on-probation' } : { ok: true };
}

import { WEEK_MS } from '../time/units.js';
import type { AdmissionConfig } from './config.js';
import { DEFAULT_ADMISSION_CONFIG } from './config.js';
import type { CommunityMember } from './probation.js';
import { inviterLinkExpired, isOnProbation } from './probation.js';

/** Length of an invitation secret in bytes (256 bits). */
export const INVITATION_SECRET_BYTES = 32;

/** An ordinary invitation admits a member; a steward invitation admits a new steward. */
export type InvitationKind = 'member' | 'steward';

/**
 * An invitation as the server keeps it. The secret itself is never stored: the caller keeps only
 * its hash (hashing belongs to the caller, not to these rules).
 */
export type Invitation = Readonly<{
  kind: InvitationKind;
  createdAt: number;
  expiresAt: number;
  /** Erased after the invitee's probation (see {@link eraseInviterLink}). */
  inviterId?: string;
  usedAt?: number;
  revokedAt?: number;
}>;

/** Where an invitation stands. */
export type InvitationStatus = 'valid' | 'expired' | 'used' | 'revoked';

/** Why a member may not create an invitation now. */
export type InvitationRefusal = 'revoked' | 'on-probation' | 'quota-exceeded' | 'not-a-steward';

/** The outcome of {@link canCreateInvitation}. */
export type InvitationPermission = Readonly<{ ok: true } | { ok: false; reason: InvitationRefusal }>;

/** A source of cryptographically secure random bytes, passed in by the caller. */
export type RandomBytes = (length: number) => Uint8Array;

/** How long an invitation of this kind stays valid. */
export function invitationTtl(kind: InvitationKind, config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG): number {
  return kind === 'steward' ? config.stewardInvitationTtlMs : config.invitationTtlMs;
}

/**
 * The start (exclusive) of the rolling week that counts against the quota: count the member's
 * invitations with `createdAt > invitationQuotaWindowStart(now)`.
 */
export function invitationQuotaWindowStart(now: number): number {
  return now - WEEK_MS;
}

/** How many of these creation times fall into the rolling week ending at `now`. */
export function countInvitationsThisWeek(createdAts: readonly number[], now: number): number {
  const start = invitationQuotaWindowStart(now);
  return createdAts.filter((createdAt) => createdAt > start && createdAt <= now).length;
}

/**
 * May this member create an invitation now?
 *
 * Checked in order: a steward revoked their invitations; only stewards invite stewards; members on
 * probation cannot invite; members have a weekly quota. Stewards are not bound by probation or the
 * quota.
 *
 * @param usedThisWeek invitations the member created in the rolling week (see {@link countInvitationsThisWeek})
 */
export function canCreateInvitation(
  member: CommunityMember,
  now: number,
  usedThisWeek: number,
  config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG,
  kind: InvitationKind = 'member',
): InvitationPermission {
  if (member.invitationsRevoked === true) return { ok: false, reason: 'revoked' };
  if (kind === 'steward' && member.role !== 'steward') return { ok: false, reason: 'not-a-steward' };
  if (member.role === 'steward') return { ok: true };
  if (isOnProbation(member, now, config)) return { ok: false, reason: 'on-probation' };
  if (usedThisWeek >= config.weeklyInvitationQuota) return { ok: false, reason: 'quota-exceeded' };
  return { ok: true };
}

/**
 * Makes a new invitation: the record to store (after the caller adds the secret's hash) and the
 * secret to hand to the invitee once. Call only after {@link canCreateInvitation} said yes.
 *
 * @throws RangeError if `randomBytes` does not return exactly 32 bytes
 */
export function newInvitation(
  params: Readonly<{ inviterId: string; kind: InvitationKind; now: number; randomBytes: RandomBytes }>,
  config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG,
): Readonly<{ secret: Uint8Array; invitation: Invitation }> {
  const secret = params.randomBytes(INVITATION_SECRET_BYTES);
  if (secret.length !== INVITATION_SECRET_BYTES) throw new RangeError('invitation secret must be 32 bytes');
  return {
    secret,
    invitation: {
      kind: params.kind,
      createdAt: params.now,
      expiresAt: params.now + invitationTtl(params.kind, config),
      inviterId: params.inviterId,
    },
  };
}

/**
 * Where an invitation stands at `now`. A used invitation stays `used`; otherwise a revoked one is
 * `revoked`; otherwise it is `expired` from `expiresAt` on (exclusive validity).
 */
export function invitationStatus(invitation: Invitation, now: number): InvitationStatus {
  if (invitation.usedAt !== undefined) return 'used';
  if (invitation.revokedAt !== undefined) return 'revoked';
  if (now >= invitation.expiresAt) return 'expired';
  return 'valid';
}

/** The outcome of redeeming or revoking an invitation. */
export type InvitationChange =
  | Readonly<{ ok: true; invitation: Invitation }>
  | Readonly<{ ok: false; reason: Exclude<InvitationStatus, 'valid'> | 'not-allowed' }>;

/** Redeems a valid invitation (one time only). */
export function redeemInvitation(invitation: Invitation, now: number): InvitationChange {
  const status = invitationStatus(invitation, now);
  if (status !== 'valid') return { ok: false, reason: status };
  return { ok: true, invitation: { ...invitation, usedAt: now } };
}

/** Revokes a valid invitation. Only its inviter or a steward may. */
export function revokeInvitation(
  invitation: Invitation,
  actor: Pick<CommunityMember, 'id' | 'role'>,
  now: number,
): InvitationChange {
  if (actor.role !== 'steward' && actor.id !== invitation.inviterId) return { ok: false, reason: 'not-allowed' };
  const status = invitationStatus(invitation, now);
  if (status !== 'valid') return { ok: false, reason: status };
  return { ok: true, invitation: { ...invitation, revokedAt: now } };
}

/** The invitation without its inviter link. */
export function eraseInviterLink(invitation: Invitation): Invitation {
  const { inviterId: _erased, ...rest } = invitation;
  return rest;
}

/**
 * True if the stored invitation must lose its inviter link now: an unused invitation keeps it
 * until it can no longer be used; a used one keeps it until the invitee's probation ends.
 */
export function shouldEraseInviterLink(invitation: Invitation, now: number, config: AdmissionConfig = DEFAULT_ADMISSION_CONFIG): boolean {
  if (invitation.inviterId === undefined) return false;
  if (invitation.usedAt !== undefined) return inviterLinkExpired({ admittedAt: invitation.usedAt }, now, config);
  return invitationStatus(invitation, now) !== 'valid';
}

import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../time/units.js';
import type { ResponderProfile } from '../ladder/types.js';
import { DEFAULT_ADMISSION_CONFIG, makeAdmissionConfig } from './config.js';
import {
  INVITATION_SECRET_BYTES,
  canCreateInvitation,
  countInvitationsThisWeek,
  eraseInviterLink,
  invitationStatus,
  newInvitation,
  redeemInvitation,
  revokeInvitation,
  shouldEraseInviterLink,
} from './invitations.js';
import type { Invitation } from './invitations.js';
import type { CommunityMember } from './probation.js';
import { canStartDirectConversation, inviterLinkExpired, isOnProbation, probationEndsAt } from './probation.js';
import { setResponderRole, setVerifiedBadge } from './roles.js';

const T0 = Date.UTC(2026, 10, 1, 9, 0);
const PROBATION_END = T0 + 14 * DAY_MS;
const newcomer: CommunityMember = { id: 'm1', role: 'member', admittedAt: T0 };
const steward: CommunityMember = { id: 's1', role: 'steward', admittedAt: T0 };
const fixedBytes = (length: number): Uint8Array => new Uint8Array(length).fill(7);

describe('probation', () => {
  it('lasts 14 days by default, ending exactly then', () => {
    expect(probationEndsAt(newcomer)).toBe(PROBATION_END);
    expect(isOnProbation(newcomer, PROBATION_END - 1)).toBe(true);
    expect(isOnProbation(newcomer, PROBATION_END)).toBe(false);
  });

  it('does not apply to stewards', () => {
    expect(isOnProbation(steward, T0)).toBe(false);
  });

  it('follows a steward-set length', () => {
    const config = { ...DEFAULT_ADMISSION_CONFIG, probationMs: 7 * DAY_MS };
    expect(isOnProbation(newcomer, T0 + 7 * DAY_MS - 1, config)).toBe(true);
    expect(isOnProbation(newcomer, T0 + 7 * DAY_MS, config)).toBe(false);
  });

  it('blocks one-to-one conversations until it ends', () => {
    expect(canStartDirectConversation(newcomer, PROBATION_END - 1)).toEqual({ ok: false, reason: 'on-probation' });
    expect(canStartDirectConversation(newcomer, PROBATION_END)).toEqual({ ok: true });
  });

  it('erases the inviter link when it ends', () => {
    expect(inviterLinkExpired(newcomer, PROBATION_END - 1)).toBe(false);
    expect(inviterLinkExpired(newcomer, PROBATION_END)).toBe(true);
  });
});

describe('canCreateInvitation', () => {
  const settled = { ...newcomer, id: 'm2', admittedAt: T0 - 30 * DAY_MS };

  it('refuses members on probation', () => {
    expect(canCreateInvitation(newcomer, PROBATION_END - 1, 0, DEFAULT_ADMISSION_CONFIG)).toEqual({ ok: false, reason: 'on-probation' });
    expect(canCreateInvitation(newcomer, PROBATION_END, 0, DEFAULT_ADMISSION_CONFIG)).toEqual({ ok: true });
  });

  it('enforces the weekly quota (5 by default)', () => {
    expect(canCreateInvitation(settled, T0, 4, DEFAULT_ADMISSION_CONFIG)).toEqual({ ok: true });
    expect(canCreateInvitation(settled, T0, 5, DEFAULT_ADMISSION_CONFIG)).toEqual({ ok: false, reason: 'quota-exceeded' });
    const none = { ...DEFAULT_ADMISSION_CONFIG, weeklyInvitationQuota: 0 };
    expect(canCreateInvitation(settled, T0, 0, none)).toEqual({ ok: false, reason: 'quota-exceeded' });
  });

  it('refuses a member whose invitations a steward revoked, before anything else', () => {
    const revoked = { ...newcomer, invitationsRevoked: true };
    expect(canCreateInvitation(revoked, T0, 0, DEFAULT_ADMISSION_CONFIG)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('lets only stewards create steward invitations, without probation or quota', () => {
    expect(canCreateInvitation(settled, T0, 0, DEFAULT_ADMISSION_CONFIG, 'steward')).toEqual({ ok: false, reason: 'not-a-steward' });
    expect(canCreateInvitation(steward, T0, 99, DEFAULT_ADMISSION_CONFIG, 'steward')).toEqual({ ok: true });
  });

  it('counts a rolling week, excluding exactly seven days ago', () => {
    const now = T0 + 10 * DAY_MS;
    const created = [now - 7 * DAY_MS, now - 7 * DAY_MS + 1, now - DAY_MS, now, now + 1];
    expect(countInvitationsThisWeek(created, now)).toBe(3);
  });
});

describe('invitations', () => {
  it('uses a 32-byte secret from the given random source and expires after 72 hours', () => {
    const { secret, invitation } = newInvitation({ inviterId: 'm2', kind: 'member', now: T0, randomBytes: fixedBytes });
    expect(secret).toHaveLength(INVITATION_SECRET_BYTES);
    expect(INVITATION_SECRET_BYTES).toBe(32);
    expect(invitation).toEqual({ kind: 'member', createdAt: T0, expiresAt: T0 + 72 * HOUR_MS, inviterId: 'm2' });
  });

  it('gives steward invitations 24 hours', () => {
    const { invitation } = newInvitation({ inviterId: 's1', kind: 'steward', now: T0, randomBytes: fixedBytes });
    expect(invitation.expiresAt).toBe(T0 + 24 * HOUR_MS);
  });

  it('refuses a random source that returns the wrong length', () => {
    expect(() => newInvitation({ inviterId: 'm2', kind: 'member', now: T0, randomBytes: () => new Uint8Array(16) })).toThrow(RangeError);
  });

  const valid: Invitation = { kind: 'member', createdAt: T0, expiresAt: T0 + 72 * HOUR_MS, inviterId: 'm2' };

  it('is valid until exactly its expiry', () => {
    expect(invitationStatus(valid, valid.expiresAt - 1)).toBe('valid');
    expect(invitationStatus(valid, valid.expiresAt)).toBe('expired');
  });

  it('can be redeemed only once', () => {
    const redeemed = redeemInvitation(valid, T0 + HOUR_MS);
    expect(redeemed).toEqual({ ok: true, invitation: { ...valid, usedAt: T0 + HOUR_MS } });
    if (!redeemed.ok) return;
    expect(invitationStatus(redeemed.invitation, T0 + 2 * HOUR_MS)).toBe('used');
    expect(redeemInvitation(redeemed.invitation, T0 + 2 * HOUR_MS)).toEqual({ ok: false, reason: 'used' });
    expect(invitationStatus(redeemed.invitation, valid.expiresAt + 1)).toBe('used');
  });

  it('cannot be redeemed after expiry or revocation', () => {
    expect(redeemInvitation(valid, valid.expiresAt)).toEqual({ ok: false, reason: 'expired' });
    const revoked = revokeInvitation(valid, { id: 'm2', role: 'member' }, T0 + 1);
    expect(revoked.ok).toBe(true);
    if (!revoked.ok) return;
    expect(invitationStatus(revoked.invitation, T0 + 2)).toBe('revoked');
    expect(redeemInvitation(revoked.invitation, T0 + 2)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('may be revoked by its inviter or a steward, nobody else', () => {
    expect(revokeInvitation(valid, { id: 'other', role: 'member' }, T0 + 1)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(revokeInvitation(valid, { id: 's1', role: 'steward' }, T0 + 1).ok).toBe(true);
    expect(revokeInvitation(valid, { id: 'm2', role: 'member' }, valid.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('keeps the inviter link during the invitee probation and erases it after', () => {
    const used: Invitation = { ...valid, usedAt: T0 + HOUR_MS };
    expect(shouldEraseInviterLink(used, T0 + HOUR_MS + 14 * DAY_MS - 1)).toBe(false);
    expect(shouldEraseInviterLink(used, T0 + HOUR_MS + 14 * DAY_MS)).toBe(true);
    expect(eraseInviterLink(used)).toEqual({ kind: 'member', createdAt: T0, expiresAt: valid.expiresAt, usedAt: T0 + HOUR_MS });
    expect(shouldEraseInviterLink(eraseInviterLink(used), T0 + 30 * DAY_MS)).toBe(false);
  });

  it('erases the inviter link of an unused invitation once it can no longer be used', () => {
    expect(shouldEraseInviterLink(valid, valid.expiresAt - 1)).toBe(false);
    expect(shouldEraseInviterLink(valid, valid.expiresAt)).toBe(true);
  });
});

describe('steward actions on responders', () => {
  const professional: ResponderProfile = { id: 'p1', role: 'professional', verified: false, shifts: [] };

  it('lets a steward grant and withdraw the verified badge', () => {
    expect(setVerifiedBadge(steward, professional, true)).toEqual({ ok: true, responder: { ...professional, verified: true } });
    expect(setVerifiedBadge(steward, { ...professional, verified: true }, false)).toEqual({ ok: true, responder: professional });
  });

  it('refuses the badge from a member or for a night-watcher', () => {
    expect(setVerifiedBadge(newcomer, professional, true)).toEqual({ ok: false, reason: 'not-a-steward' });
    expect(setVerifiedBadge(steward, { ...professional, role: 'night-watcher' }, true)).toEqual({ ok: false, reason: 'not-a-professional' });
  });

  it('clears the badge when the role changes', () => {
    const verified = { ...professional, verified: true };
    expect(setResponderRole(steward, verified, 'night-watcher')).toEqual({ ok: true, responder: { ...professional, role: 'night-watcher' } });
    expect(setResponderRole(steward, verified, 'professional')).toEqual({ ok: true, responder: verified });
    expect(setResponderRole(newcomer, verified, 'night-watcher')).toEqual({ ok: false, reason: 'not-a-steward' });
  });
});

describe('makeAdmissionConfig', () => {
  it('returns defaults and refuses values out of range', () => {
    expect(makeAdmissionConfig()).toEqual({ ok: true, config: DEFAULT_ADMISSION_CONFIG });
    expect(makeAdmissionConfig({ weeklyInvitationQuota: 10 }).ok).toBe(true);
    const refused = makeAdmissionConfig({ probationMs: 200 * DAY_MS, weeklyInvitationQuota: 2.5 });
    expect(refused.ok ? [] : refused.errors).toEqual([
      { field: 'weeklyInvitationQuota', problem: 'not-an-integer' },
      { field: 'probationMs', problem: 'out-of-range' },
    ]);
  });
});

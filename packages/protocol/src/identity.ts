import { z } from 'zod';
import { base64Url, base64UrlUpTo, id, publicKey, sha256Hex, signature } from './encoding.js';

/** Bytes of a login challenge. */
export const CHALLENGE_BYTES = 32;
/** Bytes of an invitation secret (the part after `#` in the link). */
export const INVITATION_SECRET_BYTES = 32;
/** How long a login challenge may be answered. */
export const CHALLENGE_TTL_MS = 2 * 60 * 1000;
/** How long a session token lives; the app logs in again with its device key. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How long a sealed device-link payload waits on the server. */
export const DEVICE_LINK_TTL_MS = 10 * 60 * 1000;
/** Largest sealed device-link payload. */
export const DEVICE_LINK_MAX_BYTES = 4096;
/** Longest community pseudonym, in characters (code points). */
export const PSEUDONYM_MAX_CHARS = 32;

export const ROLES = ['member', 'steward'] as const;
export type Role = (typeof ROLES)[number];

/** POST /api/v1/auth/challenge → a fresh challenge to sign. */
export const challengeResponse = z.object({ challengeId: id, challenge: base64Url(CHALLENGE_BYTES), expiresAt: z.number().int() });
export type ChallengeResponse = z.infer<typeof challengeResponse>;

/** A new session. The token goes in `Authorization: Bearer …`; the server keeps only its hash. */
export const sessionResponse = z.object({
  accountId: id,
  deviceId: id,
  role: z.enum(ROLES),
  token: base64Url(32),
  expiresAt: z.number().int(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/**
 * POST /api/v1/join: redeem an invitation. Both keys sign the same challenge,
 * proving the joiner holds them; the invitation secret is hashed on arrival
 * and never stored.
 */
export const joinRequest = z.object({
  invitation: base64Url(INVITATION_SECRET_BYTES),
  pseudonym: z.string().min(1).max(200),
  attestAdult: z.literal(true),
  acceptGuidelines: z.literal(true),
  identityKey: publicKey,
  kxKey: publicKey,
  deviceKey: publicKey,
  challengeId: id,
  identitySignature: signature,
  deviceSignature: signature,
});
export type JoinRequest = z.infer<typeof joinRequest>;

/** POST /api/v1/auth/login: a known device signs a challenge. */
export const loginRequest = z.object({ deviceId: id, challengeId: id, signature });
export type LoginRequest = z.infer<typeof loginRequest>;

/** POST /api/v1/auth/recover: the recovery phrase's identity key admits a new device. */
export const recoverRequest = z.object({
  identityKey: publicKey,
  deviceKey: publicKey,
  challengeId: id,
  identitySignature: signature,
  deviceSignature: signature,
});
export type RecoverRequest = z.infer<typeof recoverRequest>;

/** GET /api/v1/me */
export const meResponse = z.object({
  accountId: id,
  role: z.enum(ROLES),
  pseudonym: z.string(),
  createdDay: z.number().int(),
  probationUntil: z.number().int(),
  onProbation: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

/** GET /api/v1/devices */
export const devicesResponse = z.object({
  devices: z.array(z.object({ deviceId: id, createdDay: z.number().int(), current: z.boolean() })),
});
export type DevicesResponse = z.infer<typeof devicesResponse>;

/** POST /api/v1/device-links: park a sealed identity for a second device, under an id derived from the code. */
export const deviceLinkCreateRequest = z.object({ linkId: base64Url(32), sealed: base64UrlUpTo(DEVICE_LINK_MAX_BYTES) });
export type DeviceLinkCreateRequest = z.infer<typeof deviceLinkCreateRequest>;
/** POST /api/v1/device-links/claim: fetch (once) and delete it. */
export const deviceLinkClaimRequest = z.object({ linkId: base64Url(32) });
export const deviceLinkClaimResponse = z.object({ sealed: base64UrlUpTo(DEVICE_LINK_MAX_BYTES) });

/** POST /api/v1/invitations: the app makes the secret; the server only ever sees its hash. */
export const invitationCreateRequest = z.object({ codeHash: sha256Hex });
export const invitationView = z.object({
  invitationId: id,
  state: z.enum(['open', 'used', 'revoked', 'expired']),
  createdDay: z.number().int(),
  expiresAt: z.number().int(),
});
export type InvitationView = z.infer<typeof invitationView>;
export const invitationsResponse = z.object({
  invitations: z.array(invitationView),
  quotaPerWeek: z.number().int(),
  usedThisWeek: z.number().int(),
});
export type InvitationsResponse = z.infer<typeof invitationsResponse>;

/** GET /api/v1/members (stewards only). */
export const membersResponse = z.object({
  members: z.array(z.object({ accountId: id, pseudonym: z.string(), role: z.enum(ROLES), onProbation: z.boolean(), createdDay: z.number().int() })),
});
export type MembersResponse = z.infer<typeof membersResponse>;

/** Steward settings of the community. */
export const communitySettings = z.object({
  invitationQuotaPerWeek: z.number().int().min(0).max(100),
  invitationTtlHours: z.number().int().min(1).max(24 * 14),
  probationDays: z.number().int().min(0).max(90),
  maxTimerMs: z.number().int().min(60 * 60 * 1000).max(30 * 24 * 60 * 60 * 1000),
});
export type CommunitySettings = z.infer<typeof communitySettings>;

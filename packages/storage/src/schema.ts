import type { Generated } from 'kysely';

/**
 * The whole server-side schema. Every table and column here must appear in
 * docs/PRIVACY.md (a test compares them). Times are integers: milliseconds
 * since the Unix epoch, or a UTC day start where day precision is enough.
 * Nothing here may hold an IP address, a user agent, or anything a member
 * wrote in plaintext.
 */
export type Database = {
  community: CommunityTable;
  invitations: InvitationsTable;
};

/** The single community this server hosts. */
export type CommunityTable = {
  /** Always {@link COMMUNITY_ROW_ID}: one server, one community. */
  id: string;
  /** UTC day the community was created (day precision). */
  created_day: number;
  /** Steward settings as JSON text (quotas, probation length, timer maximum). */
  settings: string;
};

/** One-time invitations. The secret lives only in the link's fragment; we keep its hash. */
export type InvitationsTable = {
  id: string;
  /** SHA-256 of the invitation secret, hex. */
  code_hash: string;
  kind: 'steward' | 'member';
  /** Account that created it; null for the first-run steward invitation. */
  inviter_id: string | null;
  created_day: number;
  expires_at: number;
  state: 'open' | 'used' | 'revoked';
};

export const COMMUNITY_ROW_ID = 'community';

/** Internal bookkeeping tables that hold no member data. */
export const BOOKKEEPING_TABLES = ['lamplight_migrations', 'lamplight_migrations_lock'] as const;

/** Row id generator type (ids are random; time and randomness come from the caller). */
export type Id = Generated<string>;

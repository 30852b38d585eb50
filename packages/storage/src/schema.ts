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
  accounts: AccountsTable;
  devices: DevicesTable;
  sessions: SessionsTable;
  login_challenges: LoginChallengesTable;
  device_links: DeviceLinksTable;
  circles: CirclesTable;
  circle_members: CircleMembersTable;
  circle_entries: CircleEntriesTable;
  key_packages: KeyPackagesTable;
  welcomes: WelcomesTable;
  join_requests: JoinRequestsTable;
  watch_ladder: WatchLadderTable;
  watch_requests: WatchRequestsTable;
  blobs: BlobsTable;
  hotline_directory: HotlineDirectoryTable;
};

/** The night watch's escalation ladder as one JSON document (tiers, states, times, responder ids, shifts). */
export type WatchLadderTable = { id: string; state: string; version: number };

/** Which member a night-watch request belongs to (30 days). */
export type WatchRequestsTable = { id: string; account_id: string; created_at: number };

/**
 * The community's published hotline directory (one row): steward-authored
 * public text, never member content, and no trace of which steward edited it.
 */
export type HotlineDirectoryTable = {
  id: string;
  /** The directory as JSON text; null when stewards restored the built-in one. */
  body: string | null;
  /** Counts every publish and restore, so two stewards cannot overwrite each other unseen. */
  revision: number;
  /** UTC day of the last change (day precision). */
  updated_day: number;
};

/** A member's encrypted blobs (own-device sync); ciphertext only. */
export type BlobsTable = { account_id: string; name: string; body: Uint8Array; version: number };

/** A circle: only what routing and ordering need. Name and topic only when a moderator lists it. */
export type CirclesTable = {
  id: string;
  /** The epoch the next commit must be made in; exactly one commit is accepted per epoch. */
  epoch: number;
  /** Sequence number of the last stored entry (0 when empty). */
  last_seq: number;
  /** The disappearing timer for entries. */
  timer_ms: number;
  listed_name: string | null;
  listed_topic: string | null;
  created_day: number;
};

/** Who is in a circle, for routing only. */
export type CircleMembersTable = { circle_id: string; account_id: string; role: 'member' | 'moderator' };

/** The ordered log: MLS ciphertext the server cannot read, with its sequence number. */
export type CircleEntriesTable = {
  circle_id: string;
  seq: number;
  kind: 'app' | 'commit';
  epoch: number;
  /** The sender's random message id, so a resend is recognised and not stored twice. */
  client_id: string;
  body: Uint8Array;
  /** Coarse (to the minute) time it was stored. */
  stored_at: number;
  expires_at: number;
};

/** One-time MLS key packages members publish so others can add them. */
export type KeyPackagesTable = { id: string; account_id: string; body: Uint8Array; expires_at: number };

/** MLS welcomes waiting for a newly added member. */
export type WelcomesTable = { id: string; account_id: string; circle_id: string; body: Uint8Array; expires_at: number };

/** A member asking to join a listed circle. */
export type JoinRequestsTable = { circle_id: string; account_id: string; created_day: number };

/** A member. The id is random; nothing here says who they are. */
export type AccountsTable = {
  id: string;
  role: 'member' | 'steward';
  /** The community pseudonym the member chose (checked against the PII guard). */
  pseudonym: string;
  /** Public Ed25519 key from the recovery phrase (base64url); restores the account on a new device. */
  identity_key: string;
  /** Public X25519 key (base64url) for sealing things to this member. */
  kx_key: string;
  created_day: number;
  probation_until: number;
  /** Who invited them; erased when probation ends. */
  inviter_id: string | null;
};

/** A device of a member: its own public signing key, so it can be revoked alone. */
export type DevicesTable = {
  id: string;
  account_id: string;
  device_key: string;
  created_day: number;
};

/** Session tokens, stored only as SHA-256 hashes. */
export type SessionsTable = {
  token_hash: string;
  account_id: string;
  device_id: string;
  expires_at: number;
};

/** Outstanding login challenges (random bytes, base64url), answered once. */
export type LoginChallengesTable = {
  id: string;
  challenge: string;
  expires_at: number;
};

/** A sealed identity waiting for the member's second device; opaque ciphertext. */
export type DeviceLinksTable = {
  id: string;
  account_id: string;
  sealed: Uint8Array;
  expires_at: number;
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

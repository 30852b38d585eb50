/**
 * What the circles client keeps sealed in the vault, under `circle.` keys.
 * Everything here is private to this profile: MLS state (with private keys),
 * per-circle identities, the private halves of key packages, rosters and
 * decrypted messages.
 */

/** The part of the vault the circles client uses (`UnlockedVault` fits). */
export type CircleRecords = Readonly<{
  get: <T>(key: string) => Promise<T | undefined>;
  put: (key: string, value: unknown) => Promise<void>;
  delete: (key: string) => Promise<void>;
  list: (prefix: string) => Promise<string[]>;
}>;

/** Vault key prefixes. */
export const CIRCLE_KEYS = {
  /** `circle.kp.<ref>`: one unused key package with its per-circle identity. */
  keyPackagePrefix: 'circle.kp.',
  /** `circle.c.<circleId>`: one circle. */
  circlePrefix: 'circle.c.',
} as const;

/** A per-circle identity as stored (base64url fields). */
export type StoredIdentity = Readonly<{ memberId: string; publicKey: string; privateKey: string }>;

/** An unused key package this member has uploaded. */
export type StoredKeyPackage = Readonly<{
  ref: string;
  identity: StoredIdentity;
  publicPackage: string;
  privatePackage: string;
  createdAt: number;
}>;

/** How far a message of mine has got. */
export type DeliveryState = 'sending' | 'sent' | 'failed';

/** A message as this member keeps it (decrypted, sealed in the vault). */
export type StoredMessage = Readonly<{
  /** Stable id for the list: the client id for my messages, `s<seq>` for others'. */
  id: string;
  seq?: number;
  sender: string;
  text: string;
  sentAt: number;
  mine: boolean;
  delivery?: DeliveryState;
  /** This device read high or imminent risk in a received message. */
  risk?: 'high' | 'imminent';
}>;

/** A report a member sent the moderators (shown only on moderators' devices). */
export type StoredReport = Readonly<{ id: string; reporter: string; about: string; text: string; at: number }>;

/** An application message waiting for the server's ack. */
export type OutboxItem = Readonly<{
  /** The message this send carries (stays the same when it is re-encrypted). */
  messageId: string;
  clientId: string;
  /** JSON of the envelope: re-encrypted in a newer epoch if the server says the old one is stale. */
  envelope: string;
  epoch: number;
  mls: string;
  /** The server said stale-epoch: re-encrypt once we have caught up. */
  stale?: boolean;
  /** The server stored it under this sequence number; kept until the entry itself comes back, so the echo is never decrypted. */
  ackedSeq?: number;
}>;

/** A commit waiting for the server's ack (persisted so a reload cannot strand it). */
export type StoredPendingCommit = Readonly<{
  clientId: string;
  kind: 'add' | 'remove' | 'update';
  epoch: number;
  commit: string;
  welcome?: string;
  /** `encodeCircleState` of the state to adopt once accepted. */
  state: string;
  /** For adds: the key packages, the accounts they belong to and their key-package refs. */
  adds?: readonly Readonly<{ accountId: string; keyPackage: string; ref: string; memberId: string }>[];
  /** For removes: member ids and accounts. */
  removes?: readonly Readonly<{ memberId: string; accountId?: string }>[];
  /** `encodeSignedRoster` of the roster the commit needs (re-applied on rebase). */
  roster?: string;
  lost?: boolean;
}>;

/** One circle as this member keeps it. */
export type CircleRecord = Readonly<{
  circleId: string;
  role: 'member' | 'moderator';
  timerMs: number;
  listed: boolean;
  name: string;
  topic: string;
  rules: string;
  identity: StoredIdentity;
  /** Moderators' per-circle signature public keys (base64url). */
  moderators: readonly string[];
  /** `encodeCircleState` bytes, base64url; undefined after removal. */
  state?: string;
  lastSeq: number;
  lastLeafUpdate: number;
  removed: boolean;
  pseudonyms: Readonly<Record<string, string>>;
  /** Moderators only: which account each member id belongs to (the server routes removals by account). */
  accounts: Readonly<Record<string, string>>;
  messages: readonly StoredMessage[];
  reports: readonly StoredReport[];
  outbox: readonly OutboxItem[];
  pending?: StoredPendingCommit;
  /** A night-watch request a peer asked for on my behalf, that I can cancel. */
  peerAsk?: Readonly<{ requestId: string; at: number }>;
  /** Set by a moderator inside the group: a night-watch conversation. */
  purpose?: 'night-watch';
}>;

/** Most messages kept per circle on the device. */
export const MAX_KEPT_MESSAGES = 500;

/** Messages still inside the disappearing timer, newest last, at most {@link MAX_KEPT_MESSAGES}. */
export function keepMessages(messages: readonly StoredMessage[], timerMs: number, now: number): StoredMessage[] {
  return messages.filter((m) => m.delivery === 'sending' || now - m.sentAt < timerMs).slice(-MAX_KEPT_MESSAGES);
}

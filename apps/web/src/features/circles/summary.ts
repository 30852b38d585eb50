import { membersOf, type CircleState } from '@lamplight/crypto';
import { b64 } from './mls-ops.js';
import { keepMessages, type CircleRecord, type StoredMessage, type StoredReport } from './records.js';

/** A member as the circle's screen shows them. */
export type MemberView = Readonly<{ memberId: string; pseudonym: string | undefined; moderator: boolean; me: boolean }>;

/** What the screens see of one circle (no keys, no MLS state). */
export type CircleSummary = Readonly<{
  circleId: string;
  role: 'member' | 'moderator';
  name: string;
  topic: string;
  rules: string;
  listed: boolean;
  timerMs: number;
  removed: boolean;
  myMemberId: string;
  members: readonly MemberView[];
  messages: readonly StoredMessage[];
  reports: readonly StoredReport[];
  pseudonyms: Readonly<Record<string, string>>;
  /** Moderators: accounts already in the circle (not offered again when adding). */
  memberAccounts: readonly string[];
  /** A commit of mine is waiting for the server. */
  busy: boolean;
  peerAsk: boolean;
  /** A moderator marked this circle as a night-watch conversation. */
  nightWatch: boolean;
}>;

/** Everything the circles screens need. */
export type CirclesSnapshot = Readonly<{
  /** The vault's circles have been read. */
  ready: boolean;
  /** Connected to the relay. */
  online: boolean;
  circles: readonly CircleSummary[];
}>;

/** The view of one circle record. */
export function summarize(rec: CircleRecord, state: CircleState | undefined, now: number): CircleSummary {
  const members: MemberView[] =
    state === undefined
      ? []
      : membersOf(state).map((m) => ({
          memberId: m.memberId,
          pseudonym: rec.pseudonyms[m.memberId],
          moderator: rec.moderators.includes(b64(m.signaturePublicKey)),
          me: m.memberId === rec.identity.memberId,
        }));
  return {
    circleId: rec.circleId,
    role: rec.role,
    name: rec.name,
    topic: rec.topic,
    rules: rec.rules,
    listed: rec.listed,
    timerMs: rec.timerMs,
    removed: rec.removed,
    myMemberId: rec.identity.memberId,
    members,
    messages: keepMessages(rec.messages, rec.timerMs, now),
    reports: rec.reports,
    pseudonyms: rec.pseudonyms,
    memberAccounts: Object.values(rec.accounts),
    busy: rec.pending !== undefined,
    peerAsk: rec.peerAsk !== undefined,
    nightWatch: rec.purpose === 'night-watch',
  };
}

import type { SendFrame } from '@lamplight/protocol';
import { encodeWelcomeEnvelope, WELCOME_ENVELOPE_V1, type MessageEnvelope, type WelcomeEnvelope } from './envelope.js';
import { b64, unb64 } from './mls-ops.js';
import type { CircleRecord, StoredIdentity, StoredKeyPackage, StoredMessage, StoredPendingCommit } from './records.js';

/** What creating a circle asks for. */
export type NewCircleInput = Readonly<{ name: string; topic: string; rules: string; timerMs: number; listed: boolean; pseudonym: string; purpose?: 'night-watch' }>;

const EMPTY = { messages: [], reports: [], outbox: [], removed: false } as const;

/** The record of a circle this member just created (its only member and moderator). */
export function moderatorRecord(circleId: string, identity: StoredIdentity, input: NewCircleInput, accountId: string, now: number): CircleRecord {
  return {
    ...EMPTY,
    circleId,
    role: 'moderator',
    timerMs: input.timerMs,
    listed: input.listed,
    name: input.name,
    topic: input.topic,
    rules: input.rules,
    identity,
    moderators: [identity.publicKey],
    lastSeq: 0,
    lastLeafUpdate: now,
    pseudonyms: { [identity.memberId]: input.pseudonym },
    accounts: { [identity.memberId]: accountId },
    ...(input.purpose === undefined ? {} : { purpose: input.purpose }),
  };
}

/**
 * The record of a circle joined from a welcome. Unlisted circles' names
 * arrive later, inside the group, from a moderator's meta message.
 */
export function joinedRecord(
  circleId: string,
  envelope: WelcomeEnvelope,
  kp: StoredKeyPackage,
  listing: Readonly<{ name: string; topic: string }> | undefined,
  pseudonym: string,
  now: number,
): CircleRecord {
  return {
    ...EMPTY,
    circleId,
    role: 'member',
    timerMs: envelope.timerMs,
    listed: listing !== undefined,
    name: listing?.name ?? '',
    topic: listing?.topic ?? '',
    rules: '',
    identity: kp.identity,
    moderators: envelope.moderators.map(b64),
    lastSeq: envelope.after,
    lastLeafUpdate: now,
    pseudonyms: { [kp.identity.memberId]: pseudonym },
    accounts: {},
  };
}

/** Something the client must do after a message was applied. */
export type EnvelopeEffect =
  /** Read the new message's risk on this device. */
  | Readonly<{ kind: 'detect'; messageId: string; text: string }>
  /** A member said they are leaving: a moderator removes them with a commit. */
  | Readonly<{ kind: 'remove'; memberId: string }>
  /** A peer asked the night watch to check in on me. */
  | Readonly<{ kind: 'peer-ask' }>;

/**
 * Applies one decrypted message to a circle record. Only moderators may set
 * the circle's name, topic and agreements or relay others' pseudonyms; a
 * member may set only its own. Reports are kept only on moderators' devices;
 * a check-in ask only matters on the device of the member it names.
 */
export function applyEnvelope(
  rec: CircleRecord,
  fromModerator: boolean,
  sender: string,
  env: MessageEnvelope,
  seq: number,
): Readonly<{ rec: CircleRecord; effect?: EnvelopeEffect }> {
  switch (env.type) {
    case 'text': {
      const message: StoredMessage = { id: `s${seq}`, seq, sender, text: env.text, sentAt: env.sentAt, mine: false };
      return { rec: { ...rec, messages: [...rec.messages, message] }, effect: { kind: 'detect', messageId: message.id, text: env.text } };
    }
    case 'meta': {
      const meta = env.meta;
      const names = { ...rec.pseudonyms };
      for (const [id, p] of Object.entries(meta.pseudonyms ?? {})) if (fromModerator || id === sender) names[id] = p;
      const details = fromModerator
        ? { name: meta.name ?? rec.name, topic: meta.topic ?? rec.topic, rules: meta.rules ?? rec.rules, ...(meta.purpose === undefined ? {} : { purpose: meta.purpose }) }
        : {};
      const next = { ...rec, ...details, pseudonyms: names };
      return meta.leaving === true && rec.role === 'moderator' ? { rec: next, effect: { kind: 'remove', memberId: sender } } : { rec: next };
    }
    case 'report': {
      if (rec.role !== 'moderator') return { rec };
      return { rec: { ...rec, reports: [...rec.reports, { id: `r${seq}`, reporter: sender, about: env.about, text: env.text, at: env.sentAt }] } };
    }
    case 'check-in-ask':
      return env.to === rec.identity.memberId && rec.peerAsk === undefined ? { rec, effect: { kind: 'peer-ask' } } : { rec };
  }
}

/**
 * The send frame for a pending commit: for adds, each newcomer's welcome
 * travels in a {@link WelcomeEnvelope} with the signed roster and the
 * moderators' keys it needs to verify the circle.
 */
export function commitFrame(rec: CircleRecord, p: StoredPendingCommit): SendFrame {
  const welcome = p.welcome;
  const roster = p.roster;
  const welcomes =
    welcome === undefined || roster === undefined
      ? []
      : (p.adds ?? []).map((a) => ({
          accountId: a.accountId,
          mls: b64(
            encodeWelcomeEnvelope({
              v: WELCOME_ENVELOPE_V1,
              kp: a.ref,
              welcome: unb64(welcome),
              roster: unb64(roster),
              moderators: rec.moderators.map(unb64),
              after: rec.lastSeq,
              timerMs: rec.timerMs,
            }),
          ),
        }));
  const adds = (p.adds ?? []).map((a) => ({ accountId: a.accountId, role: 'member' as const }));
  const removes = (p.removes ?? []).flatMap((r) => (r.accountId === undefined ? [] : [r.accountId]));
  return {
    t: 'send',
    circleId: rec.circleId,
    clientId: p.clientId,
    kind: 'commit',
    epoch: p.epoch,
    mls: p.commit,
    ...(welcomes.length === 0 ? {} : { welcomes }),
    ...(adds.length === 0 ? {} : { adds }),
    ...(removes.length === 0 ? {} : { removes }),
  };
}

/** The record once its pending commit was accepted (the caller adopts the pending state). */
export function afterCommit(rec: CircleRecord, p: StoredPendingCommit, now: number): CircleRecord {
  const accounts = { ...rec.accounts };
  for (const a of p.adds ?? []) accounts[a.memberId] = a.accountId;
  for (const r of p.removes ?? []) delete accounts[r.memberId];
  const { pending: _p, ...rest } = rec;
  return { ...rest, accounts, ...(p.kind === 'update' ? { lastLeafUpdate: now } : {}) };
}

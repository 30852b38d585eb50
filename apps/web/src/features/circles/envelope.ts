import { base64UrlDecode, base64UrlEncode } from '@lamplight/crypto';

/**
 * What travels inside a circle's MLS application messages, and inside the
 * welcome the server relays to a newcomer. The server sees neither in the
 * clear: message envelopes are MLS-encrypted, and the welcome envelope holds
 * only an MLS welcome plus public trust data (see {@link WelcomeEnvelope}).
 */

/** Kinds of message inside a circle. */
export const MESSAGE_TYPES = ['text', 'meta', 'report', 'check-in-ask'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Longest text a member may send in one message. */
export const MAX_TEXT_LENGTH = 4000;

/** Circle details a moderator shares inside the group (never with the server for unlisted circles). */
export type CircleMeta = Readonly<{
  name?: string;
  topic?: string;
  rules?: string;
  /** Per-circle pseudonyms by member id. A member may set only its own; moderators relay everyone's to newcomers. */
  pseudonyms?: Readonly<Record<string, string>>;
  /** The sender is leaving the circle; moderators remove them with a commit. */
  leaving?: boolean;
  /** A night-watch conversation (a responder and the member they accepted): offers sharing the safety plan. */
  purpose?: 'night-watch';
}>;

/** One decrypted circle message. */
export type MessageEnvelope =
  | Readonly<{ type: 'text'; text: string; sentAt: number }>
  | Readonly<{ type: 'meta'; meta: CircleMeta; sentAt: number }>
  /** A member's report of a message, with their consent; only moderators' clients show it. */
  | Readonly<{ type: 'report'; text: string; about: string; sentAt: number }>
  /** A reader asks the night watch to check in on `to` (a member id); only `to`'s client acts on it. */
  | Readonly<{ type: 'check-in-ask'; to: string; sentAt: number }>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

/** Bytes to encrypt for `envelope`. */
export function encodeEnvelope(envelope: MessageEnvelope): Uint8Array {
  return encoder.encode(JSON.stringify(envelope));
}

function parseMeta(v: unknown): CircleMeta | undefined {
  if (!isRecord(v)) return undefined;
  const out: { -readonly [K in keyof CircleMeta]: CircleMeta[K] } = {};
  const name = str(v['name'], 60);
  const topic = str(v['topic'], 200);
  const rules = str(v['rules'], 2000);
  if (name !== undefined) out.name = name;
  if (topic !== undefined) out.topic = topic;
  if (rules !== undefined) out.rules = rules;
  if (v['leaving'] === true) out.leaving = true;
  if (v['purpose'] === 'night-watch') out.purpose = 'night-watch';
  if (isRecord(v['pseudonyms'])) {
    const names: Record<string, string> = {};
    for (const [id, p] of Object.entries(v['pseudonyms']).slice(0, 500)) {
      const s = str(p, 40);
      if (s !== undefined && s.trim() !== '' && /^[0-9a-f]{1,64}$/u.test(id)) names[id] = s;
    }
    out.pseudonyms = names;
  }
  return out;
}

/** Parses decrypted bytes; undefined for anything that is not a well-formed envelope (ignored, never shown raw). */
export function decodeEnvelope(bytes: Uint8Array): MessageEnvelope | undefined {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(v) || typeof v['sentAt'] !== 'number' || !Number.isFinite(v['sentAt'])) return undefined;
  const sentAt = v['sentAt'];
  switch (v['type']) {
    case 'text': {
      const text = str(v['text'], MAX_TEXT_LENGTH);
      return text === undefined ? undefined : { type: 'text', text, sentAt };
    }
    case 'meta': {
      const meta = parseMeta(v['meta']);
      return meta === undefined ? undefined : { type: 'meta', meta, sentAt };
    }
    case 'report': {
      const text = str(v['text'], MAX_TEXT_LENGTH);
      const about = str(v['about'], 64);
      return text === undefined || about === undefined ? undefined : { type: 'report', text, about, sentAt };
    }
    case 'check-in-ask': {
      const to = str(v['to'], 64);
      return to === undefined ? undefined : { type: 'check-in-ask', to, sentAt };
    }
    default:
      return undefined;
  }
}

/** Format version of {@link WelcomeEnvelope}. */
export const WELCOME_ENVELOPE_V1 = 1;

/**
 * What a moderator sends a newcomer through the server's welcome slot. The
 * crypto package's `joinFromWelcome` needs the circle's trust (moderator
 * keys and the newest signed roster) out of band, so it rides along with the
 * MLS welcome: none of it is secret (public keys and a signed list of
 * pseudonym ids and public keys), and the newcomer verifies the roster's
 * signature and that it lists the newcomer's own credential before joining.
 */
export type WelcomeEnvelope = Readonly<{
  v: typeof WELCOME_ENVELOPE_V1;
  /** Which of the newcomer's key packages the welcome was made for (see {@link keyPackageRef}). */
  kp: string;
  /** The MLS welcome. */
  welcome: Uint8Array;
  /** `encodeSignedRoster` bytes. */
  roster: Uint8Array;
  /** The moderators' per-circle signature public keys. */
  moderators: readonly Uint8Array[];
  /** A sequence number at or before the commit that added the newcomer: subscribe from here. */
  after: number;
  timerMs: number;
}>;

/** Welcome envelope as bytes for the `welcomes[].mls` field. */
export function encodeWelcomeEnvelope(w: WelcomeEnvelope): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      v: w.v,
      kp: w.kp,
      welcome: base64UrlEncode(w.welcome),
      roster: base64UrlEncode(w.roster),
      moderators: w.moderators.map(base64UrlEncode),
      after: w.after,
      timerMs: w.timerMs,
    }),
  );
}

/** Parses a welcome envelope; undefined for anything else. */
export function decodeWelcomeEnvelope(bytes: Uint8Array): WelcomeEnvelope | undefined {
  let v: unknown;
  try {
    v = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(v) || v['v'] !== WELCOME_ENVELOPE_V1) return undefined;
  const kp = str(v['kp'], 128);
  const welcome = typeof v['welcome'] === 'string' ? base64UrlDecode(v['welcome']) : undefined;
  const roster = typeof v['roster'] === 'string' ? base64UrlDecode(v['roster']) : undefined;
  const mods = Array.isArray(v['moderators']) ? v['moderators'].map((m) => (typeof m === 'string' ? base64UrlDecode(m) : undefined)) : [];
  const after = v['after'];
  const timerMs = v['timerMs'];
  if (kp === undefined || welcome === undefined || roster === undefined || mods.length === 0 || mods.some((m) => m === undefined)) return undefined;
  if (typeof after !== 'number' || !Number.isInteger(after) || after < 0) return undefined;
  if (typeof timerMs !== 'number' || !Number.isInteger(timerMs) || timerMs <= 0) return undefined;
  return { v: WELCOME_ENVELOPE_V1, kp, welcome, roster, moderators: mods as Uint8Array[], after, timerMs };
}

/** A short public reference to a key package: hex SHA-256 of its public bytes, first 32 characters. */
export async function keyPackageRef(publicPackage: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(publicPackage)));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

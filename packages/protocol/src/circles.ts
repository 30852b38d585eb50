import { z } from 'zod';
import { base64UrlUpTo, id } from './encoding.js';
import type { WatchNudge } from './watch.js';

/** Largest MLS message we relay (a commit for a circle of 200 with its path is well below this). */
export const MAX_MLS_BYTES = 128 * 1024;
/** Largest WebSocket frame the server reads. */
export const MAX_FRAME_BYTES = 256 * 1024;
/** Most circles one connection may follow. */
export const MAX_SUBSCRIPTIONS = 200;

/** Disappearing-timer bounds (DESIGN.md §5). */
export const HOUR_MS = 60 * 60 * 1000;
export const DEFAULT_CIRCLE_TIMER_MS = 7 * 24 * HOUR_MS;
export const MIN_CIRCLE_TIMER_MS = HOUR_MS;
export const MAX_CIRCLE_TIMER_MS = 30 * 24 * HOUR_MS;

const mls = base64UrlUpTo(MAX_MLS_BYTES);
/** A client-made message id (random, 16–36 url-safe characters): makes sends idempotent. */
export const clientId = z.string().regex(/^[A-Za-z0-9_-]{16,36}$/u, 'client id');
const seq = z.number().int().min(0);
const epoch = z.number().int().min(0);

/** What a stored circle entry is: an encrypted application message, or a handshake commit. */
export const ENTRY_KINDS = ['app', 'commit'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

// Client → server frames.
export const authFrame = z.object({ t: z.literal('auth'), token: z.string().max(64) }).strict();
export const subscribeFrame = z
  .object({ t: z.literal('subscribe'), circles: z.array(z.object({ circleId: id, after: seq }).strict()).min(1).max(MAX_SUBSCRIPTIONS) })
  .strict();
export const sendFrame = z
  .object({
    t: z.literal('send'),
    circleId: id,
    clientId,
    kind: z.enum(ENTRY_KINDS),
    epoch,
    mls,
    /** For a commit that adds members: the welcome for each new member. */
    welcomes: z.array(z.object({ accountId: id, mls }).strict()).max(50).optional(),
    /** Routing changes this commit makes (checked: only moderators add or remove others). */
    adds: z.array(z.object({ accountId: id, role: z.enum(['member', 'moderator']) }).strict()).max(50).optional(),
    removes: z.array(id).max(50).optional(),
  })
  .strict();
export const pingFrame = z.object({ t: z.literal('ping') }).strict();
export const clientFrame = z.discriminatedUnion('t', [authFrame, subscribeFrame, sendFrame, pingFrame]);
export type ClientFrame = z.infer<typeof clientFrame>;
export type SendFrame = z.infer<typeof sendFrame>;

/** Server → client frames. */
export type ServerFrame =
  | Readonly<{ t: 'ready'; accountId: string }>
  | Readonly<{ t: 'ack'; clientId: string; circleId: string; seq: number }>
  | Readonly<{ t: 'entry'; circleId: string; seq: number; kind: EntryKind; epoch: number; mls: string; at: number }>
  | Readonly<{ t: 'welcome'; circleId: string; mls: string }>
  | Readonly<{ t: 'removed'; circleId: string }>
  | Readonly<{ t: 'caught-up'; circleId: string; seq: number }>
  | Readonly<{ t: 'pong' }>
  | WatchNudge
  | Readonly<{ t: 'error'; code: CircleErrorCode; message: string; clientId?: string; circleId?: string }>;

export const CIRCLE_ERROR_CODES = [
  'malformed',
  'too-large',
  'unauthenticated',
  'not-a-member',
  'stale-epoch',
  'forbidden',
  'unavailable',
  'rate-limited',
] as const;
export type CircleErrorCode = (typeof CIRCLE_ERROR_CODES)[number];

/** WebSocket path. */
export const WS_PATH = '/api/v1/ws';
/** Close code for a connection whose reader fell too far behind; it should reconnect and resume. */
export const CLOSE_SLOW_READER = 4008;
/** Close code for a connection that did not authenticate in time. */
export const CLOSE_UNAUTHENTICATED = 4001;

// HTTP bodies.
export const createCircleRequest = z
  .object({
    timerMs: z.number().int().min(MIN_CIRCLE_TIMER_MS).max(MAX_CIRCLE_TIMER_MS),
    /** Listed circles show name and topic in the community directory, in plaintext, by the moderator's choice. */
    listing: z.object({ name: z.string().min(1).max(60), topic: z.string().max(200) }).strict().optional(),
  })
  .strict();
export const circleView = z.object({
  circleId: id,
  role: z.enum(['member', 'moderator']),
  timerMs: z.number().int(),
  epoch: z.number().int(),
  lastSeq: z.number().int(),
  listing: z.object({ name: z.string(), topic: z.string() }).optional(),
});
export type CircleView = z.infer<typeof circleView>;
export const keyPackagesUpload = z.object({ keyPackages: z.array(mls).min(1).max(20) }).strict();
export const keyPackageTakeRequest = z.object({ accountId: id }).strict();
export const keyPackageTakeResponse = z.object({ keyPackage: mls });
export const circleMembersResponse = z.object({ members: z.array(z.object({ accountId: id, role: z.enum(['member', 'moderator']) })) });
export const circleDirectoryResponse = z.object({ circles: z.array(z.object({ circleId: id, name: z.string(), topic: z.string(), member: z.boolean() })) });
export const joinRequestsResponse = z.object({ requests: z.array(z.object({ accountId: id, pseudonym: z.string() })) });

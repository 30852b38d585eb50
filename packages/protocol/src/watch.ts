import { z } from 'zod';
import { id } from './encoding.js';

/** Tiers a night-watch request can carry. */
export const WATCH_TIERS = ['concern', 'high', 'imminent'] as const;
export type WatchTier = (typeof WATCH_TIERS)[number];

/** Longest shift a responder may publish at once, and how far ahead. */
export const MAX_SHIFT_MS = 16 * 60 * 60 * 1000;
export const MAX_SHIFT_LEAD_MS = 60 * 24 * 60 * 60 * 1000;
export const MAX_SHIFTS = 60;

/** POST /api/v1/watch/requests: ask the night watch for company. `peer-ask` when a circle peer asked for this member. */
export const watchRequestCreate = z.object({ tier: z.enum(WATCH_TIERS), origin: z.enum(['self', 'peer-ask']) }).strict();
/** POST /api/v1/watch/requests/:requestId/close */
export const watchRequestClose = z.object({ checkInTomorrow: z.boolean().optional() }).strict();
/** PUT /api/v1/watch/shifts: a responder's own shifts. */
export const watchShifts = z
  .object({ shifts: z.array(z.object({ startsAt: z.number().int(), endsAt: z.number().int() }).strict()).max(MAX_SHIFTS) })
  .strict();
/** PUT /api/v1/watch/responders/:accountId (stewards): roles and the verified badge. */
export const watchResponderSet = z
  .object({ role: z.enum(['night-watcher', 'professional']), verified: z.boolean(), caseloadCap: z.number().int().min(1).max(10).optional() })
  .strict();

/** What a member sees of their own request; never who the responder is. */
export const watchRequestView = z.object({
  requestId: id,
  status: z.enum(['waiting', 'accepted', 'closed', 'cancelled']),
  level: z.enum(['night-watch', 'professional', 'hotline']),
  handoff: z.boolean(),
  accompanied: z.boolean(),
  checkInAt: z.number().int().optional(),
});
export type WatchRequestView = z.infer<typeof watchRequestView>;

/** Whether someone is on watch now, and when the next shift starts. */
export const watchStatusView = z.object({ onDutyNow: z.number().int(), nextShiftStartsAt: z.number().int().optional() });
export type WatchStatusView = z.infer<typeof watchStatusView>;

/** A request in a responder's queue (tier and waiting time; the member is reached through the conversation). */
export const watchQueueItem = z.object({
  requestId: id,
  tier: z.enum(WATCH_TIERS),
  origin: z.enum(['self', 'peer-ask']),
  createdAt: z.number().int(),
  status: z.enum(['waiting', 'accepted', 'closed', 'cancelled']),
  level: z.enum(['night-watch', 'professional', 'hotline']),
  mine: z.boolean(),
  memberAccountId: id.optional(),
});
export type WatchQueueItem = z.infer<typeof watchQueueItem>;

/** What a responder sees of themself. */
export const watchMeView = z.object({
  role: z.enum(['night-watcher', 'professional']).optional(),
  verified: z.boolean(),
  onShift: z.boolean(),
  coolDownUntil: z.number().int().optional(),
  shifts: z.array(z.object({ startsAt: z.number().int(), endsAt: z.number().int() })),
  caseload: z.number().int(),
  caseloadCap: z.number().int(),
});
export type WatchMeView = z.infer<typeof watchMeView>;

/**
 * The night-watch nudge over the WebSocket: `{t:'watch'}` and nothing else.
 * It says only "something about your night watch changed; ask again" and is
 * the same bytes whatever happened, so neither fan-out (Redis) nor anyone
 * measuring frame sizes learns a tier, a request or what changed. It goes to
 * the member whose request changed and to responders whose own queue,
 * caseload or state changed (on shift, or about a request they hold).
 */
export const WATCH_NUDGE = { t: 'watch' } as const;
export type WatchNudge = typeof WATCH_NUDGE;

/** One responder as stewards see them: pseudonymous account id, role, badge and how they are doing now. */
export const watchResponderView = z.object({
  accountId: id,
  role: z.enum(['night-watcher', 'professional']),
  verified: z.boolean(),
  caseloadCap: z.number().int(),
  onShift: z.boolean(),
  /** Open (accepted) requests they hold now. */
  caseload: z.number().int(),
  /** Resting after a hard conversation until then. */
  coolDownUntil: z.number().int().optional(),
});
export type WatchResponderView = z.infer<typeof watchResponderView>;
/** GET /api/v1/watch/responders (stewards). */
export const watchRespondersResponse = z.object({ responders: z.array(watchResponderView) });
export type WatchRespondersResponse = z.infer<typeof watchRespondersResponse>;

/** PUT /api/v1/blobs/:name — own-device sync: ciphertext sealed on the device, with optimistic versioning. */
export const blobPut = z.object({ body: z.string().min(1).max(Math.ceil((256 * 1024 * 4) / 3)).regex(/^[A-Za-z0-9_-]+$/u), expectedVersion: z.number().int().min(0) }).strict();

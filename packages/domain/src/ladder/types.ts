/**
 * Data types of the escalation ladder (DESIGN.md §7, §9). Everything here is plain,
 * JSON-serialisable data so that the server can persist and reload the ladder state.
 */

/** Risk tiers that can open a support request, lowest first. */
export const REQUEST_TIERS = ['concern', 'high', 'imminent'] as const;

/** The risk tier of a support request: `concern` < `high` < `imminent`. */
export type RequestTier = (typeof REQUEST_TIERS)[number];

/** A risk tier including `none` (nothing worrying), as produced by on-device detection. */
export type LadderTier = 'none' | RequestTier;

/** The two kinds of volunteer who take requests. */
export const RESPONDER_ROLES = ['night-watcher', 'professional'] as const;

/** A volunteer's role on the ladder: a peer night-watcher or a verified professional volunteer. */
export type ResponderRole = (typeof RESPONDER_ROLES)[number];

/** Ladder levels from the first to the last rung. */
export const LADDER_LEVELS = ['night-watch', 'professional', 'hotline'] as const;

/**
 * A rung of the ladder: on-duty night-watchers, then on-duty professional volunteers, then the
 * outside hotline hand-off (the member is shown the hotlines and a warm script for calling).
 */
export type LadderLevel = (typeof LADDER_LEVELS)[number];

/** Who opened a request: the member themselves, or a peer who asked the night watch to check in. */
export type RequestOrigin = 'self' | 'peer-ask';

/** Where a request is in its life. */
export type RequestStatus = 'waiting' | 'accepted' | 'closed' | 'cancelled';

/** A shift as a half-open interval `[startsAt, endsAt)` in milliseconds since the epoch. */
export type ShiftWindow = Readonly<{
  startsAt: number;
  endsAt: number;
}>;

/** A shift that names its responder, as used by {@link watchStatus}. */
export type Shift = Readonly<{ responderId: string }> & ShiftWindow;

/** What a steward or the responder sets about a responder. */
export type ResponderProfile = Readonly<{
  id: string;
  role: ResponderRole;
  /** The verified badge, granted by a steward. Professionals take requests only with it. */
  verified: boolean;
  /** Concurrent open (accepted) requests this responder may hold; defaults to the ladder config. */
  caseloadCap?: number;
  shifts: readonly ShiftWindow[];
}>;

/** A responder as held in ladder state. */
export type Responder = ResponderProfile &
  Readonly<{
    /** Until this time (exclusive) the responder receives nothing after closing an imminent request. */
    coolDownUntil?: number;
  }>;

/** Who closed a request. */
export type ClosedBy = Readonly<{ kind: 'member' } | { kind: 'responder'; responderId: string }>;

/** A support request on the ladder. Carries no content and no member identity. */
export type LadderRequest = Readonly<{
  id: string;
  tier: RequestTier;
  origin: RequestOrigin;
  createdAt: number;
  status: RequestStatus;
  /** The rung the request has reached. Requests never move down. */
  level: LadderLevel;
  /** When the request reached its current level (or was last released back to waiting). */
  levelSince: number;
  /** True once the member has been shown the hotline hand-off. Stays true. */
  handoff: boolean;
  /** Responders who have been offered the request (notified); each is offered at most once. */
  offeredTo: readonly string[];
  /** Responders who declined or released the request; they are not offered it again. */
  declinedBy: readonly string[];
  responderId?: string;
  acceptedAt?: number;
  endedAt?: number;
  closedBy?: ClosedBy;
  /** When the member's device should offer tomorrow's check-in, if the member welcomed it. */
  checkInAt?: number;
}>;

/** The whole ladder: responders and requests, keyed by id, and the time of the last event. */
export type LadderState = Readonly<{
  /** Time of the last applied event; events dated earlier are treated as happening at this time. */
  at: number;
  responders: Readonly<Record<string, Responder>>;
  requests: Readonly<Record<string, LadderRequest>>;
}>;

/** Steward-tunable ladder settings. */
export type LadderConfig = Readonly<{
  /** How long a request waits at one level for an acknowledgement before it moves up. */
  ackTimeoutMs: Readonly<Record<RequestTier, number>>;
  /** Default caseload cap (concurrent accepted requests per responder). */
  defaultCaseloadCap: number;
  /** Cool-down after closing an `imminent` request. */
  coolDownMs: number;
  /** Delay from closing a request to the member's check-in reminder ("tomorrow"). */
  checkInDelayMs: number;
}>;

/** Events the ladder reacts to. Every event carries the time it happened (`at`). */
export type LadderEvent =
  | Readonly<{ type: 'tick'; at: number }>
  | Readonly<{ type: 'responder-upserted'; at: number; responder: ResponderProfile }>
  | Readonly<{ type: 'responder-removed'; at: number; responderId: string }>
  | Readonly<{ type: 'shifts-set'; at: number; responderId: string; shifts: readonly ShiftWindow[] }>
  | Readonly<{ type: 'shift-started'; at: number; responderId: string; endsAt: number }>
  | Readonly<{ type: 'shift-ended'; at: number; responderId: string }>
  | Readonly<{ type: 'request-created'; at: number; requestId: string; tier: RequestTier; origin: RequestOrigin }>
  /** Later words showed more urgency: the request moves up the queue and its window shortens. */
  | Readonly<{ type: 'request-tier-raised'; at: number; requestId: string; tier: RequestTier }>
  | Readonly<{ type: 'responder-accepted'; at: number; requestId: string; responderId: string }>
  | Readonly<{ type: 'responder-declined'; at: number; requestId: string; responderId: string }>
  | Readonly<{ type: 'responder-released'; at: number; requestId: string; responderId: string }>
  | Readonly<{ type: 'request-cancelled'; at: number; requestId: string }>
  | Readonly<{
      type: 'request-closed';
      at: number;
      requestId: string;
      by: ClosedBy;
      /** The member's answer to "may we check in tomorrow?"; absent if not asked yet. */
      checkInTomorrow?: boolean;
    }>
  | Readonly<{ type: 'check-in-answered'; at: number; requestId: string; checkInTomorrow: boolean }>;

/** The names of all ladder event types. */
export type LadderEventType = LadderEvent['type'];

/** What the outside world should do after an event. The reducer never performs I/O itself. */
export type LadderEffect =
  /** Notify these responders (all on shift, under cap, not cooling down) of the request. */
  | Readonly<{ type: 'offer'; requestId: string; responderIds: readonly string[] }>
  /** The request moved up the ladder. */
  | Readonly<{ type: 'escalated'; requestId: string; from: LadderLevel; to: LadderLevel }>
  /** Show the member the hotlines and the warm calling script now. */
  | Readonly<{ type: 'show-handoff'; requestId: string }>
  /** Tell the writer that a peer asked the night watch to check in on them. */
  | Readonly<{ type: 'notify-member-asked'; requestId: string }>
  /** Tell the member someone is with them; withdraw the offer from everyone else. */
  | Readonly<{ type: 'accepted'; requestId: string; responderId: string }>
  /** The request went back to waiting after its responder released it. */
  | Readonly<{ type: 'released'; requestId: string; responderId: string }>
  /** The request ended (cancelled or closed); withdraw any outstanding offers. */
  | Readonly<{ type: 'ended'; requestId: string; status: 'closed' | 'cancelled' }>
  /** Ask the member whether a check-in tomorrow is welcome. */
  | Readonly<{ type: 'ask-check-in-tomorrow'; requestId: string }>
  /** Schedule a check-in reminder on the member's own device (never a server push with content). */
  | Readonly<{ type: 'schedule-check-in'; requestId: string; at: number }>
  /** The responder starts a cool-down; show them the short debrief. */
  | Readonly<{ type: 'cool-down-started'; responderId: string; until: number }>;

/** Why a responder cannot take a request right now. */
export type UnavailableReason = 'off-shift' | 'at-capacity' | 'cooling-down' | 'not-verified';

/** Why the ladder refused an event. The state is left unchanged. */
export type LadderError =
  | Readonly<{ code: 'unknown-request'; requestId: string }>
  | Readonly<{ code: 'unknown-responder'; responderId: string }>
  | Readonly<{ code: 'duplicate-request'; requestId: string }>
  | Readonly<{ code: 'not-waiting'; requestId: string; status: RequestStatus }>
  | Readonly<{ code: 'not-accepted'; requestId: string; status: RequestStatus }>
  | Readonly<{ code: 'not-assigned'; requestId: string; responderId: string }>
  | Readonly<{ code: 'not-closed'; requestId: string; status: RequestStatus }>
  | Readonly<{ code: 'tier-not-higher'; requestId: string; tier: RequestTier }>
  | Readonly<{ code: 'not-reached'; requestId: string; responderId: string; level: LadderLevel }>
  | Readonly<{ code: 'declined-already'; requestId: string; responderId: string }>
  | Readonly<{ code: 'responder-unavailable'; responderId: string; reason: UnavailableReason }>
  | Readonly<{ code: 'has-open-requests'; responderId: string }>
  | Readonly<{ code: 'invalid-shift'; responderId: string }>
  | Readonly<{ code: 'invalid-caseload-cap'; responderId: string }>;

/** The result of applying an event: either the new state and effects, or an error and the old state. */
export type LadderResult =
  | Readonly<{ ok: true; state: LadderState; effects: readonly LadderEffect[] }>
  | Readonly<{ ok: false; state: LadderState; effects: readonly []; error: LadderError }>;

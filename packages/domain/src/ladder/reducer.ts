import { areValidShifts, hasReached, isWithinShift, openCaseload, unavailableReason } from './availability.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';
import { tierRank } from './queue.js';
import { escalationDeadline, settle } from './settle.js';
import type {
  ClosedBy,
  LadderConfig,
  LadderEffect,
  LadderError,
  LadderEvent,
  LadderRequest,
  LadderResult,
  LadderState,
  Responder,
} from './types.js';

/** A ladder with no responders and no requests, as of `at`. */
export function emptyLadderState(at = 0): LadderState {
  return { at, responders: {}, requests: {} };
}

type Applied = Readonly<{ ok: true; state: LadderState; effects: readonly LadderEffect[] }> | Readonly<{ ok: false; error: LadderError }>;

const fail = (error: LadderError): Applied => ({ ok: false, error });

const withRequest = (state: LadderState, request: LadderRequest): LadderState => ({
  ...state,
  requests: { ...state.requests, [request.id]: request },
});

const withResponder = (state: LadderState, responder: Responder): LadderState => ({
  ...state,
  responders: { ...state.responders, [responder.id]: responder },
});

function isValidCap(cap: number | undefined): boolean {
  return cap === undefined || (Number.isInteger(cap) && cap >= 1);
}

function applyResponderEvent(state: LadderState, event: LadderEvent, now: number): Applied {
  switch (event.type) {
    case 'responder-upserted': {
      const profile = event.responder;
      if (!areValidShifts(profile.shifts)) return fail({ code: 'invalid-shift', responderId: profile.id });
      if (!isValidCap(profile.caseloadCap)) return fail({ code: 'invalid-caseload-cap', responderId: profile.id });
      const coolDownUntil = state.responders[profile.id]?.coolDownUntil;
      const responder: Responder = coolDownUntil === undefined ? { ...profile } : { ...profile, coolDownUntil };
      return { ok: true, state: withResponder(state, responder), effects: [] };
    }
    case 'responder-removed': {
      if (state.responders[event.responderId] === undefined) {
        return fail({ code: 'unknown-responder', responderId: event.responderId });
      }
      if (openCaseload(state, event.responderId) > 0) return fail({ code: 'has-open-requests', responderId: event.responderId });
      const { [event.responderId]: _removed, ...responders } = state.responders;
      return { ok: true, state: { ...state, responders }, effects: [] };
    }
    case 'shifts-set':
    case 'shift-started':
    case 'shift-ended': {
      const responder = state.responders[event.responderId];
      if (responder === undefined) return fail({ code: 'unknown-responder', responderId: event.responderId });
      const shifts =
        event.type === 'shifts-set'
          ? event.shifts
          : event.type === 'shift-started'
            ? [...responder.shifts, { startsAt: now, endsAt: event.endsAt }]
            : responder.shifts
                .map((shift) => (isWithinShift(shift, now) ? { ...shift, endsAt: now } : shift))
                .filter((shift) => shift.endsAt > shift.startsAt);
      if (!areValidShifts(shifts)) return fail({ code: 'invalid-shift', responderId: event.responderId });
      return { ok: true, state: withResponder(state, { ...responder, shifts }), effects: [] };
    }
    default:
      return { ok: true, state, effects: [] };
  }
}

function applyAcceptance(state: LadderState, request: LadderRequest, responderId: string, now: number, config: LadderConfig): Applied {
  const responder = state.responders[responderId];
  if (responder === undefined) return fail({ code: 'unknown-responder', responderId });
  if (request.status !== 'waiting') return fail({ code: 'not-waiting', requestId: request.id, status: request.status });
  if (request.declinedBy.includes(responderId)) return fail({ code: 'declined-already', requestId: request.id, responderId });
  const reason = unavailableReason(responder, state, now, config);
  if (reason !== undefined) return fail({ code: 'responder-unavailable', responderId, reason });
  if (!hasReached(request, responder.role)) {
    return fail({ code: 'not-reached', requestId: request.id, responderId, level: request.level });
  }
  const accepted: LadderRequest = { ...request, status: 'accepted', responderId, acceptedAt: now };
  return { ok: true, state: withRequest(state, accepted), effects: [{ type: 'accepted', requestId: request.id, responderId }] };
}

function applyClose(
  state: LadderState,
  request: LadderRequest,
  by: ClosedBy,
  checkInTomorrow: boolean | undefined,
  now: number,
  config: LadderConfig,
): Applied {
  if (request.status !== 'accepted' || request.responderId === undefined) {
    return fail({ code: 'not-accepted', requestId: request.id, status: request.status });
  }
  if (by.kind === 'responder' && by.responderId !== request.responderId) {
    return fail({ code: 'not-assigned', requestId: request.id, responderId: by.responderId });
  }
  const effects: LadderEffect[] = [{ type: 'ended', requestId: request.id, status: 'closed' }];
  let next = state;
  const responder = state.responders[request.responderId];
  // Whoever closes it, the responder has just walked through an imminent case and needs the pause.
  if (request.tier === 'imminent' && responder !== undefined && config.coolDownMs > 0) {
    const until = Math.max(now + config.coolDownMs, responder.coolDownUntil ?? 0);
    next = withResponder(next, { ...responder, coolDownUntil: until });
    effects.push({ type: 'cool-down-started', responderId: responder.id, until });
  }
  const { checkInAt: _previous, ...rest } = request;
  let closed: LadderRequest = { ...rest, status: 'closed', endedAt: now, closedBy: by };
  if (checkInTomorrow === true) {
    closed = { ...closed, checkInAt: now + config.checkInDelayMs };
    effects.push({ type: 'schedule-check-in', requestId: request.id, at: now + config.checkInDelayMs });
  } else if (checkInTomorrow === undefined) {
    effects.push({ type: 'ask-check-in-tomorrow', requestId: request.id });
  }
  return { ok: true, state: withRequest(next, closed), effects };
}

function applyRequestEvent(state: LadderState, event: LadderEvent, now: number, config: LadderConfig): Applied {
  if (event.type === 'request-created') {
    if (state.requests[event.requestId] !== undefined) return fail({ code: 'duplicate-request', requestId: event.requestId });
    const request: LadderRequest = {
      id: event.requestId,
      tier: event.tier,
      origin: event.origin,
      createdAt: now,
      status: 'waiting',
      level: 'night-watch',
      levelSince: now,
      handoff: false,
      offeredTo: [],
      declinedBy: [],
    };
    const effects: LadderEffect[] =
      event.origin === 'peer-ask' ? [{ type: 'notify-member-asked', requestId: event.requestId }] : [];
    return { ok: true, state: withRequest(state, request), effects };
  }
  if (!('requestId' in event)) return { ok: true, state, effects: [] };
  const request = state.requests[event.requestId];
  if (request === undefined) return fail({ code: 'unknown-request', requestId: event.requestId });
  switch (event.type) {
    case 'responder-accepted':
      return applyAcceptance(state, request, event.responderId, now, config);
    case 'responder-declined': {
      if (state.responders[event.responderId] === undefined) {
        return fail({ code: 'unknown-responder', responderId: event.responderId });
      }
      if (request.status !== 'waiting') return fail({ code: 'not-waiting', requestId: request.id, status: request.status });
      if (request.declinedBy.includes(event.responderId)) return { ok: true, state, effects: [] };
      return { ok: true, state: withRequest(state, { ...request, declinedBy: [...request.declinedBy, event.responderId] }), effects: [] };
    }
    case 'responder-released': {
      if (request.status !== 'accepted') return fail({ code: 'not-accepted', requestId: request.id, status: request.status });
      if (request.responderId !== event.responderId) {
        return fail({ code: 'not-assigned', requestId: request.id, responderId: event.responderId });
      }
      const { responderId: _responder, acceptedAt: _acceptedAt, ...rest } = request;
      // A fresh window at the same rung: the member must not be pushed to the hotline for the release.
      const waiting: LadderRequest = {
        ...rest,
        status: 'waiting',
        levelSince: now,
        declinedBy: [...request.declinedBy, event.responderId],
      };
      return {
        ok: true,
        state: withRequest(state, waiting),
        effects: [{ type: 'released', requestId: request.id, responderId: event.responderId }],
      };
    }
    case 'request-tier-raised': {
      if (request.status === 'closed' || request.status === 'cancelled') {
        return fail({ code: 'not-waiting', requestId: request.id, status: request.status });
      }
      // Lowering is refused: a calmer message later does not mean the danger has passed.
      if (tierRank(event.tier) <= tierRank(request.tier)) return fail({ code: 'tier-not-higher', requestId: request.id, tier: request.tier });
      // If the shorter window has already run out, the request moves up now, and the next rung still gets its full window.
      const levelSince = Math.max(request.levelSince, now - config.ackTimeoutMs[event.tier]);
      return { ok: true, state: withRequest(state, { ...request, tier: event.tier, levelSince }), effects: [] };
    }
    case 'request-cancelled': {
      if (request.status !== 'waiting') return fail({ code: 'not-waiting', requestId: request.id, status: request.status });
      return {
        ok: true,
        state: withRequest(state, { ...request, status: 'cancelled', endedAt: now }),
        effects: [{ type: 'ended', requestId: request.id, status: 'cancelled' }],
      };
    }
    case 'request-closed':
      return applyClose(state, request, event.by, event.checkInTomorrow, now, config);
    case 'check-in-answered': {
      if (request.status !== 'closed') return fail({ code: 'not-closed', requestId: request.id, status: request.status });
      const { checkInAt: _previous, ...rest } = request;
      if (!event.checkInTomorrow) return { ok: true, state: withRequest(state, rest), effects: [] };
      const at = now + config.checkInDelayMs;
      return {
        ok: true,
        state: withRequest(state, { ...rest, checkInAt: at }),
        effects: [{ type: 'schedule-check-in', requestId: request.id, at }],
      };
    }
  }
}

/**
 * The escalation ladder as a pure reducer.
 *
 * Time first catches up to the event (requests move up when their acknowledgement window has run
 * out, hand-offs show, newly able responders get offers), then the event applies, then the ladder
 * settles again. An event dated before the last event is treated as happening at the last event's
 * time, so the ladder never runs backwards.
 *
 * Invalid events (unknown ids, accepting a request that is not waiting, a responder who is off
 * shift, cooling down, at their cap, unverified, or not yet reached by the request) return
 * `ok: false` with a typed error and the state exactly as given.
 *
 * @param state the current ladder
 * @param event what happened, with its time
 * @param config steward-tuned settings (see {@link makeLadderConfig})
 */
export function ladderReducer(state: LadderState, event: LadderEvent, config: LadderConfig = DEFAULT_LADDER_CONFIG): LadderResult {
  const now = Math.max(event.at, state.at);
  const before = settle({ ...state, at: now }, now, config);
  const applied =
    event.type === 'request-created' || 'requestId' in event
      ? applyRequestEvent(before.state, event, now, config)
      : applyResponderEvent(before.state, event, now);
  if (!applied.ok) return { ok: false, state, effects: [], error: applied.error };
  const after = settle(applied.state, now, config);
  return { ok: true, state: after.state, effects: [...before.effects, ...applied.effects, ...after.effects] };
}

/** The outcome of {@link closeRequest}: the reducer result plus the member's reminder time, if any. */
export type CloseRequestResult = LadderResult & Readonly<{ reminderAt?: number }>;

/**
 * Closes an accepted request and records the member's answer to "may we check in tomorrow?".
 *
 * @returns the reducer result; when the member welcomed a check-in, `reminderAt` is when their own
 * device should show it (the server sends no reminder content).
 */
export function closeRequest(
  state: LadderState,
  requestId: string,
  by: ClosedBy,
  at: number,
  answer: Readonly<{ checkInTomorrow: boolean }>,
  config: LadderConfig = DEFAULT_LADDER_CONFIG,
): CloseRequestResult {
  const result = ladderReducer(state, { type: 'request-closed', at, requestId, by, checkInTomorrow: answer.checkInTomorrow }, config);
  const reminderAt = result.ok ? result.state.requests[requestId]?.checkInAt : undefined;
  return reminderAt === undefined ? result : { ...result, reminderAt };
}

/**
 * The earliest time after the last event at which the ladder changes without any new event:
 * an acknowledgement window running out, a shift starting or ending, or a cool-down ending.
 * The server schedules a `tick` at this time; `undefined` means nothing is pending.
 */
export function nextLadderDeadline(state: LadderState, config: LadderConfig = DEFAULT_LADDER_CONFIG): number | undefined {
  let next: number | undefined;
  const consider = (time: number | undefined): void => {
    if (time !== undefined && time > state.at && (next === undefined || time < next)) next = time;
  };
  const anyWaiting = Object.values(state.requests).some((request) => request.status === 'waiting');
  for (const request of Object.values(state.requests)) {
    if (request.status === 'waiting') consider(escalationDeadline(request, config));
  }
  if (anyWaiting) {
    for (const responder of Object.values(state.responders)) {
      consider(responder.coolDownUntil);
      for (const shift of responder.shifts) {
        consider(shift.startsAt);
        consider(shift.endsAt);
      }
    }
  }
  return next;
}

/**
 * Drops requests that ended (closed or cancelled) before `cutoff`, e.g. the escalation-ticket
 * retention cutoff from {@link retentionCutoff}. Waiting and accepted requests are always kept.
 */
export function pruneEndedRequests(state: LadderState, cutoff: number): LadderState {
  const requests: Record<string, LadderRequest> = {};
  for (const [id, request] of Object.entries(state.requests)) {
    const ended = request.status === 'closed' || request.status === 'cancelled';
    if (!ended || (request.endedAt ?? 0) >= cutoff) requests[id] = request;
  }
  return { ...state, requests };
}

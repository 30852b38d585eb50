import { poolAt } from './availability.js';
import { waitingQueue } from './queue.js';
import type { LadderConfig, LadderEffect, LadderLevel, LadderRequest, LadderState } from './types.js';
import { LADDER_LEVELS } from './types.js';

/** The rung after `level`; the hotline is the last rung. */
export function nextLevel(level: LadderLevel): LadderLevel {
  return LADDER_LEVELS[LADDER_LEVELS.indexOf(level) + 1] ?? 'hotline';
}

/**
 * When the request moves up if nobody acknowledges it, or `undefined` at the hotline rung.
 * The window is half-open: at exactly `levelSince + timeout` the request has moved up.
 */
export function escalationDeadline(request: LadderRequest, config: LadderConfig): number | undefined {
  if (request.level === 'hotline') return undefined;
  return request.levelSince + config.ackTimeoutMs[request.tier];
}

function firstStaffedLevelAbove(
  request: LadderRequest,
  state: LadderState,
  now: number,
  config: LadderConfig,
): LadderLevel {
  for (let level = nextLevel(request.level); level !== 'hotline'; level = nextLevel(level)) {
    if (poolAt(request, level, state, now, config).length > 0) return level;
  }
  return 'hotline';
}

/** Moves one waiting request as far up as time and staffing require. */
function climb(request: LadderRequest, state: LadderState, now: number, config: LadderConfig): LadderRequest {
  let current = request;
  for (;;) {
    const deadline = escalationDeadline(current, config);
    if (deadline === undefined) return current;
    if (now >= deadline) {
      // A late tick still dates the move at the deadline, so the next rung's window is not stretched.
      current = { ...current, level: nextLevel(current.level), levelSince: deadline };
      continue;
    }
    if (poolAt(current, current.level, state, now, config).length > 0) return current;
    // Nobody here can take it: waiting out the window would leave the member alone for nothing.
    current = { ...current, level: firstStaffedLevelAbove(current, state, now, config), levelSince: now };
  }
}

/**
 * Brings every waiting request up to date at `now`: moves it up the ladder when its window has run
 * out or its rung has nobody able to take it, shows the hand-off once it reaches the hotline rung,
 * and offers it to every newly able responder. Pure; returns the new state and the effects.
 */
export function settle(
  state: LadderState,
  now: number,
  config: LadderConfig,
): Readonly<{ state: LadderState; effects: readonly LadderEffect[] }> {
  const effects: LadderEffect[] = [];
  const requests: Record<string, LadderRequest> = { ...state.requests };
  for (const original of waitingQueue(state)) {
    let request = climb(original, state, now, config);
    if (request.level !== original.level) {
      effects.push({ type: 'escalated', requestId: request.id, from: original.level, to: request.level });
    }
    if (request.level === 'hotline' && !request.handoff) {
      request = { ...request, handoff: true };
      effects.push({ type: 'show-handoff', requestId: request.id });
    }
    const fresh = poolAt(request, request.level, state, now, config).filter((id) => !request.offeredTo.includes(id));
    if (fresh.length > 0) {
      request = { ...request, offeredTo: [...request.offeredTo, ...fresh] };
      effects.push({ type: 'offer', requestId: request.id, responderIds: fresh });
    }
    if (request !== original) requests[request.id] = request;
  }
  return { state: { ...state, requests }, effects };
}

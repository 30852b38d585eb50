import { assignable, hasReached } from './availability.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';
import type { LadderConfig, LadderLevel, LadderTier, LadderRequest, LadderState, RequestTier } from './types.js';
import { REQUEST_TIERS } from './types.js';

/** True if a detected tier is one that opens a request (anything but `none`). */
export function isRequestTier(tier: LadderTier): tier is RequestTier {
  return tier !== 'none';
}

/** Urgency of a tier: higher is more urgent (concern 0, high 1, imminent 2). */
export function tierRank(tier: RequestTier): number {
  return REQUEST_TIERS.indexOf(tier);
}

/**
 * Queue order: more urgent tier first, then the one that has waited longest, then by id so that
 * the order is total and every node sorts alike.
 */
export function compareQueueOrder(a: LadderRequest, b: LadderRequest): number {
  return tierRank(b.tier) - tierRank(a.tier) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** All waiting requests, in queue order. */
export function waitingQueue(state: LadderState): readonly LadderRequest[] {
  return Object.values(state.requests)
    .filter((request) => request.status === 'waiting')
    .sort(compareQueueOrder);
}

/**
 * What a responder sees: the waiting requests that have reached their rung and that they have not
 * declined, most urgent first, then longest waiting. Empty whenever the responder cannot take a
 * request now (off shift, cooling down, at their caseload cap, or unverified professional), so that
 * nothing reaches a volunteer outside their limits.
 */
export function queueFor(
  responderId: string,
  state: LadderState,
  now: number,
  config: LadderConfig = DEFAULT_LADDER_CONFIG,
): readonly LadderRequest[] {
  const responder = state.responders[responderId];
  if (responder === undefined || !assignable(responderId, state, now, config)) return [];
  return waitingQueue(state).filter(
    (request) => hasReached(request, responder.role) && !request.declinedBy.includes(responderId),
  );
}

/** The requests a responder currently holds (accepted, not closed), oldest first. */
export function caseloadOf(responderId: string, state: LadderState): readonly LadderRequest[] {
  return Object.values(state.requests)
    .filter((request) => request.status === 'accepted' && request.responderId === responderId)
    .sort((a, b) => (a.acceptedAt ?? 0) - (b.acceptedAt ?? 0) || compareQueueOrder(a, b));
}

/** What the member who opened a request sees about it. */
export type MemberRequestView = Readonly<{
  status: LadderRequest['status'];
  level: LadderLevel;
  /** Show the hotlines and the calling script. */
  handoff: boolean;
  /** Someone has taken the request. */
  accompanied: boolean;
  checkInAt?: number;
}>;

/** The member's view of a request, or `undefined` if it is unknown. Never reveals who the responder is. */
export function memberView(requestId: string, state: LadderState): MemberRequestView | undefined {
  const request = state.requests[requestId];
  if (request === undefined) return undefined;
  const view = {
    status: request.status,
    level: request.level,
    handoff: request.handoff,
    accompanied: request.status === 'accepted',
  };
  return request.checkInAt === undefined ? view : { ...view, checkInAt: request.checkInAt };
}

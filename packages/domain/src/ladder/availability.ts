import type {
  LadderConfig,
  LadderLevel,
  LadderRequest,
  LadderState,
  Responder,
  ResponderRole,
  Shift,
  ShiftWindow,
  UnavailableReason,
} from './types.js';
import { LADDER_LEVELS } from './types.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';

/** The position of a level on the ladder (night-watch 0, professional 1, hotline 2). */
export function levelIndex(level: LadderLevel): number {
  return LADDER_LEVELS.indexOf(level);
}

/** The ladder level a responder role belongs to. */
export function levelOfRole(role: ResponderRole): LadderLevel {
  return role === 'night-watcher' ? 'night-watch' : 'professional';
}

/** True if `now` falls inside the shift: `startsAt <= now < endsAt`. */
export function isWithinShift(shift: ShiftWindow, now: number): boolean {
  return shift.startsAt <= now && now < shift.endsAt;
}

/** True if any of the shifts covers `now`. */
export function isOnShift(shifts: readonly ShiftWindow[], now: number): boolean {
  return shifts.some((shift) => isWithinShift(shift, now));
}

/** True if a shift list is well formed: every shift has finite bounds and ends after it starts. */
export function areValidShifts(shifts: readonly ShiftWindow[]): boolean {
  return shifts.every(
    (shift) => Number.isFinite(shift.startsAt) && Number.isFinite(shift.endsAt) && shift.endsAt > shift.startsAt,
  );
}

/** The number of requests a responder currently holds (accepted and not yet closed). */
export function openCaseload(state: LadderState, responderId: string): number {
  let count = 0;
  for (const request of Object.values(state.requests)) {
    if (request.status === 'accepted' && request.responderId === responderId) count += 1;
  }
  return count;
}

/** The caseload cap that applies to a responder. */
export function caseloadCapOf(responder: Responder, config: LadderConfig): number {
  return responder.caseloadCap ?? config.defaultCaseloadCap;
}

/**
 * Why a responder cannot take a new request at `now`, or `undefined` if they can.
 * Checked in this order: not verified (professionals only), off shift, cooling down, at capacity.
 */
export function unavailableReason(
  responder: Responder,
  state: LadderState,
  now: number,
  config: LadderConfig,
): UnavailableReason | undefined {
  if (responder.role === 'professional' && !responder.verified) return 'not-verified';
  if (!isOnShift(responder.shifts, now)) return 'off-shift';
  if (responder.coolDownUntil !== undefined && now < responder.coolDownUntil) return 'cooling-down';
  if (openCaseload(state, responder.id) >= caseloadCapOf(responder, config)) return 'at-capacity';
  return undefined;
}

/** Whether a responder may be given a new request at `now`, with the reason if not. */
export type Assignability = Readonly<{ assignable: true } | { assignable: false; reason: UnavailableReason | 'unknown-responder' }>;

/**
 * Whether a responder can take a new request now: on shift, verified if a professional,
 * not cooling down after an imminent case, and under their caseload cap.
 */
export function assignability(
  responderId: string,
  state: LadderState,
  now: number,
  config: LadderConfig = DEFAULT_LADDER_CONFIG,
): Assignability {
  const responder = state.responders[responderId];
  if (responder === undefined) return { assignable: false, reason: 'unknown-responder' };
  const reason = unavailableReason(responder, state, now, config);
  return reason === undefined ? { assignable: true } : { assignable: false, reason };
}

/** Shorthand for `assignability(...).assignable`. */
export function assignable(
  responderId: string,
  state: LadderState,
  now: number,
  config: LadderConfig = DEFAULT_LADDER_CONFIG,
): boolean {
  return assignability(responderId, state, now, config).assignable;
}

/**
 * True if the responder's role has been reached by the request: night-watchers from the first rung,
 * professionals once the request reached the professional rung. At the hotline rung everyone may
 * still take it, because the hand-off does not close the request.
 */
export function hasReached(request: LadderRequest, role: ResponderRole): boolean {
  return levelIndex(levelOfRole(role)) <= levelIndex(request.level);
}

/**
 * The responders who could take the request if it stood at `level` at `now`: reached by that level,
 * assignable, and not among those who declined it. Sorted by id for deterministic effects.
 */
export function poolAt(
  request: LadderRequest,
  level: LadderLevel,
  state: LadderState,
  now: number,
  config: LadderConfig,
): readonly string[] {
  const atLevel: LadderRequest = { ...request, level };
  return Object.values(state.responders)
    .filter(
      (responder) =>
        hasReached(atLevel, responder.role) &&
        !request.declinedBy.includes(responder.id) &&
        unavailableReason(responder, state, now, config) === undefined,
    )
    .map((responder) => responder.id)
    .sort();
}

/** What every member can see about the night watch. */
export type WatchStatus = Readonly<{
  /** How many distinct responders are on shift right now. */
  onDutyNow: number;
  /** When the next shift (of anyone) starts after `now`; absent if none is scheduled. */
  nextShiftStartsAt?: number;
}>;

/**
 * Whether someone is on watch now and when the next shift starts. Members always see this.
 *
 * @param shifts all scheduled shifts, each naming its responder
 * @param now milliseconds since the epoch
 */
export function watchStatus(shifts: readonly Shift[], now: number): WatchStatus {
  const onDuty = new Set<string>();
  let next: number | undefined;
  for (const shift of shifts) {
    if (isWithinShift(shift, now)) onDuty.add(shift.responderId);
    else if (shift.startsAt > now && (next === undefined || shift.startsAt < next)) next = shift.startsAt;
  }
  return next === undefined ? { onDutyNow: onDuty.size } : { onDutyNow: onDuty.size, nextShiftStartsAt: next };
}

/**
 * {@link watchStatus} for the responders in ladder state. Professionals without the verified badge
 * are left out, since they take no requests.
 */
export function watchStatusOf(state: LadderState, now: number): WatchStatus {
  const shifts: Shift[] = [];
  for (const responder of Object.values(state.responders)) {
    if (responder.role === 'professional' && !responder.verified) continue;
    for (const shift of responder.shifts) shifts.push({ responderId: responder.id, ...shift });
  }
  return watchStatus(shifts, now);
}

import { caseloadOf, isOnShift, memberView, queueFor, type LadderConfig, type LadderState } from '@lamplight/domain';

/** Who should refetch after one ladder event: accounts of responders, and requests whose member should. */
export type NudgeTargets = Readonly<{ responders: readonly string[]; requests: readonly string[] }>;

/** What a responder's screens show of the ladder (queue, what they hold, their own state), as a comparable string. */
function responderPicture(responderId: string, state: LadderState, now: number, config: LadderConfig): string {
  const r = state.responders[responderId];
  if (r === undefined) return '';
  const queue = queueFor(responderId, state, now, config).map((q) => [q.id, q.status, q.level, q.tier]);
  const held = caseloadOf(responderId, state).map((q) => [q.id, q.status, q.level]);
  return JSON.stringify([r.role, r.verified, r.caseloadCap, r.coolDownUntil, r.shifts, queue, held]);
}

/** The requests a responder holds, as a comparable string (a request they hold may change while off shift). */
function heldPicture(responderId: string, state: LadderState): string {
  return JSON.stringify(
    Object.values(state.requests)
      .filter((q) => q.responderId === responderId)
      .map((q) => [q.id, q.status]),
  );
}

/**
 * Whom to nudge after an event took the ladder from `before` to `after`:
 * responders on shift whose picture changed, responders whose own held
 * requests changed (even off shift: it is their conversation), and the
 * members whose request looks different to them. Nobody else: off shift a
 * responder hears nothing about the queue, and no member hears about anyone
 * else's request.
 */
export function nudgeTargets(before: LadderState, after: LadderState, now: number, config: LadderConfig): NudgeTargets {
  const responders = new Set<string>();
  for (const id of new Set([...Object.keys(before.responders), ...Object.keys(after.responders)])) {
    const r = after.responders[id] ?? before.responders[id];
    if (r === undefined) continue;
    const onShift = isOnShift(r.shifts, now);
    if (onShift && responderPicture(id, before, now, config) !== responderPicture(id, after, now, config)) responders.add(id);
    else if (heldPicture(id, before) !== heldPicture(id, after)) responders.add(id);
  }
  const requests: string[] = [];
  for (const id of Object.keys(after.requests)) {
    if (JSON.stringify(memberView(id, before)) !== JSON.stringify(memberView(id, after))) requests.push(id);
  }
  return { responders: [...responders], requests };
}

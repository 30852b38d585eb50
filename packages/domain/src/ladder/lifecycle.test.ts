import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/units.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';
import { waitingQueue } from './queue.js';
import { closeRequest, emptyLadderState, ladderReducer, nextLadderDeadline, pruneEndedRequests } from './reducer.js';
import type { LadderEffect, LadderEvent, LadderState, RequestTier, ResponderProfile, ResponderRole } from './types.js';

const T0 = Date.UTC(2026, 10, 21, 15, 0, 0);
const onDuty = [{ startsAt: T0 - HOUR_MS, endsAt: T0 + 8 * HOUR_MS }];

function responder(id: string, role: ResponderRole = 'night-watcher', extra: Partial<ResponderProfile> = {}): ResponderProfile {
  return { id, role, verified: role === 'professional', shifts: onDuty, ...extra };
}

/** Applies events in order, failing the test on any refused event; returns the state and all effects. */
function run(events: readonly LadderEvent[], state: LadderState = emptyLadderState(T0 - HOUR_MS)) {
  let current = state;
  const effects: LadderEffect[] = [];
  for (const event of events) {
    const result = ladderReducer(current, event, DEFAULT_LADDER_CONFIG);
    if (!result.ok) throw new Error(`refused ${event.type}: ${JSON.stringify(result.error)}`);
    current = result.state;
    effects.push(...result.effects);
  }
  return { state: current, effects };
}

const join = (profile: ResponderProfile, at = T0 - HOUR_MS): LadderEvent => ({ type: 'responder-upserted', at, responder: profile });
const create = (requestId: string, tier: RequestTier, at = T0, origin: 'self' | 'peer-ask' = 'self'): LadderEvent => ({
  type: 'request-created',
  at,
  requestId,
  tier,
  origin,
});
const tick = (at: number): LadderEvent => ({ type: 'tick', at });
const accept = (requestId: string, responderId: string, at: number): LadderEvent => ({
  type: 'responder-accepted',
  at,
  requestId,
  responderId,
});
const closeBy = (requestId: string, responderId: string, at: number, checkInTomorrow?: boolean): LadderEvent =>
  checkInTomorrow === undefined
    ? { type: 'request-closed', at, requestId, by: { kind: 'responder', responderId } }
    : { type: 'request-closed', at, requestId, by: { kind: 'responder', responderId }, checkInTomorrow };

describe('offers respect the responder', () => {
  it('gives an off-shift responder nothing, and offers when their shift starts', () => {
    const later = [{ startsAt: T0 + 10 * MINUTE_MS, endsAt: T0 + HOUR_MS }];
    const created = run([join(responder('w1')), join(responder('w2', 'night-watcher', { shifts: later })), create('r1', 'concern')]);
    expect(created.effects).toEqual([{ type: 'offer', requestId: 'r1', responderIds: ['w1'] }]);
    const beforeShift = run([tick(T0 + 10 * MINUTE_MS - 1)], created.state);
    expect(beforeShift.effects).toEqual([]);
    const atShift = run([tick(T0 + 10 * MINUTE_MS)], created.state);
    expect(atShift.effects).toEqual([{ type: 'offer', requestId: 'r1', responderIds: ['w2'] }]);
    expect(atShift.state.requests['r1']?.offeredTo).toEqual(['w1', 'w2']);
  });

  it('refuses an off-shift responder who tries to accept', () => {
    const state = run([join(responder('w1')), join(responder('w2', 'night-watcher', { shifts: [] })), create('r1', 'high')]).state;
    const result = ladderReducer(state, accept('r1', 'w2', T0 + 1));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'responder-unavailable', responderId: 'w2', reason: 'off-shift' });
    expect(result.state).toBe(state);
  });

  it('treats the shift end as exclusive', () => {
    const shift = [{ startsAt: T0 - HOUR_MS, endsAt: T0 + MINUTE_MS }];
    const state = run([join(responder('w1', 'night-watcher', { shifts: shift })), join(responder('w2')), create('r1', 'concern')]).state;
    expect(ladderReducer(state, accept('r1', 'w1', T0 + MINUTE_MS - 1)).ok).toBe(true);
    expect(ladderReducer(state, accept('r1', 'w1', T0 + MINUTE_MS)).ok).toBe(false);
  });

  it('respects the caseload cap: no offers and no accepting at cap', () => {
    const state = run([
      join(responder('w1')),
      join(responder('w2')),
      create('r1', 'concern'),
      create('r2', 'concern', T0 + 1),
      accept('r1', 'w1', T0 + 2),
      accept('r2', 'w1', T0 + 3),
    ]).state;
    const third = run([create('r3', 'high', T0 + 4)], state);
    expect(third.effects).toEqual([{ type: 'offer', requestId: 'r3', responderIds: ['w2'] }]);
    const refused = ladderReducer(third.state, accept('r3', 'w1', T0 + 5));
    expect(refused.ok ? undefined : refused.error).toEqual({ code: 'responder-unavailable', responderId: 'w1', reason: 'at-capacity' });
  });

  it('offers again once the responder drops below their cap', () => {
    const state = run([
      join(responder('w1', 'night-watcher', { caseloadCap: 1 })),
      join(responder('p1', 'professional')),
      create('r1', 'concern'),
      accept('r1', 'w1', T0 + 1),
      create('r2', 'concern', T0 + 2),
    ]).state;
    expect(state.requests['r2']).toMatchObject({ level: 'professional', offeredTo: ['p1'] });
    const { effects } = run([closeBy('r1', 'w1', T0 + 3, false)], state);
    expect(effects).toContainEqual({ type: 'offer', requestId: 'r2', responderIds: ['w1'] });
  });

  it('does not offer to or accept from an unverified professional', () => {
    const state = run([join(responder('p1', 'professional', { verified: false })), create('r1', 'high')]).state;
    expect(state.requests['r1']?.handoff).toBe(true);
    const result = ladderReducer(state, accept('r1', 'p1', T0 + 1));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'responder-unavailable', responderId: 'p1', reason: 'not-verified' });
  });

  it('does not let a professional take a request the ladder has not brought to them', () => {
    const state = run([join(responder('w1')), join(responder('p1', 'professional')), create('r1', 'high')]).state;
    const result = ladderReducer(state, accept('r1', 'p1', T0 + 1));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'not-reached', requestId: 'r1', responderId: 'p1', level: 'night-watch' });
  });

  it('offers each responder a request only once', () => {
    const created = run([join(responder('w1')), create('r1', 'concern')]);
    const { effects } = run([tick(T0 + MINUTE_MS), tick(T0 + 2 * MINUTE_MS)], created.state);
    expect(effects).toEqual([]);
  });
});

describe('cool-down after an imminent request', () => {
  const withImminentClosed = () =>
    run([
      join(responder('w1')),
      join(responder('w2')),
      create('r1', 'imminent'),
      accept('r1', 'w1', T0 + MINUTE_MS),
      closeBy('r1', 'w1', T0 + 10 * MINUTE_MS, false),
    ]);

  it('starts when an imminent request closes', () => {
    const { state, effects } = withImminentClosed();
    expect(state.responders['w1']?.coolDownUntil).toBe(T0 + 30 * MINUTE_MS);
    expect(effects).toContainEqual({ type: 'cool-down-started', responderId: 'w1', until: T0 + 30 * MINUTE_MS });
  });

  it('keeps new requests from the responder until exactly 20 minutes have passed', () => {
    const closed = withImminentClosed().state;
    const during = run([create('r2', 'high', T0 + 30 * MINUTE_MS - 1)], closed);
    expect(during.effects).toEqual([{ type: 'offer', requestId: 'r2', responderIds: ['w2'] }]);
    const refused = ladderReducer(during.state, accept('r2', 'w1', T0 + 30 * MINUTE_MS - 1));
    expect(refused.ok ? undefined : refused.error).toEqual({ code: 'responder-unavailable', responderId: 'w1', reason: 'cooling-down' });
    const ended = run([tick(T0 + 30 * MINUTE_MS)], during.state);
    expect(ended.effects).toEqual([{ type: 'offer', requestId: 'r2', responderIds: ['w1'] }]);
    expect(ladderReducer(during.state, accept('r2', 'w1', T0 + 30 * MINUTE_MS)).ok).toBe(true);
  });

  it('also starts when the member closes the imminent request', () => {
    const { state } = run([
      join(responder('w1')),
      create('r1', 'imminent'),
      accept('r1', 'w1', T0 + MINUTE_MS),
      { type: 'request-closed', at: T0 + 5 * MINUTE_MS, requestId: 'r1', by: { kind: 'member' }, checkInTomorrow: true },
    ]);
    expect(state.responders['w1']?.coolDownUntil).toBe(T0 + 25 * MINUTE_MS);
  });

  it('does not start after a high or concern request', () => {
    const { state, effects } = run([join(responder('w1')), create('r1', 'high'), accept('r1', 'w1', T0 + 1), closeBy('r1', 'w1', T0 + 2, false)]);
    expect(state.responders['w1']?.coolDownUntil).toBeUndefined();
    expect(effects.some((effect) => effect.type === 'cool-down-started')).toBe(false);
  });

  it('survives the responder updating their profile', () => {
    const closed = withImminentClosed().state;
    const { state } = run([join(responder('w1', 'night-watcher', { caseloadCap: 3 }), T0 + 11 * MINUTE_MS)], closed);
    expect(state.responders['w1']).toMatchObject({ caseloadCap: 3, coolDownUntil: T0 + 30 * MINUTE_MS });
  });
});

describe('accepting, declining, releasing, cancelling, closing', () => {
  const waiting = () => run([join(responder('w1')), join(responder('w2')), create('r1', 'high')]).state;

  it('accepts a waiting request', () => {
    const { state, effects } = run([accept('r1', 'w1', T0 + 1)], waiting());
    expect(state.requests['r1']).toMatchObject({ status: 'accepted', responderId: 'w1', acceptedAt: T0 + 1 });
    expect(effects).toEqual([{ type: 'accepted', requestId: 'r1', responderId: 'w1' }]);
  });

  it('refuses a second acceptance', () => {
    const state = run([accept('r1', 'w1', T0 + 1)], waiting()).state;
    const result = ladderReducer(state, accept('r1', 'w2', T0 + 2));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'not-waiting', requestId: 'r1', status: 'accepted' });
  });

  it('refuses unknown ids', () => {
    const state = waiting();
    const unknownRequest = ladderReducer(state, accept('nope', 'w1', T0 + 1));
    expect(unknownRequest.ok ? undefined : unknownRequest.error).toEqual({ code: 'unknown-request', requestId: 'nope' });
    const unknownResponder = ladderReducer(state, accept('r1', 'nobody', T0 + 1));
    expect(unknownResponder.ok ? undefined : unknownResponder.error).toEqual({ code: 'unknown-responder', responderId: 'nobody' });
    const unknownShift = ladderReducer(state, { type: 'shift-ended', at: T0, responderId: 'nobody' });
    expect(unknownShift.ok).toBe(false);
    expect(unknownShift.state).toBe(state);
  });

  it('lets a responder decline; they are not offered it again and cannot then accept', () => {
    const { state } = run([{ type: 'responder-declined', at: T0 + 1, requestId: 'r1', responderId: 'w1' }], waiting());
    expect(state.requests['r1']).toMatchObject({ status: 'waiting', level: 'night-watch', declinedBy: ['w1'] });
    const result = ladderReducer(state, accept('r1', 'w1', T0 + 2));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'declined-already', requestId: 'r1', responderId: 'w1' });
  });

  it('lets the assigned responder release a request back to waiting with a fresh window at the same rung', () => {
    const accepted = run([accept('r1', 'w1', T0 + 1)], waiting()).state;
    const { state, effects } = run([{ type: 'responder-released', at: T0 + 4 * MINUTE_MS, requestId: 'r1', responderId: 'w1' }], accepted);
    expect(state.requests['r1']).toMatchObject({ status: 'waiting', level: 'night-watch', levelSince: T0 + 4 * MINUTE_MS, declinedBy: ['w1'] });
    expect(state.requests['r1']?.responderId).toBeUndefined();
    expect(effects).toEqual([{ type: 'released', requestId: 'r1', responderId: 'w1' }]);
    const wrong = ladderReducer(accepted, { type: 'responder-released', at: T0 + 2, requestId: 'r1', responderId: 'w2' });
    expect(wrong.ok ? undefined : wrong.error).toEqual({ code: 'not-assigned', requestId: 'r1', responderId: 'w2' });
  });

  it('lets the member cancel a waiting request, and not twice', () => {
    const { state, effects } = run([{ type: 'request-cancelled', at: T0 + 1, requestId: 'r1' }], waiting());
    expect(state.requests['r1']).toMatchObject({ status: 'cancelled', endedAt: T0 + 1 });
    expect(effects).toEqual([{ type: 'ended', requestId: 'r1', status: 'cancelled' }]);
    const again = ladderReducer(state, { type: 'request-cancelled', at: T0 + 2, requestId: 'r1' });
    expect(again.ok ? undefined : again.error).toEqual({ code: 'not-waiting', requestId: 'r1', status: 'cancelled' });
    expect(run([tick(T0 + HOUR_MS)], state).state.requests['r1']?.handoff).toBe(false);
  });

  it('refuses accepting a closed request and closing twice', () => {
    const closed = run([accept('r1', 'w1', T0 + 1), closeBy('r1', 'w1', T0 + 2, false)], waiting()).state;
    const acceptClosed = ladderReducer(closed, accept('r1', 'w2', T0 + 3));
    expect(acceptClosed.ok ? undefined : acceptClosed.error).toEqual({ code: 'not-waiting', requestId: 'r1', status: 'closed' });
    const closeAgain = ladderReducer(closed, closeBy('r1', 'w1', T0 + 3, false));
    expect(closeAgain.ok ? undefined : closeAgain.error).toEqual({ code: 'not-accepted', requestId: 'r1', status: 'closed' });
    expect(closeAgain.state).toBe(closed);
  });

  it('refuses closing by a responder who does not hold the request', () => {
    const accepted = run([accept('r1', 'w1', T0 + 1)], waiting()).state;
    const result = ladderReducer(accepted, closeBy('r1', 'w2', T0 + 2, false));
    expect(result.ok ? undefined : result.error).toEqual({ code: 'not-assigned', requestId: 'r1', responderId: 'w2' });
  });

  it('schedules a check-in tomorrow on the member device when welcomed', () => {
    const accepted = run([accept('r1', 'w1', T0 + 1)], waiting()).state;
    const result = closeRequest(accepted, 'r1', { kind: 'responder', responderId: 'w1' }, T0 + HOUR_MS, { checkInTomorrow: true });
    expect(result.ok).toBe(true);
    expect(result.reminderAt).toBe(T0 + 25 * HOUR_MS);
    expect(result.effects).toContainEqual({ type: 'schedule-check-in', requestId: 'r1', at: T0 + 25 * HOUR_MS });
    expect(result.state.requests['r1']).toMatchObject({ status: 'closed', endedAt: T0 + HOUR_MS, checkInAt: T0 + 25 * HOUR_MS });
  });

  it('schedules nothing when the member says no', () => {
    const accepted = run([accept('r1', 'w1', T0 + 1)], waiting()).state;
    const result = closeRequest(accepted, 'r1', { kind: 'member' }, T0 + HOUR_MS, { checkInTomorrow: false });
    expect(result.reminderAt).toBeUndefined();
    expect(result.effects).toEqual([{ type: 'ended', requestId: 'r1', status: 'closed' }]);
  });

  it('asks the member when the responder closes without an answer, then records the answer', () => {
    const closed = run([accept('r1', 'w1', T0 + 1), closeBy('r1', 'w1', T0 + 2)], waiting());
    expect(closed.effects).toContainEqual({ type: 'ask-check-in-tomorrow', requestId: 'r1' });
    const { state, effects } = run([{ type: 'check-in-answered', at: T0 + 3, requestId: 'r1', checkInTomorrow: true }], closed.state);
    expect(effects).toEqual([{ type: 'schedule-check-in', requestId: 'r1', at: T0 + 3 + 24 * HOUR_MS }]);
    expect(state.requests['r1']?.checkInAt).toBe(T0 + 3 + 24 * HOUR_MS);
    const withdrawn = run([{ type: 'check-in-answered', at: T0 + 4, requestId: 'r1', checkInTomorrow: false }], state).state;
    expect(withdrawn.requests['r1']?.checkInAt).toBeUndefined();
    const early = ladderReducer(waiting(), { type: 'check-in-answered', at: T0 + 3, requestId: 'r1', checkInTomorrow: true });
    expect(early.ok ? undefined : early.error).toEqual({ code: 'not-closed', requestId: 'r1', status: 'waiting' });
  });
});

describe('responders and shifts', () => {
  it('refuses invalid shifts and caps', () => {
    const empty = emptyLadderState(T0);
    const backwards = ladderReducer(empty, join(responder('w1', 'night-watcher', { shifts: [{ startsAt: T0, endsAt: T0 }] })));
    expect(backwards.ok ? undefined : backwards.error).toEqual({ code: 'invalid-shift', responderId: 'w1' });
    const zeroCap = ladderReducer(empty, join(responder('w1', 'night-watcher', { caseloadCap: 0 })));
    expect(zeroCap.ok ? undefined : zeroCap.error).toEqual({ code: 'invalid-caseload-cap', responderId: 'w1' });
  });

  it('refuses removing a responder who still holds a request, allows it afterwards', () => {
    const accepted = run([join(responder('w1')), create('r1', 'high'), accept('r1', 'w1', T0 + 1)]).state;
    const refused = ladderReducer(accepted, { type: 'responder-removed', at: T0 + 2, responderId: 'w1' });
    expect(refused.ok ? undefined : refused.error).toEqual({ code: 'has-open-requests', responderId: 'w1' });
    const closed = run([closeBy('r1', 'w1', T0 + 3, false), { type: 'responder-removed', at: T0 + 4, responderId: 'w1' }], accepted).state;
    expect(closed.responders['w1']).toBeUndefined();
  });

  it('replaces shifts with shifts-set', () => {
    const state = run([join(responder('w1')), { type: 'shifts-set', at: T0, responderId: 'w1', shifts: [] }]).state;
    expect(state.responders['w1']?.shifts).toEqual([]);
  });

  it('refuses a shift that ends before it starts', () => {
    const state = run([join(responder('w1'))]).state;
    const result = ladderReducer(state, { type: 'shift-started', at: T0, responderId: 'w1', endsAt: T0 - 1 });
    expect(result.ok ? undefined : result.error).toEqual({ code: 'invalid-shift', responderId: 'w1' });
  });

  it('never runs backwards: an event dated earlier happens at the last event time', () => {
    const state = run([join(responder('w1')), create('r1', 'high'), tick(T0 + HOUR_MS)]).state;
    const { state: after } = run([create('r2', 'high', T0)], state);
    expect(after.requests['r2']?.createdAt).toBe(T0 + HOUR_MS);
    expect(after.at).toBe(T0 + HOUR_MS);
  });
});

describe('nextLadderDeadline', () => {
  it('is the earliest escalation window, shift boundary or cool-down end after now', () => {
    const state = run([join(responder('w1')), create('r1', 'imminent'), create('r2', 'concern')]).state;
    expect(nextLadderDeadline(state)).toBe(T0 + 2 * MINUTE_MS);
  });

  it('includes a shift start that would bring someone on duty', () => {
    const later = [{ startsAt: T0 + MINUTE_MS, endsAt: T0 + HOUR_MS }];
    const state = run([join(responder('w1', 'night-watcher', { shifts: later })), create('r1', 'concern')]).state;
    expect(state.requests['r1']?.level).toBe('hotline');
    expect(nextLadderDeadline(state)).toBe(T0 + MINUTE_MS);
  });

  it('is undefined when nothing waits', () => {
    const state = run([join(responder('w1'))]).state;
    expect(nextLadderDeadline(state)).toBeUndefined();
  });
});

describe('pruneEndedRequests', () => {
  it('drops only requests that ended before the cutoff', () => {
    const state = run([
      join(responder('w1')),
      create('old', 'concern'),
      create('open', 'concern', T0 + 1),
      { type: 'request-cancelled', at: T0 + 2, requestId: 'old' },
    ]).state;
    expect(Object.keys(pruneEndedRequests(state, T0 + 2).requests).sort()).toEqual(['old', 'open']);
    expect(Object.keys(pruneEndedRequests(state, T0 + 3).requests)).toEqual(['open']);
  });
});

describe('raising the tier', () => {
  const waiting = () => run([join(responder('w1')), join(responder('p1', 'professional')), create('r1', 'concern')]).state;
  const raise = (at: number): LadderEvent => ({ type: 'request-tier-raised', at, requestId: 'r1', tier: 'imminent' });

  it('shortens the current window to the new tier', () => {
    const raised = run([raise(T0 + MINUTE_MS)], waiting()).state;
    expect(raised.requests['r1']).toMatchObject({ tier: 'imminent', level: 'night-watch', levelSince: T0 });
    expect(run([tick(T0 + 2 * MINUTE_MS - 1)], raised).state.requests['r1']?.level).toBe('night-watch');
    expect(run([tick(T0 + 2 * MINUTE_MS)], raised).state.requests['r1']?.level).toBe('professional');
  });

  it('moves up at once when the shorter window has already passed, giving the next rung its full window', () => {
    const { state, effects } = run([raise(T0 + 10 * MINUTE_MS)], waiting());
    expect(state.requests['r1']).toMatchObject({ level: 'professional', levelSince: T0 + 10 * MINUTE_MS, handoff: false });
    expect(effects).toContainEqual({ type: 'escalated', requestId: 'r1', from: 'night-watch', to: 'professional' });
    expect(run([tick(T0 + 12 * MINUTE_MS - 1)], state).state.requests['r1']?.handoff).toBe(false);
    expect(run([tick(T0 + 12 * MINUTE_MS)], state).state.requests['r1']?.handoff).toBe(true);
  });

  it('moves the request ahead in the queue', () => {
    const state = run([create('r0', 'high', T0 - MINUTE_MS), raise(T0 + 1)], waiting()).state;
    expect(waitingQueue(state).map((request) => request.id)).toEqual(['r1', 'r0']);
  });

  it('refuses lowering or keeping the tier, and raising an ended request', () => {
    const raised = run([raise(T0 + 1)], waiting()).state;
    const lower = ladderReducer(raised, { type: 'request-tier-raised', at: T0 + 2, requestId: 'r1', tier: 'high' });
    expect(lower.ok ? undefined : lower.error).toEqual({ code: 'tier-not-higher', requestId: 'r1', tier: 'imminent' });
    const cancelled = run([{ type: 'request-cancelled', at: T0 + 1, requestId: 'r1' }], waiting()).state;
    const late = ladderReducer(cancelled, raise(T0 + 2));
    expect(late.ok ? undefined : late.error).toEqual({ code: 'not-waiting', requestId: 'r1', status: 'cancelled' });
  });

  it('updates an accepted request too', () => {
    const accepted = run([accept('r1', 'w1', T0 + 1), raise(T0 + 2)], waiting()).state;
    expect(accepted.requests['r1']).toMatchObject({ status: 'accepted', tier: 'imminent' });
  });
});

import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/units.js';
import { assignability, assignable, isOnShift, watchStatus, watchStatusOf } from './availability.js';
import { DEFAULT_LADDER_CONFIG, makeLadderConfig } from './config.js';
import { caseloadOf, compareQueueOrder, isRequestTier, memberView, queueFor, waitingQueue } from './queue.js';
import { emptyLadderState, ladderReducer } from './reducer.js';
import type { LadderEvent, LadderRequest, LadderState, ResponderProfile } from './types.js';

const T0 = Date.UTC(2026, 10, 21, 15, 0, 0);
const onDuty = [{ startsAt: T0 - HOUR_MS, endsAt: T0 + 8 * HOUR_MS }];

function build(events: readonly LadderEvent[]): LadderState {
  return events.reduce<LadderState>((state, event) => {
    const result = ladderReducer(state, event);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.state;
  }, emptyLadderState(T0 - HOUR_MS));
}

const join = (responder: ResponderProfile): LadderEvent => ({ type: 'responder-upserted', at: T0 - HOUR_MS, responder });
const watcher = (id: string, extra: Partial<ResponderProfile> = {}): ResponderProfile => ({
  id,
  role: 'night-watcher',
  verified: false,
  shifts: onDuty,
  ...extra,
});

describe('isRequestTier', () => {
  it('opens a request for every tier but none', () => {
    expect(isRequestTier('none')).toBe(false);
    expect(['concern', 'high', 'imminent'].every((tier) => isRequestTier(tier as 'concern'))).toBe(true);
  });
});

describe('queue order', () => {
  const request = (id: string, tier: LadderRequest['tier'], createdAt: number): LadderRequest => ({
    id,
    tier,
    origin: 'self',
    createdAt,
    status: 'waiting',
    level: 'night-watch',
    levelSince: createdAt,
    handoff: false,
    offeredTo: [],
    declinedBy: [],
  });

  it('puts the more urgent tier first, then the longest waiting, then id', () => {
    const sorted = [
      request('c-old', 'concern', T0 - HOUR_MS),
      request('h-new', 'high', T0),
      request('i-new', 'imminent', T0),
      request('h-old', 'high', T0 - MINUTE_MS),
      request('i-old', 'imminent', T0 - 1),
      request('b-same', 'high', T0),
    ].sort(compareQueueOrder);
    expect(sorted.map((r) => r.id)).toEqual(['i-old', 'i-new', 'h-old', 'b-same', 'h-new', 'c-old']);
  });

  it('lists only waiting requests in the queue', () => {
    const state = build([
      join(watcher('w1')),
      { type: 'request-created', at: T0, requestId: 'concern', tier: 'concern', origin: 'self' },
      { type: 'request-created', at: T0 + 1, requestId: 'imminent', tier: 'imminent', origin: 'self' },
      { type: 'request-created', at: T0 + 2, requestId: 'high', tier: 'high', origin: 'peer-ask' },
      { type: 'responder-accepted', at: T0 + 3, requestId: 'high', responderId: 'w1' },
    ]);
    expect(waitingQueue(state).map((r) => r.id)).toEqual(['imminent', 'concern']);
    expect(queueFor('w1', state, T0 + 4).map((r) => r.id)).toEqual(['imminent', 'concern']);
    expect(caseloadOf('w1', state).map((r) => r.id)).toEqual(['high']);
  });
});

describe('queueFor', () => {
  const base = () =>
    build([
      join(watcher('w1')),
      join(watcher('off', { shifts: [{ startsAt: T0 + HOUR_MS, endsAt: T0 + 2 * HOUR_MS }] })),
      join({ id: 'p1', role: 'professional', verified: true, shifts: onDuty }),
      { type: 'request-created', at: T0, requestId: 'r1', tier: 'high', origin: 'self' },
    ]);

  it('shows an off-shift responder nothing', () => {
    expect(queueFor('off', base(), T0)).toEqual([]);
  });

  it('shows a professional nothing before the request reaches their rung, and the request after', () => {
    const state = base();
    expect(queueFor('p1', state, T0)).toEqual([]);
    const later = ladderReducer(state, { type: 'tick', at: T0 + 5 * MINUTE_MS }).state;
    expect(queueFor('p1', later, T0 + 5 * MINUTE_MS).map((r) => r.id)).toEqual(['r1']);
    expect(queueFor('w1', later, T0 + 5 * MINUTE_MS).map((r) => r.id)).toEqual(['r1']);
  });

  it('hides a request the responder declined', () => {
    const state = ladderReducer(base(), { type: 'responder-declined', at: T0 + 1, requestId: 'r1', responderId: 'w1' }).state;
    expect(queueFor('w1', state, T0 + 1)).toEqual([]);
  });

  it('shows a responder at their cap nothing new', () => {
    const state = build([
      join(watcher('w1', { caseloadCap: 1 })),
      { type: 'request-created', at: T0, requestId: 'r1', tier: 'high', origin: 'self' },
      { type: 'request-created', at: T0, requestId: 'r2', tier: 'high', origin: 'self' },
      { type: 'responder-accepted', at: T0 + 1, requestId: 'r1', responderId: 'w1' },
    ]);
    expect(queueFor('w1', state, T0 + 1)).toEqual([]);
    expect(assignability('w1', state, T0 + 1, DEFAULT_LADDER_CONFIG)).toEqual({ assignable: false, reason: 'at-capacity' });
  });

  it('is empty for an unknown responder', () => {
    expect(queueFor('nobody', base(), T0)).toEqual([]);
  });
});

describe('assignable', () => {
  it('is true on shift, under cap, not cooling down', () => {
    const state = build([join(watcher('w1'))]);
    expect(assignable('w1', state, T0, DEFAULT_LADDER_CONFIG)).toBe(true);
    expect(assignability('w1', state, T0 + 8 * HOUR_MS, DEFAULT_LADDER_CONFIG)).toEqual({ assignable: false, reason: 'off-shift' });
    expect(assignability('x', state, T0, DEFAULT_LADDER_CONFIG)).toEqual({ assignable: false, reason: 'unknown-responder' });
  });

  it('needs the verified badge for professionals', () => {
    const state = build([join({ id: 'p1', role: 'professional', verified: false, shifts: onDuty })]);
    expect(assignability('p1', state, T0, DEFAULT_LADDER_CONFIG)).toEqual({ assignable: false, reason: 'not-verified' });
  });
});

describe('watchStatus', () => {
  const shifts = [
    { responderId: 'a', startsAt: T0, endsAt: T0 + HOUR_MS },
    { responderId: 'a', startsAt: T0 + 30 * MINUTE_MS, endsAt: T0 + 2 * HOUR_MS },
    { responderId: 'b', startsAt: T0 + 3 * HOUR_MS, endsAt: T0 + 4 * HOUR_MS },
    { responderId: 'c', startsAt: T0 + 2 * HOUR_MS, endsAt: T0 + 5 * HOUR_MS },
  ];

  it('counts distinct responders on duty and names the next start', () => {
    expect(watchStatus(shifts, T0 + 45 * MINUTE_MS)).toEqual({ onDutyNow: 1, nextShiftStartsAt: T0 + 2 * HOUR_MS });
  });

  it('counts a shift from its first millisecond and not at its end', () => {
    expect(watchStatus(shifts, T0 - 1)).toEqual({ onDutyNow: 0, nextShiftStartsAt: T0 });
    expect(watchStatus(shifts, T0).onDutyNow).toBe(1);
    expect(watchStatus(shifts, T0 + 5 * HOUR_MS - 1).onDutyNow).toBe(1);
    expect(watchStatus(shifts, T0 + 5 * HOUR_MS)).toEqual({ onDutyNow: 0 });
  });

  it('reports nobody and no next shift for an empty schedule', () => {
    expect(watchStatus([], T0)).toEqual({ onDutyNow: 0 });
  });

  it('leaves unverified professionals out of the ladder status', () => {
    const state = build([
      join(watcher('w1', { shifts: [{ startsAt: T0 + HOUR_MS, endsAt: T0 + 2 * HOUR_MS }] })),
      join({ id: 'p1', role: 'professional', verified: false, shifts: onDuty }),
    ]);
    expect(watchStatusOf(state, T0)).toEqual({ onDutyNow: 0, nextShiftStartsAt: T0 + HOUR_MS });
    expect(isOnShift(onDuty, T0)).toBe(true);
  });
});

describe('memberView', () => {
  it('tells the member whether someone is with them, never who', () => {
    const state = build([
      join(watcher('w1')),
      { type: 'request-created', at: T0, requestId: 'r1', tier: 'high', origin: 'self' },
      { type: 'responder-accepted', at: T0 + 1, requestId: 'r1', responderId: 'w1' },
    ]);
    expect(memberView('r1', state)).toEqual({ status: 'accepted', level: 'night-watch', handoff: false, accompanied: true });
    expect(memberView('nope', state)).toBeUndefined();
  });
});

describe('makeLadderConfig', () => {
  it('returns the defaults when nothing is overridden', () => {
    expect(makeLadderConfig()).toEqual({ ok: true, config: DEFAULT_LADDER_CONFIG });
  });

  it('accepts a valid override and keeps the other defaults', () => {
    const result = makeLadderConfig({ ackTimeoutMs: { imminent: MINUTE_MS }, defaultCaseloadCap: 3 });
    expect(result.ok && result.config.ackTimeoutMs).toEqual({ imminent: MINUTE_MS, high: 5 * MINUTE_MS, concern: 30 * MINUTE_MS });
    expect(result.ok && result.config.defaultCaseloadCap).toBe(3);
  });

  it('refuses out-of-range, fractional and mis-ordered values', () => {
    const result = makeLadderConfig({
      ackTimeoutMs: { imminent: 10 * MINUTE_MS, concern: 5 * HOUR_MS },
      defaultCaseloadCap: 1.5,
      coolDownMs: -1,
    });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'ackTimeoutMs.concern', problem: 'out-of-range' },
      { field: 'ackTimeoutMs.imminent', problem: 'tier-order' },
      { field: 'defaultCaseloadCap', problem: 'not-an-integer' },
      { field: 'coolDownMs', problem: 'out-of-range' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { HOUR_MS, MINUTE_MS } from '../time/units.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';
import { emptyLadderState, ladderReducer } from './reducer.js';
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

describe('creating a request', () => {
  it('offers it at once to on-duty night-watchers, not yet to professionals', () => {
    const { state, effects } = run([join(responder('w1')), join(responder('w2')), join(responder('p1', 'professional')), create('r1', 'high')]);
    expect(effects).toEqual([{ type: 'offer', requestId: 'r1', responderIds: ['w1', 'w2'] }]);
    expect(state.requests['r1']).toMatchObject({ status: 'waiting', level: 'night-watch', handoff: false, levelSince: T0 });
  });

  it('shows the hotline hand-off immediately when nobody is on duty', () => {
    const offShift = [{ startsAt: T0 + HOUR_MS, endsAt: T0 + 2 * HOUR_MS }];
    const { state, effects } = run([join(responder('w1', 'night-watcher', { shifts: offShift })), create('r1', 'concern')]);
    expect(state.requests['r1']).toMatchObject({ level: 'hotline', handoff: true, status: 'waiting' });
    expect(effects).toEqual([
      { type: 'escalated', requestId: 'r1', from: 'night-watch', to: 'hotline' },
      { type: 'show-handoff', requestId: 'r1' },
    ]);
  });

  it('shows the hand-off immediately on an empty ladder', () => {
    const { state } = run([create('r1', 'imminent')]);
    expect(state.requests['r1']?.handoff).toBe(true);
  });

  it('goes straight to professionals when no night-watcher is on duty', () => {
    const { state, effects } = run([join(responder('p1', 'professional')), create('r1', 'high')]);
    expect(state.requests['r1']).toMatchObject({ level: 'professional', handoff: false, levelSince: T0 });
    expect(effects).toEqual([
      { type: 'escalated', requestId: 'r1', from: 'night-watch', to: 'professional' },
      { type: 'offer', requestId: 'r1', responderIds: ['p1'] },
    ]);
  });

  it('tells the writer when a peer asked the night watch to check in', () => {
    const { state, effects } = run([join(responder('w1')), create('r1', 'high', T0, 'peer-ask')]);
    expect(state.requests['r1']?.origin).toBe('peer-ask');
    expect(effects).toContainEqual({ type: 'notify-member-asked', requestId: 'r1' });
  });

  it('does not notify anyone of a peer ask for a self request', () => {
    const { effects } = run([join(responder('w1')), create('r1', 'high')]);
    expect(effects.some((effect) => effect.type === 'notify-member-asked')).toBe(false);
  });

  it('refuses a duplicate id and leaves the state unchanged', () => {
    const { state } = run([join(responder('w1')), create('r1', 'high')]);
    const result = ladderReducer(state, create('r1', 'concern', T0 + 1));
    expect(result.ok).toBe(false);
    expect(result.state).toBe(state);
    expect(result.ok ? undefined : result.error).toEqual({ code: 'duplicate-request', requestId: 'r1' });
  });
});

describe('acknowledgement windows', () => {
  const cases: ReadonlyArray<readonly [RequestTier, number]> = [
    ['imminent', 2 * MINUTE_MS],
    ['high', 5 * MINUTE_MS],
    ['concern', 30 * MINUTE_MS],
  ];
  for (const [tier, window] of cases) {
    describe(`${tier} (${window / MINUTE_MS} min)`, () => {
      const base = () => run([join(responder('w1')), join(responder('p1', 'professional')), create('r1', tier)]).state;

      it('stays with the night watch one millisecond before the window ends', () => {
        const { state, effects } = run([tick(T0 + window - 1)], base());
        expect(state.requests['r1']?.level).toBe('night-watch');
        expect(effects).toEqual([]);
      });

      it('moves to professionals exactly when the window ends', () => {
        const { state, effects } = run([tick(T0 + window)], base());
        expect(state.requests['r1']).toMatchObject({ level: 'professional', levelSince: T0 + window, handoff: false });
        expect(effects).toEqual([
          { type: 'escalated', requestId: 'r1', from: 'night-watch', to: 'professional' },
          { type: 'offer', requestId: 'r1', responderIds: ['p1'] },
        ]);
      });

      it('has moved to professionals one millisecond after', () => {
        const { state } = run([tick(T0 + window + 1)], base());
        expect(state.requests['r1']?.level).toBe('professional');
      });

      it('hands off to the hotline when the professional window runs out too', () => {
        const atProfessional = run([tick(T0 + window)], base()).state;
        const justBefore = run([tick(T0 + 2 * window - 1)], atProfessional);
        expect(justBefore.state.requests['r1']?.level).toBe('professional');
        const atEnd = run([tick(T0 + 2 * window)], atProfessional);
        expect(atEnd.state.requests['r1']).toMatchObject({ level: 'hotline', handoff: true, status: 'waiting' });
        expect(atEnd.effects).toEqual([
          { type: 'escalated', requestId: 'r1', from: 'professional', to: 'hotline' },
          { type: 'show-handoff', requestId: 'r1' },
        ]);
      });

      it('catches up several rungs on a late tick, dating each move at its deadline', () => {
        const { state, effects } = run([tick(T0 + 2 * window + 1)], base());
        expect(state.requests['r1']).toMatchObject({ level: 'hotline', handoff: true, levelSince: T0 + 2 * window });
        expect(effects).toContainEqual({ type: 'escalated', requestId: 'r1', from: 'night-watch', to: 'hotline' });
      });

      it('still lets the night-watcher accept exactly at the deadline (escalation widens, never takes away)', () => {
        const { state, effects } = run([accept('r1', 'w1', T0 + window)], base());
        expect(state.requests['r1']).toMatchObject({ status: 'accepted', responderId: 'w1', level: 'professional' });
        expect(effects).toContainEqual({ type: 'accepted', requestId: 'r1', responderId: 'w1' });
      });
    });
  }

  it('does not move an accepted request', () => {
    const accepted = run([join(responder('w1')), create('r1', 'imminent'), accept('r1', 'w1', T0 + 1000)]).state;
    const { state, effects } = run([tick(T0 + 10 * HOUR_MS)], accepted);
    expect(state.requests['r1']).toMatchObject({ status: 'accepted', level: 'night-watch', handoff: false });
    expect(effects).toEqual([]);
  });

  it('follows steward-tuned windows', () => {
    const config = { ...DEFAULT_LADDER_CONFIG, ackTimeoutMs: { imminent: MINUTE_MS, high: 3 * MINUTE_MS, concern: 10 * MINUTE_MS } };
    let state = run([join(responder('w1')), join(responder('p1', 'professional')), create('r1', 'imminent')]).state;
    const before = ladderReducer(state, tick(T0 + MINUTE_MS - 1), config);
    expect(before.state.requests['r1']?.level).toBe('night-watch');
    state = before.state;
    const at = ladderReducer(state, tick(T0 + MINUTE_MS), config);
    expect(at.state.requests['r1']?.level).toBe('professional');
  });
});

describe('hand-off when staffing disappears', () => {
  it('hands off at once when the only night-watcher ends their shift and no one else is on', () => {
    const waiting = run([join(responder('w1')), create('r1', 'concern')]).state;
    const { state, effects } = run([{ type: 'shift-ended', at: T0 + MINUTE_MS, responderId: 'w1' }], waiting);
    expect(state.requests['r1']).toMatchObject({ level: 'hotline', handoff: true, levelSince: T0 + MINUTE_MS });
    expect(effects).toContainEqual({ type: 'show-handoff', requestId: 'r1' });
  });

  it('hands off when a scheduled shift ends and the next tick sees nobody', () => {
    const short = [{ startsAt: T0 - HOUR_MS, endsAt: T0 + MINUTE_MS }];
    const waiting = run([join(responder('w1', 'night-watcher', { shifts: short })), create('r1', 'concern')]).state;
    expect(run([tick(T0 + MINUTE_MS - 1)], waiting).state.requests['r1']?.handoff).toBe(false);
    expect(run([tick(T0 + MINUTE_MS)], waiting).state.requests['r1']?.handoff).toBe(true);
  });

  it('hands off at once when every able night-watcher declined and nobody is above', () => {
    const waiting = run([join(responder('w1')), create('r1', 'high')]).state;
    const { state } = run([{ type: 'responder-declined', at: T0 + 1, requestId: 'r1', responderId: 'w1' }], waiting);
    expect(state.requests['r1']).toMatchObject({ level: 'hotline', handoff: true, declinedBy: ['w1'] });
  });

  it('keeps the request open after the hand-off: a responder who comes on duty gets it and can accept', () => {
    const handedOff = run([join(responder('w1', 'night-watcher', { shifts: [] })), create('r1', 'imminent')]).state;
    expect(handedOff.requests['r1']?.handoff).toBe(true);
    const started = run([{ type: 'shift-started', at: T0 + MINUTE_MS, responderId: 'w1', endsAt: T0 + 3 * HOUR_MS }], handedOff);
    expect(started.effects).toEqual([{ type: 'offer', requestId: 'r1', responderIds: ['w1'] }]);
    const { state } = run([accept('r1', 'w1', T0 + 2 * MINUTE_MS)], started.state);
    expect(state.requests['r1']).toMatchObject({ status: 'accepted', responderId: 'w1', handoff: true, level: 'hotline' });
  });

  it('shows the hand-off only once', () => {
    const handedOff = run([create('r1', 'imminent')]);
    const later = run([tick(T0 + HOUR_MS)], handedOff.state);
    expect(handedOff.effects.filter((effect) => effect.type === 'show-handoff')).toHaveLength(1);
    expect(later.effects).toEqual([]);
  });
});

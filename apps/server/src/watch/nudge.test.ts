import { describe, expect, it } from 'vitest';
import { DEFAULT_LADDER_CONFIG, emptyLadderState, ladderReducer, type LadderEvent, type LadderState } from '@lamplight/domain';
import { nudgeTargets } from './nudge.js';

const T = Date.UTC(2026, 10, 21, 22);
const HOUR = 3_600_000;

function step(state: LadderState, event: LadderEvent): LadderState {
  const r = ladderReducer(state, event, DEFAULT_LADDER_CONFIG);
  if (!r.ok) throw new Error(r.error.code);
  return r.state;
}

/** Two night-watchers on shift, one off shift, and one member's request. */
function setUp(): LadderState {
  let s = emptyLadderState(T);
  for (const [id, on] of [['on1', true], ['on2', true], ['off', false]] as const) {
    const shifts = on ? [{ startsAt: T - HOUR, endsAt: T + HOUR }] : [{ startsAt: T + 2 * HOUR, endsAt: T + 3 * HOUR }];
    s = step(s, { type: 'responder-upserted', at: T, responder: { id, role: 'night-watcher', verified: false, shifts } });
  }
  return s;
}

describe('nudgeTargets', () => {
  it('a new request nudges on-shift responders and its member, never an off-shift responder', () => {
    const before = setUp();
    const after = step(before, { type: 'request-created', at: T, requestId: 'r1', tier: 'high', origin: 'self' });
    const t = nudgeTargets(before, after, T, DEFAULT_LADDER_CONFIG);
    expect([...t.responders].sort()).toEqual(['on1', 'on2']);
    expect(t.requests).toEqual(['r1']);
  });

  it('an acceptance nudges the other on-shift responder (the request left their queue) and the member', () => {
    const before = step(setUp(), { type: 'request-created', at: T, requestId: 'r1', tier: 'high', origin: 'self' });
    const after = step(before, { type: 'responder-accepted', at: T + 1, requestId: 'r1', responderId: 'on1' });
    const t = nudgeTargets(before, after, T + 1, DEFAULT_LADDER_CONFIG);
    expect([...t.responders].sort()).toEqual(['on1', 'on2']);
    expect(t.requests).toEqual(['r1']);
  });

  it('an event that changes nothing anyone sees nudges nobody; other requests are not named', () => {
    const withTwo = step(step(setUp(), { type: 'request-created', at: T, requestId: 'r1', tier: 'high', origin: 'self' }), {
      type: 'request-created',
      at: T,
      requestId: 'r2',
      tier: 'concern',
      origin: 'self',
    });
    expect(nudgeTargets(withTwo, withTwo, T, DEFAULT_LADDER_CONFIG)).toEqual({ responders: [], requests: [] });
    const after = step(withTwo, { type: 'request-cancelled', at: T + 1, requestId: 'r2' });
    expect(nudgeTargets(withTwo, after, T + 1, DEFAULT_LADDER_CONFIG).requests).toEqual(['r2']);
  });

  it('a responder whose shift has ended still hears when the member closes the request they hold', () => {
    const accepted = step(step(setUp(), { type: 'request-created', at: T, requestId: 'r1', tier: 'high', origin: 'self' }), {
      type: 'responder-accepted',
      at: T + 1,
      requestId: 'r1',
      responderId: 'on1',
    });
    const later = T + 2 * HOUR;
    const closed = step(accepted, { type: 'request-closed', at: later, requestId: 'r1', by: { kind: 'member' } });
    expect(nudgeTargets(accepted, closed, later, DEFAULT_LADDER_CONFIG).responders).toEqual(['on1']);
  });
});

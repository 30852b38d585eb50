import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../time/units.js';
import { hasReached } from './availability.js';
import { DEFAULT_LADDER_CONFIG } from './config.js';
import { queueFor } from './queue.js';
import { emptyLadderState, ladderReducer } from './reducer.js';
import type { LadderEffect, LadderEvent, LadderState, Responder, ResponderProfile } from './types.js';

const T0 = Date.UTC(2026, 10, 21, 15, 0, 0);
const config = DEFAULT_LADDER_CONFIG;
const RESPONDERS = ['w1', 'w2', 'w3', 'p1', 'p2'] as const;
const REQUESTS = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'] as const;
const CAPS: Readonly<Record<(typeof RESPONDERS)[number], number>> = { w1: 1, w2: 2, w3: 2, p1: 1, p2: 3 };

const responderId = fc.constantFrom(...RESPONDERS);
const requestId = fc.constantFrom(...REQUESTS);
const offset = fc.integer({ min: -30 * MINUTE_MS, max: 3 * 60 * MINUTE_MS });
const shiftArb = fc
  .tuple(offset, fc.integer({ min: 1, max: 90 * MINUTE_MS }))
  .map(([start, length]) => ({ startsAt: T0 + start, endsAt: T0 + start + length }));

function closeEvent(at: number, requestId: string, responderId: string | undefined, checkIn: boolean | undefined): LadderEvent {
  const by = responderId === undefined ? ({ kind: 'member' } as const) : ({ kind: 'responder', responderId } as const);
  return checkIn === undefined
    ? { type: 'request-closed', at, requestId, by }
    : { type: 'request-closed', at, requestId, by, checkInTomorrow: checkIn };
}

/** An event without its time; times are assigned in order so that they never go backwards. */
type Step = (at: number) => LadderEvent;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.constant((at: number): LadderEvent => ({ type: 'tick', at })),
  fc
    .tuple(responderId, fc.array(shiftArb, { maxLength: 3 }), fc.boolean())
    .map(([id, shifts, verified]): Step => (at) => {
      const profile: ResponderProfile = {
        id,
        role: id.startsWith('w') ? 'night-watcher' : 'professional',
        verified,
        caseloadCap: CAPS[id],
        shifts,
      };
      return { type: 'responder-upserted', at, responder: profile };
    }),
  {
    weight: 3,
    arbitrary: fc
      .tuple(requestId, fc.constantFrom('concern', 'high', 'imminent' as const), fc.constantFrom('self', 'peer-ask' as const))
      .map(([id, tier, origin]): Step => (at) => ({ type: 'request-created', at, requestId: id, tier, origin })),
  },
  {
    weight: 6,
    arbitrary: fc
      .tuple(requestId, responderId)
      .map(([r, w]): Step => (at) => ({ type: 'responder-accepted', at, requestId: r, responderId: w })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(requestId, fc.option(responderId, { nil: undefined }), fc.option(fc.boolean(), { nil: undefined }))
      .map(([r, w, checkIn]): Step => (at) => closeEvent(at, r, w, checkIn)),
  },
  fc.tuple(requestId, responderId).map(([r, w]): Step => (at) => ({ type: 'responder-declined', at, requestId: r, responderId: w })),
  fc.tuple(requestId, responderId).map(([r, w]): Step => (at) => ({ type: 'responder-released', at, requestId: r, responderId: w })),
  requestId.map((r): Step => (at) => ({ type: 'request-cancelled', at, requestId: r })),
  fc
    .tuple(requestId, fc.constantFrom('high', 'imminent' as const))
    .map(([r, tier]): Step => (at) => ({ type: 'request-tier-raised', at, requestId: r, tier })),
  fc
    .tuple(responderId, fc.integer({ min: 1, max: 120 * MINUTE_MS }))
    .map(([w, length]): Step => (at) => ({ type: 'shift-started', at, responderId: w, endsAt: at + length })),
  responderId.map((w): Step => (at) => ({ type: 'shift-ended', at, responderId: w })),
);

const scriptArb = fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 3 * MINUTE_MS }), fc.integer({ min: 0, max: 30 * MINUTE_MS })), stepArb), { minLength: 20, maxLength: 80 });

// Oracles written independently of the code under test, so that a bug there cannot hide here.
const held = (state: LadderState, id: string): number =>
  Object.values(state.requests).filter((request) => request.status === 'accepted' && request.responderId === id).length;
const onShiftAt = (responder: Responder, now: number): boolean =>
  responder.shifts.some((shift) => shift.startsAt <= now && now < shift.endsAt);
const ableAt = (state: LadderState, responder: Responder, now: number): boolean =>
  onShiftAt(responder, now) &&
  (responder.role === 'night-watcher' || responder.verified) &&
  (responder.coolDownUntil === undefined || now >= responder.coolDownUntil) &&
  held(state, responder.id) < (responder.caseloadCap ?? config.defaultCaseloadCap);

/** Checks the ladder's promises on a state reached at `state.at`. */
function checkInvariants(state: LadderState): void {
  const now = state.at;
  for (const responder of Object.values(state.responders)) {
    expect(held(state, responder.id)).toBeLessThanOrEqual(responder.caseloadCap ?? config.defaultCaseloadCap);
    if (!ableAt(state, responder, now)) expect(queueFor(responder.id, state, now, config)).toEqual([]);
  }
  for (const request of Object.values(state.requests)) {
    if (request.status !== 'waiting') continue;
    const anyoneAble = Object.values(state.responders).some(
      (responder) => !request.declinedBy.includes(responder.id) && ableAt(state, responder, now),
    );
    if (!anyoneAble) {
      expect(request.handoff).toBe(true);
      expect(request.level).toBe('hotline');
    }
    if (request.level === 'hotline') expect(request.handoff).toBe(true);
  }
}

/** Every offer went to someone able to take the request, on the state the offer was computed on. */
function checkOffers(effects: readonly LadderEffect[], state: LadderState): void {
  for (const effect of effects) {
    if (effect.type !== 'offer') continue;
    const request = state.requests[effect.requestId];
    expect(request?.status).toBe('waiting');
    for (const id of effect.responderIds) {
      const responder = state.responders[id];
      expect(responder).toBeDefined();
      if (responder === undefined || request === undefined) continue;
      expect(ableAt(state, responder, state.at)).toBe(true);
      expect(hasReached(request, responder.role)).toBe(true);
    }
  }
}

/** Everyone joins on a shift around T0, so that the script exercises acceptance and caps, not only refusals. */
function startingLadder(): LadderState {
  let state = emptyLadderState(T0 - 60 * MINUTE_MS);
  for (const id of RESPONDERS) {
    const responder: ResponderProfile = {
      id,
      role: id.startsWith('w') ? 'night-watcher' : 'professional',
      verified: true,
      caseloadCap: CAPS[id],
      shifts: [{ startsAt: T0 - 60 * MINUTE_MS, endsAt: T0 + (id === 'w1' ? 30 : 120) * MINUTE_MS }],
    };
    const result = ladderReducer(state, { type: 'responder-upserted', at: state.at, responder }, config);
    state = result.state;
  }
  return state;
}

describe('ladder properties', () => {
  it('never reaches a responder beyond their cap or off shift, and never leaves a waiting member without the hand-off', () => {
    let acceptedTotal = 0;
    fc.assert(
      fc.property(scriptArb, (script) => {
        let state = startingLadder();
        let at = T0 - 60 * MINUTE_MS;
        let accepted = 0;
        for (const [gap, step] of script) {
          at += gap;
          // Letting time catch up first means every effect of the event itself is computed on the state it returns.
          const ticked = ladderReducer(state, { type: 'tick', at }, config);
          expect(ticked.ok).toBe(true);
          state = ticked.state;
          checkInvariants(state);
          const event = step(at);
          const result = ladderReducer(state, event, config);
          if (!result.ok) {
            expect(result.state).toBe(state);
            expect(result.effects).toEqual([]);
            continue;
          }
          const next = result.state;
          checkOffers(ticked.effects, ticked.state);
          checkOffers(result.effects, next);
          if (event.type === 'responder-accepted') {
            const responder = state.responders[event.responderId];
            expect(responder).toBeDefined();
            if (responder !== undefined) expect(ableAt(state, responder, at)).toBe(true);
            accepted += 1;
          }
          state = next;
          checkInvariants(state);
        }
        acceptedTotal += accepted;
      }),
      { numRuns: 150 },
    );
    // Guards against a generator that only ever produces refused events.
    expect(acceptedTotal).toBeGreaterThan(50);
  });
});

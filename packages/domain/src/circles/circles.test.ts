import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/units.js';
import type { CircleParticipant } from './roles.js';
import { canAddMember, canChangeRole, canLeave, canRemoveMember } from './roles.js';
import {
  DEFAULT_TIMER_MS,
  MAX_TIMER_MS,
  TIMER_CHOICES_MS,
  defaultTimerFor,
  expiresAt,
  expiryCutoff,
  isExpired,
  timerChoicesFor,
  validateCommunityMax,
  validateTimer,
} from './timer.js';
import { MESSAGE_TIMESTAMP_GRANULARITY_MS, coarsenTimestamp, toDayPrecision, toUtcDateString } from './timestamps.js';

const T0 = Date.UTC(2026, 10, 21, 15, 37, 12, 345);

describe('disappearing timer', () => {
  it('offers 1 h, 6 h, 1, 3, 7, 14 and 30 days, defaulting to 7 days, never above 30', () => {
    expect(TIMER_CHOICES_MS).toEqual([HOUR_MS, 6 * HOUR_MS, DAY_MS, 3 * DAY_MS, 7 * DAY_MS, 14 * DAY_MS, 30 * DAY_MS]);
    expect(DEFAULT_TIMER_MS).toBe(7 * DAY_MS);
    expect(MAX_TIMER_MS).toBe(30 * DAY_MS);
  });

  it('accepts a listed timer within the community maximum', () => {
    expect(validateTimer(7 * DAY_MS)).toEqual({ ok: true, timerMs: 7 * DAY_MS });
    expect(validateTimer(14 * DAY_MS, 14 * DAY_MS)).toEqual({ ok: true, timerMs: 14 * DAY_MS });
  });

  it('refuses a timer above the community maximum', () => {
    expect(validateTimer(30 * DAY_MS, 14 * DAY_MS)).toEqual({ ok: false, error: 'above-community-max' });
  });

  it('refuses anything not on the list, including more than 30 days', () => {
    expect(validateTimer(2 * HOUR_MS)).toEqual({ ok: false, error: 'not-a-choice' });
    expect(validateTimer(31 * DAY_MS, 365 * DAY_MS)).toEqual({ ok: false, error: 'not-a-choice' });
    expect(validateTimer(0)).toEqual({ ok: false, error: 'not-a-choice' });
  });

  it('caps a steward maximum at 30 days', () => {
    expect(validateCommunityMax(30 * DAY_MS).ok).toBe(true);
    expect(validateCommunityMax(60 * DAY_MS)).toEqual({ ok: false, error: 'not-a-choice' });
    expect(timerChoicesFor(60 * DAY_MS)).toEqual(TIMER_CHOICES_MS);
  });

  it('lists and defaults within a shorter community maximum', () => {
    expect(timerChoicesFor(DAY_MS)).toEqual([HOUR_MS, 6 * HOUR_MS, DAY_MS]);
    expect(defaultTimerFor(DAY_MS)).toBe(DAY_MS);
    expect(defaultTimerFor()).toBe(7 * DAY_MS);
  });

  it('expires a message exactly at storedAt + timer', () => {
    const expiry = expiresAt(T0, DEFAULT_TIMER_MS);
    expect(expiry).toBe(T0 + 7 * DAY_MS);
    expect(isExpired(expiry, expiry - 1)).toBe(false);
    expect(isExpired(expiry, expiry)).toBe(true);
    expect(isExpired(expiry, expiry + 1)).toBe(true);
  });

  it('puts the cutoff so that storedAt <= cutoff agrees with isExpired', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 42 }), fc.constantFrom(...TIMER_CHOICES_MS), fc.integer({ min: 0, max: 2 ** 42 }), (storedAt, timer, now) => {
        expect(storedAt <= expiryCutoff(now, timer)).toBe(isExpired(expiresAt(storedAt, timer), now));
      }),
    );
  });
});

describe('coarse timestamps', () => {
  it('rounds message times down to 10 minutes', () => {
    expect(MESSAGE_TIMESTAMP_GRANULARITY_MS).toBe(10 * MINUTE_MS);
    expect(coarsenTimestamp(T0)).toBe(Date.UTC(2026, 10, 21, 15, 30));
    expect(coarsenTimestamp(Date.UTC(2026, 10, 21, 15, 40))).toBe(Date.UTC(2026, 10, 21, 15, 40));
    expect(coarsenTimestamp(Date.UTC(2026, 10, 21, 15, 40) - 1)).toBe(Date.UTC(2026, 10, 21, 15, 30));
  });

  it('rounds to any granularity', () => {
    expect(coarsenTimestamp(T0, MINUTE_MS)).toBe(Date.UTC(2026, 10, 21, 15, 37));
  });

  it('is never in the future and never more than one granule in the past', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 42), max: 2 ** 42 }), fc.integer({ min: 1, max: DAY_MS }), (ms, granule) => {
        const coarse = coarsenTimestamp(ms, granule);
        expect(coarse).toBeLessThanOrEqual(ms);
        expect(ms - coarse).toBeLessThan(granule);
        expect(coarse % granule === 0).toBe(true);
      }),
    );
  });

  it('refuses a granularity that is not a positive whole number', () => {
    expect(() => coarsenTimestamp(T0, 0)).toThrow(RangeError);
    expect(() => coarsenTimestamp(T0, 1.5)).toThrow(RangeError);
  });

  it('keeps only the UTC day for day precision', () => {
    expect(toDayPrecision(T0)).toBe(Date.UTC(2026, 10, 21));
    expect(toDayPrecision(Date.UTC(2026, 10, 22) - 1)).toBe(Date.UTC(2026, 10, 21));
    expect(toUtcDateString(T0)).toBe('2026-11-21');
  });
});

describe('circle roles', () => {
  const circle: readonly CircleParticipant[] = [
    { id: 'mod', role: 'moderator' },
    { id: 'mod2', role: 'moderator' },
    { id: 'a', role: 'member' },
    { id: 'b', role: 'member' },
  ];

  it('lets only moderators add, and not someone already in', () => {
    expect(canAddMember(circle, 'mod', 'new')).toEqual({ ok: true });
    expect(canAddMember(circle, 'a', 'new')).toEqual({ ok: false, error: 'not-a-moderator' });
    expect(canAddMember(circle, 'mod', 'b')).toEqual({ ok: false, error: 'already-in-circle' });
    expect(canAddMember(circle, 'stranger', 'new')).toEqual({ ok: false, error: 'not-in-circle' });
  });

  it('lets a moderator remove a member but nobody remove a moderator', () => {
    expect(canRemoveMember(circle, 'mod', 'a')).toEqual({ ok: true });
    expect(canRemoveMember(circle, 'a', 'b')).toEqual({ ok: false, error: 'not-a-moderator' });
    expect(canRemoveMember(circle, 'mod', 'mod2')).toEqual({ ok: false, error: 'target-is-moderator' });
    expect(canRemoveMember(circle, 'mod', 'mod')).toEqual({ ok: false, error: 'use-leave' });
    expect(canRemoveMember(circle, 'mod', 'ghost')).toEqual({ ok: false, error: 'not-in-circle' });
  });

  it('lets anyone leave except the last moderator while others remain', () => {
    expect(canLeave(circle, 'a')).toEqual({ ok: true });
    expect(canLeave(circle, 'mod')).toEqual({ ok: true });
    const oneMod: readonly CircleParticipant[] = [{ id: 'mod', role: 'moderator' }, { id: 'a', role: 'member' }];
    expect(canLeave(oneMod, 'mod')).toEqual({ ok: false, error: 'last-moderator' });
    expect(canLeave([{ id: 'mod', role: 'moderator' }], 'mod')).toEqual({ ok: true });
    expect(canLeave(oneMod, 'ghost')).toEqual({ ok: false, error: 'not-in-circle' });
  });

  it('lets moderators promote and step down, never demote another moderator', () => {
    expect(canChangeRole(circle, 'mod', 'a', 'moderator')).toEqual({ ok: true });
    expect(canChangeRole(circle, 'a', 'b', 'moderator')).toEqual({ ok: false, error: 'not-a-moderator' });
    expect(canChangeRole(circle, 'mod', 'mod2', 'member')).toEqual({ ok: false, error: 'target-is-moderator' });
    expect(canChangeRole(circle, 'mod', 'mod', 'member')).toEqual({ ok: true });
    expect(canChangeRole(circle, 'mod', 'mod', 'moderator')).toEqual({ ok: false, error: 'no-change' });
    const oneMod: readonly CircleParticipant[] = [{ id: 'mod', role: 'moderator' }, { id: 'a', role: 'member' }];
    expect(canChangeRole(oneMod, 'mod', 'mod', 'member')).toEqual({ ok: false, error: 'last-moderator' });
  });
});

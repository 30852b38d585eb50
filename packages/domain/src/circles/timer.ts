import { DAY_MS, HOUR_MS } from '../time/units.js';

/** The disappearing-message timers a circle may choose from, shortest first. */
export const TIMER_CHOICES_MS: readonly number[] = Object.freeze([
  HOUR_MS,
  6 * HOUR_MS,
  DAY_MS,
  3 * DAY_MS,
  7 * DAY_MS,
  14 * DAY_MS,
  30 * DAY_MS,
]);

/** A new circle's disappearing timer: 7 days (DESIGN.md §5). */
export const DEFAULT_TIMER_MS = 7 * DAY_MS;

/** The longest any circle may keep messages: 30 days. No steward setting can exceed it. */
export const MAX_TIMER_MS = 30 * DAY_MS;

/** Why a disappearing timer was refused. */
export type TimerError = 'not-a-choice' | 'above-community-max';

/** The outcome of checking a timer. */
export type TimerCheck = Readonly<{ ok: true; timerMs: number } | { ok: false; error: TimerError }>;

const isChoice = (ms: number): boolean => TIMER_CHOICES_MS.includes(ms);

/**
 * Checks a community-wide maximum set by a steward: it must be one of {@link TIMER_CHOICES_MS}
 * (so at most 30 days).
 */
export function validateCommunityMax(communityMaxMs: number): TimerCheck {
  return isChoice(communityMaxMs) ? { ok: true, timerMs: communityMaxMs } : { ok: false, error: 'not-a-choice' };
}

/**
 * Checks a circle's disappearing timer: one of {@link TIMER_CHOICES_MS} and no longer than the
 * community maximum (which is itself capped at {@link MAX_TIMER_MS}).
 *
 * @param ms the timer a moderator chose
 * @param communityMaxMs the steward-set maximum; defaults to 30 days
 */
export function validateTimer(ms: number, communityMaxMs: number = MAX_TIMER_MS): TimerCheck {
  if (!isChoice(ms)) return { ok: false, error: 'not-a-choice' };
  if (ms > Math.min(communityMaxMs, MAX_TIMER_MS)) return { ok: false, error: 'above-community-max' };
  return { ok: true, timerMs: ms };
}

/** The timers a moderator may pick under a community maximum, shortest first. */
export function timerChoicesFor(communityMaxMs: number = MAX_TIMER_MS): readonly number[] {
  return TIMER_CHOICES_MS.filter((ms) => ms <= Math.min(communityMaxMs, MAX_TIMER_MS));
}

/**
 * The timer a new circle starts with: 7 days, or the longest allowed choice if the community
 * maximum is shorter.
 */
export function defaultTimerFor(communityMaxMs: number = MAX_TIMER_MS): number {
  const allowed = timerChoicesFor(communityMaxMs);
  return allowed.includes(DEFAULT_TIMER_MS) ? DEFAULT_TIMER_MS : (allowed.at(-1) ?? TIMER_CHOICES_MS[0] ?? HOUR_MS);
}

/**
 * When a message disappears. The server stores only a coarse (rounded-down) timestamp, so a
 * message may disappear up to one granule early, never late.
 */
export function expiresAt(storedAtMs: number, timerMs: number): number {
  return storedAtMs + timerMs;
}

/** True from the expiry time on: a message expiring at `t` is gone at `t`. */
export function isExpired(expiresAtMs: number, now: number): boolean {
  return now >= expiresAtMs;
}

/**
 * The newest stored time that has expired under a timer at `now`: delete every message with
 * `storedAt <= expiryCutoff(now, timerMs)`. Applying the circle's current timer also shortens
 * the life of older messages when a moderator shortens the timer.
 */
export function expiryCutoff(now: number, timerMs: number): number {
  return now - timerMs;
}

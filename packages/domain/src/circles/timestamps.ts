import { DAY_MS, MINUTE_MS } from '../time/units.js';

/**
 * How coarse the server-side timestamp of a circle message is: 10 minutes.
 *
 * The server needs a time only for ordering help and expiry (the per-circle sequence number does
 * the real ordering). A 10-minute granule makes a seized database much weaker evidence of who was
 * awake and writing at a given minute. The exact send time, for display, travels inside the
 * end-to-end encrypted message.
 */
export const MESSAGE_TIMESTAMP_GRANULARITY_MS = 10 * MINUTE_MS;

/**
 * Rounds a time down to a multiple of `granularityMs` since the epoch. Rounding down means a
 * coarse time is never in the future and an expiry computed from it is never late.
 *
 * @throws RangeError if the granularity is not a positive whole number of milliseconds
 */
export function coarsenTimestamp(ms: number, granularityMs: number = MESSAGE_TIMESTAMP_GRANULARITY_MS): number {
  if (!Number.isInteger(granularityMs) || granularityMs <= 0) {
    throw new RangeError('granularity must be a positive whole number of milliseconds');
  }
  return Math.floor(ms / granularityMs) * granularityMs;
}

/** The start of the UTC day containing `ms`, e.g. for an account's created date. */
export function toDayPrecision(ms: number): number {
  return coarsenTimestamp(ms, DAY_MS);
}

/** The UTC calendar date of `ms` as `YYYY-MM-DD`. */
export function toUtcDateString(ms: number): string {
  return new Date(toDayPrecision(ms)).toISOString().slice(0, 10);
}

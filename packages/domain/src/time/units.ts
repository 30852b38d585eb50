/** Time units in milliseconds, so that durations read as words rather than magic numbers. */

/** One second in milliseconds. */
export const SECOND_MS = 1_000;
/** One minute in milliseconds. */
export const MINUTE_MS = 60 * SECOND_MS;
/** One hour in milliseconds. */
export const HOUR_MS = 60 * MINUTE_MS;
/** One day (24 hours) in milliseconds. Lamplight counts days in UTC and ignores leap seconds. */
export const DAY_MS = 24 * HOUR_MS;
/** One week (7 days) in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;

/**
 * The source of the current time. Domain code never reads the system clock; callers
 * pass either a plain number (milliseconds since the Unix epoch) or a `Clock`.
 */
export type Clock = Readonly<{
  /** Milliseconds since the Unix epoch. */
  now(): number;
}>;

import { DAY_MS } from '../time/units.js';

/**
 * Fixed retention periods from the data inventory (DESIGN.md §5), measured from the record's
 * reference time: an escalation ticket from when it ended (open tickets are never purged), a
 * shift from its end, a caseload record from when it was written.
 */
export const RETENTION_PERIOD_MS = Object.freeze({
  'escalation-ticket': 30 * DAY_MS,
  shift: 90 * DAY_MS,
  caseload: 90 * DAY_MS,
} as const);

/** Records kept for a fixed period. */
export type FixedRetentionKind = keyof typeof RETENTION_PERIOD_MS;

/**
 * Every kind of record with a retention rule. Circle messages live for their circle's disappearing
 * timer (from the stored coarse time); the invitation→inviter link lives for the invitee's
 * probation (from admission).
 */
export type RetentionKind = FixedRetentionKind | 'circle-message' | 'invitation-inviter-link';

/** The periods that depend on community or circle settings. */
export type RetentionSettings = Readonly<{
  /** The circle's disappearing timer, for `circle-message`. */
  circleTimerMs: number;
  /** The community's probation, for `invitation-inviter-link`. */
  probationMs: number;
}>;

/** How long a kind of record is kept. */
export function retentionPeriod(kind: RetentionKind, settings?: RetentionSettings): number {
  switch (kind) {
    case 'circle-message':
      return requireSettings(kind, settings).circleTimerMs;
    case 'invitation-inviter-link':
      return requireSettings(kind, settings).probationMs;
    default:
      return RETENTION_PERIOD_MS[kind];
  }
}

function requireSettings(kind: RetentionKind, settings: RetentionSettings | undefined): RetentionSettings {
  if (settings === undefined) throw new TypeError(`retention of ${kind} depends on settings`);
  return settings;
}

/**
 * The newest reference time that is past retention at `now`: purge every record of this kind with
 * `referenceTime <= retentionCutoff(kind, now)`. A record is thus gone from exactly
 * `referenceTime + period` on.
 *
 * @param settings required for `circle-message` and `invitation-inviter-link`
 */
export function retentionCutoff(kind: FixedRetentionKind, now: number): number;
export function retentionCutoff(kind: RetentionKind, now: number, settings: RetentionSettings): number;
export function retentionCutoff(kind: RetentionKind, now: number, settings?: RetentionSettings): number {
  return now - retentionPeriod(kind, settings);
}

/** True if a record with this reference time must be gone at `now`. */
export function isPastRetention(kind: RetentionKind, referenceTime: number, now: number, settings?: RetentionSettings): boolean {
  return referenceTime <= now - retentionPeriod(kind, settings);
}

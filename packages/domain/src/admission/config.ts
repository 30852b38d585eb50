import { DAY_MS, HOUR_MS } from '../time/units.js';

/** A person's role in the community (one server hosts one community). */
export type CommunityRole = 'member' | 'steward';

/** Steward-tunable admission settings. */
export type AdmissionConfig = Readonly<{
  /** How long an ordinary invitation stays valid: 72 hours by default. */
  invitationTtlMs: number;
  /** How long an invitation that makes the invitee a steward stays valid: 24 hours by default. */
  stewardInvitationTtlMs: number;
  /** Invitations a member may create in any rolling 7 days: 5 by default. */
  weeklyInvitationQuota: number;
  /** How long a new member is on probation: 14 days by default. */
  probationMs: number;
}>;

/** The admission settings a new community starts with. */
export const DEFAULT_ADMISSION_CONFIG: AdmissionConfig = Object.freeze({
  invitationTtlMs: 72 * HOUR_MS,
  stewardInvitationTtlMs: 24 * HOUR_MS,
  weeklyInvitationQuota: 5,
  probationMs: 14 * DAY_MS,
});

/** Bounds a steward may tune admission within. */
export const ADMISSION_CONFIG_LIMITS = Object.freeze({
  minTtlMs: HOUR_MS,
  maxTtlMs: 7 * DAY_MS,
  minWeeklyQuota: 0,
  maxWeeklyQuota: 50,
  minProbationMs: 0,
  maxProbationMs: 90 * DAY_MS,
});

/** A field of {@link AdmissionConfig} that was refused, and why. */
export type AdmissionConfigError = Readonly<{
  field: keyof AdmissionConfig;
  problem: 'out-of-range' | 'not-an-integer';
}>;

/**
 * Builds admission settings from a steward's overrides, checking each value against
 * {@link ADMISSION_CONFIG_LIMITS}.
 */
export function makeAdmissionConfig(
  overrides: Partial<AdmissionConfig> = {},
): Readonly<{ ok: true; config: AdmissionConfig } | { ok: false; errors: readonly AdmissionConfigError[] }> {
  const config: AdmissionConfig = { ...DEFAULT_ADMISSION_CONFIG, ...overrides };
  const limits = ADMISSION_CONFIG_LIMITS;
  const bounds: ReadonlyArray<readonly [keyof AdmissionConfig, number, number]> = [
    ['invitationTtlMs', limits.minTtlMs, limits.maxTtlMs],
    ['stewardInvitationTtlMs', limits.minTtlMs, limits.maxTtlMs],
    ['weeklyInvitationQuota', limits.minWeeklyQuota, limits.maxWeeklyQuota],
    ['probationMs', limits.minProbationMs, limits.maxProbationMs],
  ];
  const errors: AdmissionConfigError[] = [];
  for (const [field, min, max] of bounds) {
    const value = config[field];
    if (!Number.isInteger(value)) errors.push({ field, problem: 'not-an-integer' });
    else if (value < min || value > max) errors.push({ field, problem: 'out-of-range' });
  }
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors };
}

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/units.js';
import type { LadderConfig, RequestTier } from './types.js';

/** Default acknowledgement windows per tier: imminent 2 min, high 5 min, concern 30 min (DESIGN.md §7). */
export const DEFAULT_ACK_TIMEOUT_MS: Readonly<Record<RequestTier, number>> = Object.freeze({
  imminent: 2 * MINUTE_MS,
  high: 5 * MINUTE_MS,
  concern: 30 * MINUTE_MS,
});

/** Default caseload cap: two open requests per responder at once. */
export const DEFAULT_CASELOAD_CAP = 2;

/** Default cool-down after closing an `imminent` request: 20 minutes. */
export const DEFAULT_COOL_DOWN_MS = 20 * MINUTE_MS;

/** Delay from closing a request to the member's check-in reminder: 24 hours. */
export const DEFAULT_CHECK_IN_DELAY_MS = DAY_MS;

/** The ladder settings a new community starts with. */
export const DEFAULT_LADDER_CONFIG: LadderConfig = Object.freeze({
  ackTimeoutMs: DEFAULT_ACK_TIMEOUT_MS,
  defaultCaseloadCap: DEFAULT_CASELOAD_CAP,
  coolDownMs: DEFAULT_COOL_DOWN_MS,
  checkInDelayMs: DEFAULT_CHECK_IN_DELAY_MS,
});

/** Bounds a steward may tune the ladder within. */
export const LADDER_CONFIG_LIMITS = Object.freeze({
  /** No acknowledgement window shorter than 30 seconds (nobody can read and answer faster). */
  minAckTimeoutMs: 30_000,
  /** No acknowledgement window longer than 4 hours (a request must not sit forever). */
  maxAckTimeoutMs: 4 * HOUR_MS,
  minCaseloadCap: 1,
  maxCaseloadCap: 10,
  minCoolDownMs: 0,
  maxCoolDownMs: 24 * HOUR_MS,
  minCheckInDelayMs: HOUR_MS,
  maxCheckInDelayMs: 3 * DAY_MS,
});

/** Changes a steward asks for; anything left out keeps its default. */
export type LadderConfigOverrides = Readonly<{
  ackTimeoutMs?: Partial<Readonly<Record<RequestTier, number>>>;
  defaultCaseloadCap?: number;
  coolDownMs?: number;
  checkInDelayMs?: number;
}>;

/** Why a steward's ladder settings were refused. */
export type LadderConfigError = Readonly<{
  field: 'ackTimeoutMs.concern' | 'ackTimeoutMs.high' | 'ackTimeoutMs.imminent' | 'defaultCaseloadCap' | 'coolDownMs' | 'checkInDelayMs';
  problem: 'out-of-range' | 'not-an-integer' | 'tier-order';
}>;

const inRange = (value: number, min: number, max: number): boolean => value >= min && value <= max;

/**
 * Builds a ladder config from a steward's overrides, checking every value.
 *
 * Rules: all values are whole milliseconds (or a whole cap) within {@link LADDER_CONFIG_LIMITS},
 * and a more urgent tier never waits longer than a less urgent one (imminent ≤ high ≤ concern).
 *
 * @returns the config, or every problem found (so a settings form can show them all at once).
 */
export function makeLadderConfig(
  overrides: LadderConfigOverrides = {},
): Readonly<{ ok: true; config: LadderConfig } | { ok: false; errors: readonly LadderConfigError[] }> {
  const limits = LADDER_CONFIG_LIMITS;
  const ackTimeoutMs = { ...DEFAULT_ACK_TIMEOUT_MS, ...overrides.ackTimeoutMs };
  const config: LadderConfig = {
    ackTimeoutMs,
    defaultCaseloadCap: overrides.defaultCaseloadCap ?? DEFAULT_CASELOAD_CAP,
    coolDownMs: overrides.coolDownMs ?? DEFAULT_COOL_DOWN_MS,
    checkInDelayMs: overrides.checkInDelayMs ?? DEFAULT_CHECK_IN_DELAY_MS,
  };
  const errors: LadderConfigError[] = [];
  const check = (field: LadderConfigError['field'], value: number, min: number, max: number): void => {
    if (!Number.isInteger(value)) errors.push({ field, problem: 'not-an-integer' });
    else if (!inRange(value, min, max)) errors.push({ field, problem: 'out-of-range' });
  };
  for (const tier of ['imminent', 'high', 'concern'] as const) {
    check(`ackTimeoutMs.${tier}`, ackTimeoutMs[tier], limits.minAckTimeoutMs, limits.maxAckTimeoutMs);
  }
  if (ackTimeoutMs.imminent > ackTimeoutMs.high) errors.push({ field: 'ackTimeoutMs.imminent', problem: 'tier-order' });
  if (ackTimeoutMs.high > ackTimeoutMs.concern) errors.push({ field: 'ackTimeoutMs.high', problem: 'tier-order' });
  check('defaultCaseloadCap', config.defaultCaseloadCap, limits.minCaseloadCap, limits.maxCaseloadCap);
  check('coolDownMs', config.coolDownMs, limits.minCoolDownMs, limits.maxCoolDownMs);
  check('checkInDelayMs', config.checkInDelayMs, limits.minCheckInDelayMs, limits.maxCheckInDelayMs);
  return errors.length === 0 ? { ok: true, config } : { ok: false, errors };
}

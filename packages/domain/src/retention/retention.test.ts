import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/units.js';
import { RETENTION_PERIOD_MS, isPastRetention, retentionCutoff, retentionPeriod } from './retention.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0);
const settings = { circleTimerMs: 7 * DAY_MS, probationMs: 14 * DAY_MS };

describe('retention', () => {
  it('keeps escalation tickets 30 days and shifts and caseload 90 days', () => {
    expect(RETENTION_PERIOD_MS).toEqual({ 'escalation-ticket': 30 * DAY_MS, shift: 90 * DAY_MS, caseload: 90 * DAY_MS });
    expect(retentionCutoff('escalation-ticket', NOW)).toBe(NOW - 30 * DAY_MS);
    expect(retentionCutoff('shift', NOW)).toBe(NOW - 90 * DAY_MS);
    expect(retentionCutoff('caseload', NOW)).toBe(NOW - 90 * DAY_MS);
  });

  it('takes circle messages and inviter links from settings', () => {
    expect(retentionCutoff('circle-message', NOW, settings)).toBe(NOW - 7 * DAY_MS);
    expect(retentionCutoff('invitation-inviter-link', NOW, settings)).toBe(NOW - 14 * DAY_MS);
    expect(() => retentionPeriod('circle-message')).toThrow(TypeError);
  });

  it('purges a record exactly when its period has passed', () => {
    const ended = NOW - 30 * DAY_MS;
    expect(isPastRetention('escalation-ticket', ended + 1, NOW)).toBe(false);
    expect(isPastRetention('escalation-ticket', ended, NOW)).toBe(true);
    expect(isPastRetention('escalation-ticket', ended - 1, NOW)).toBe(true);
    expect(isPastRetention('invitation-inviter-link', NOW - 14 * DAY_MS, NOW, settings)).toBe(true);
    expect(isPastRetention('invitation-inviter-link', NOW - 14 * DAY_MS + 1, NOW, settings)).toBe(false);
  });
});

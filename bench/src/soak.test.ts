import { describe, expect, it } from 'vitest';
import { soakVerdict, type SoakMinute } from './soak.js';

const minute = (p99: number, rss: number, extra: Partial<SoakMinute> = {}): SoakMinute => ({ p50_ms: 2, p99_ms: p99, rss_mb: rss, cpu_us_per_delivery: 20, lost: 0, valid: true, ...extra });

describe('soak verdict', () => {
  it('calls a flat run stable', () => {
    expect(soakVerdict([minute(20, 200), minute(22, 203), minute(19, 204), minute(21, 205)])).toMatchObject({ stable_p99: true, stable_memory: true, valid: true, rss_growth_mb: 5, worst_p99_ms: 22 });
  });

  it('catches a p99 that climbs, memory that grows, and a lost message', () => {
    expect(soakVerdict([minute(20, 200), minute(21, 200), minute(20, 201), minute(90, 202)]).stable_p99).toBe(false);
    expect(soakVerdict([minute(20, 200), minute(20, 215), minute(20, 230)]).stable_memory).toBe(false);
    expect(soakVerdict([minute(20, 200), minute(20, 200, { lost: 1 })]).stable_p99).toBe(false);
  });

  it('leaves out minutes the machine stalled through, and says nothing with fewer than two left', () => {
    expect(soakVerdict([minute(20, 200), minute(500, 200, { valid: false }), minute(21, 201)])).toMatchObject({ stable_p99: true, worst_p99_ms: 21 });
    expect(soakVerdict([minute(20, 200), minute(20, 200, { valid: false })])).toMatchObject({ valid: false, stable_p99: false, stable_memory: false });
  });
});

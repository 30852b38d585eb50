import { describe, expect, it } from 'vitest';
import { backendGrowth } from './proc.js';

describe('PostgreSQL backend accounting', () => {
  it('counts growth per backend, a new backend whole, and an ended one not at all (never negative)', () => {
    const before = new Map([
      [10, { cpuUs: 5_000, waitMs: 2 }],
      [11, { cpuUs: 900_000, waitMs: 300 }], // ends before the second reading
    ]);
    const after = new Map([
      [10, { cpuUs: 8_000, waitMs: 3 }],
      [12, { cpuUs: 1_500, waitMs: 1 }], // started in between
    ]);
    expect(backendGrowth(before, after)).toEqual({ cpuUs: 3_000 + 1_500, waitMs: 1 + 1 });
    expect(backendGrowth(after, new Map())).toEqual({ cpuUs: 0, waitMs: 0 });
  });
});

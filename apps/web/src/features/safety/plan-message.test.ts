import { describe, expect, it } from 'vitest';
import { planMessages } from './plan-message.js';

describe('planMessages', () => {
  it('keeps a short plan in one message, unchanged', () => {
    expect(planMessages('My safety plan\n\n1. Warning signs\n   • late nights', 4000)).toEqual(['My safety plan\n\n1. Warning signs\n   • late nights']);
  });

  it('splits a long plan at line breaks, each part within the limit, nothing lost', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i} ${'x'.repeat(20)}`);
    const parts = planMessages(lines.join('\n'), 100);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(parts.join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a single line longer than the limit', () => {
    const parts = planMessages('a'.repeat(250), 100);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
  });
});

import { describe, expect, it } from 'vitest';
import { BREATHING_PATTERNS, startStepTimer, stepAt, type Clock, type StepPosition } from './timed-steps.js';

/** A clock that only moves when the test says so. */
function fakeClock(): Clock & { advance: (ms: number) => void; running: () => number } {
  let t = 1_000_000;
  const timers = new Set<{ ms: number; next: number; fn: () => void }>();
  return {
    now: () => t,
    every(ms, fn) {
      const timer = { ms, next: t + ms, fn };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        const due = [...timers].filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
        if (due === undefined) break;
        t = due.next;
        due.next += due.ms;
        due.fn();
      }
      t = end;
    },
    running: () => timers.size,
  };
}

describe('timed steps', () => {
  it('box breathing: four 4-second phases, counting down', () => {
    const box = BREATHING_PATTERNS.box;
    expect(stepAt(box, 2, 0)).toMatchObject({ kind: 'in', secondsLeft: 4, round: 0, done: false });
    expect(stepAt(box, 2, 3_999)).toMatchObject({ kind: 'in', secondsLeft: 1 });
    expect(stepAt(box, 2, 4_000)).toMatchObject({ kind: 'hold', secondsLeft: 4, index: 1 });
    expect(stepAt(box, 2, 12_500)).toMatchObject({ kind: 'rest', secondsLeft: 4 });
    expect(stepAt(box, 2, 16_000)).toMatchObject({ kind: 'in', round: 1 });
    expect(stepAt(box, 2, 32_000)).toMatchObject({ done: true, round: 2 });
  });

  it('4-7-8 runs on a fake clock through every phase and stops itself', () => {
    const clock = fakeClock();
    const seen: StepPosition[] = [];
    startStepTimer(BREATHING_PATTERNS['478'], 1, clock, (p) => seen.push(p));
    expect(seen[0]).toMatchObject({ kind: 'in', secondsLeft: 4 });
    clock.advance(4_000);
    expect(seen.at(-1)).toMatchObject({ kind: 'hold', secondsLeft: 7 });
    clock.advance(7_000);
    expect(seen.at(-1)).toMatchObject({ kind: 'out', secondsLeft: 8 });
    clock.advance(8_000);
    expect(seen.at(-1)).toMatchObject({ done: true });
    expect(clock.running()).toBe(0);
    // One call per second shown: 4 + 7 + 8 counts, plus the end.
    expect(seen).toHaveLength(4 + 7 + 8 + 1);
  });

  it('stop() ends the timer early', () => {
    const clock = fakeClock();
    const seen: StepPosition[] = [];
    const timer = startStepTimer(BREATHING_PATTERNS.box, 3, clock, (p) => seen.push(p));
    clock.advance(2_000);
    timer.stop();
    const count = seen.length;
    clock.advance(20_000);
    expect(seen).toHaveLength(count);
    expect(clock.running()).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createIdleLock, HIDDEN_LOCK_MS, type IdleClock } from './idle-lock.js';

/** A clock that moves only when told to. */
function fakeClock(): IdleClock & { advance: (ms: number) => void } {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

const MINUTE = 60_000;

describe('createIdleLock', () => {
  it('locks once after the idle time without activity', () => {
    const clock = fakeClock();
    let locks = 0;
    createIdleLock({ clock, idleMs: 5 * MINUTE, onLock: () => (locks += 1) });
    clock.advance(5 * MINUTE - 1);
    expect(locks).toBe(0);
    clock.advance(1);
    expect(locks).toBe(1);
    clock.advance(60 * MINUTE);
    expect(locks).toBe(1);
  });

  it('starts the idle time over on activity', () => {
    const clock = fakeClock();
    let locks = 0;
    const idle = createIdleLock({ clock, idleMs: 5 * MINUTE, onLock: () => (locks += 1) });
    clock.advance(4 * MINUTE);
    idle.activity();
    clock.advance(4 * MINUTE);
    expect(locks).toBe(0);
    clock.advance(MINUTE);
    expect(locks).toBe(1);
  });

  it('locks on return after being hidden too long, not after a short glance away', () => {
    const clock = fakeClock();
    let locks = 0;
    const idle = createIdleLock({ clock, idleMs: 30 * MINUTE, onLock: () => (locks += 1) });
    idle.hidden();
    clock.advance(HIDDEN_LOCK_MS - 1000);
    idle.visible();
    expect(locks).toBe(0);
    idle.hidden();
    clock.advance(HIDDEN_LOCK_MS);
    idle.visible();
    expect(locks).toBe(1);
  });

  it('does nothing after stop', () => {
    const clock = fakeClock();
    let locks = 0;
    const idle = createIdleLock({ clock, idleMs: MINUTE, onLock: () => (locks += 1) });
    idle.stop();
    clock.advance(10 * MINUTE);
    idle.hidden();
    clock.advance(10 * MINUTE);
    idle.visible();
    expect(locks).toBe(0);
  });
});

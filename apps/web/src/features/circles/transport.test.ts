import { describe, expect, it } from 'vitest';
import { createCrisisCheck, type CrisisWorker } from './crisis-port.js';
import { backoffMs } from './transport.js';

describe('reconnect backoff', () => {
  it('grows from about half a second to at most 30 s, with jitter', () => {
    expect(backoffMs(0, 0)).toBe(250);
    expect(backoffMs(0, 1)).toBe(500);
    expect(backoffMs(3, 1)).toBe(4000);
    expect(backoffMs(50, 1)).toBe(30_000);
    expect(backoffMs(50, 0)).toBe(15_000);
  });
});

describe('crisis check port', () => {
  it('falls back to this thread when the worker cannot be made, with the same answer', async () => {
    const check = createCrisisCheck(() => {
      throw new Error('no workers here');
    });
    expect(await check("I have the pills ready and I'm going to take them all tonight")).toMatch(/^(high|imminent)$/u);
    expect(await check('see you tomorrow at the meeting')).toBe('none');
  });

  it('answers from the worker, and from this thread if the worker fails', async () => {
    let w: CrisisWorker | undefined;
    const posted: unknown[] = [];
    const check = createCrisisCheck(() => {
      w = {
        postMessage: (m: unknown) => void posted.push(m),
        terminate: () => undefined,
        onmessage: null,
        onerror: null,
      };
      return w;
    });
    const first = check('anything');
    w?.onmessage?.({ data: { id: 0, tier: 'concern' } } as MessageEvent<{ id: number; tier: 'concern' }>);
    expect(await first).toBe('concern');
    const second = check('see you tomorrow');
    w?.onerror?.({} as ErrorEvent);
    expect(await second).toBe('none');
    expect(posted).toHaveLength(2);
  });
});

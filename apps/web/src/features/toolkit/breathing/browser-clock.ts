import type { Clock } from './timed-steps.js';

/** The real clock for guided exercises. */
export const browserClock: Clock = {
  now: () => performance.now(),
  every: (ms, fn) => {
    const handle = window.setInterval(fn, ms);
    return () => window.clearInterval(handle);
  },
};

import { DAY_MS } from '@lamplight/domain';
import { createHmac, randomBytes } from 'node:crypto';


/**
 * Fixed-window rate limits kept only in memory. Callers are told apart by an
 * HMAC of their address under a salt that is replaced every day, so not even
 * memory holds an address, and yesterday's keys cannot be linked to today's.
 */
export class RateLimiter {
  private salt = randomBytes(32);
  private saltDay = -1;
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly now: () => number) {}

  /** True when the caller may go on; false when over `limit` in the last `windowMs`. */
  allow(bucket: string, callerAddress: string, limit: number, windowMs: number): boolean {
    const now = this.now();
    const day = Math.floor(now / DAY_MS);
    if (day !== this.saltDay) {
      this.salt = randomBytes(32);
      this.saltDay = day;
      this.windows.clear();
    }
    const key = `${bucket}:${createHmac('sha256', this.salt).update(callerAddress).digest('base64url')}`;
    const w = this.windows.get(key);
    if (w === undefined || now - w.start >= windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      this.prune(now);
      return true;
    }
    w.count += 1;
    return w.count <= limit;
  }

  private prune(now: number): void {
    if (this.windows.size < 10_000) return;
    for (const [k, w] of this.windows) if (now - w.start > 60 * 60 * 1000) this.windows.delete(k);
  }
}

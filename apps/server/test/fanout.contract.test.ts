import { afterEach, describe, expect, it } from 'vitest';
import { InProcessFanOut } from '../src/fanout/in-process.js';
import type { FanOut } from '../src/fanout/port.js';
import { RedisFanOut } from '../src/fanout/redis.js';

/**
 * One contract suite for the fan-out port, run against every adapter:
 * in-process always, Redis whenever TEST_REDIS_URL is set (required in CI).
 * A pair of instances stands for two nodes; in-process "nodes" share one bus.
 */
type Adapter = Readonly<{ name: string; pair(): Promise<readonly [FanOut, FanOut]> }>;

const adapters: Adapter[] = [
  {
    name: 'in-process',
    pair: () => {
      const f = new InProcessFanOut();
      return Promise.resolve([f, f] as const);
    },
  },
];
const redisUrl = process.env['TEST_REDIS_URL'];
if (redisUrl !== undefined && redisUrl !== '') {
  adapters.push({ name: 'redis', pair: async () => [await RedisFanOut.connect(redisUrl), await RedisFanOut.connect(redisUrl)] as const });
} else if (process.env['CI'] === 'true') {
  adapters.push({ name: 'redis', pair: () => Promise.reject(new Error('CI=true but TEST_REDIS_URL is not set')) });
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function collector(): { got: string[]; handler: (p: Uint8Array) => void; waitFor(n: number): Promise<void> } {
  const got: string[] = [];
  const waiters: (() => void)[] = [];
  return {
    got,
    handler: (p) => {
      got.push(text(p));
      for (const w of waiters.splice(0)) w();
    },
    waitFor: async (n) => {
      const deadline = Date.now() + 5000;
      while (got.length < n && Date.now() < deadline) await new Promise<void>((r) => waiters.push(r) && setTimeout(r, 50));
    },
  };
}

for (const adapter of adapters) {
  describe(`fan-out contract: ${adapter.name}`, () => {
    const opened: FanOut[] = [];
    afterEach(async () => {
      for (const f of new Set(opened.splice(0))) await f.close();
    });
    const pair = async (): Promise<readonly [FanOut, FanOut]> => {
      const p = await adapter.pair();
      opened.push(...p);
      return p;
    };
    const channel = (): string => `t-${Math.random().toString(36).slice(2)}`;

    it('is ready once connected', async () => {
      const [a, b] = await pair();
      expect(a.ready() && b.ready()).toBe(true);
    });

    it('delivers a publish on one node to a subscriber on the other, bytes intact and in order', async () => {
      const [a, b] = await pair();
      const ch = channel();
      const c = collector();
      await b.subscribe(ch, c.handler);
      for (let i = 0; i < 20; i++) await a.publish(ch, bytes(`m${i}`));
      await c.waitFor(20);
      expect(c.got).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
      const raw = collector();
      await b.subscribe(`${ch}-bin`, raw.handler);
      const payload = new Uint8Array([0, 255, 1, 254, 128]);
      await a.publish(`${ch}-bin`, payload);
      await raw.waitFor(1);
      expect(raw.got[0]).toBe(text(payload));
    });

    it('keeps channels apart', async () => {
      const [a, b] = await pair();
      const ch1 = channel();
      const ch2 = channel();
      const c1 = collector();
      const c2 = collector();
      await b.subscribe(ch1, c1.handler);
      await b.subscribe(ch2, c2.handler);
      await a.publish(ch1, bytes('one'));
      await a.publish(ch2, bytes('two'));
      await c1.waitFor(1);
      await c2.waitFor(1);
      expect([c1.got, c2.got]).toEqual([['one'], ['two']]);
    });

    it('stops delivering after unsubscribe, and other subscribers keep receiving', async () => {
      const [a, b] = await pair();
      const ch = channel();
      const gone = collector();
      const stays = collector();
      const off = await b.subscribe(ch, gone.handler);
      await b.subscribe(ch, stays.handler);
      await off();
      await a.publish(ch, bytes('after'));
      await stays.waitFor(1);
      expect(stays.got).toEqual(['after']);
      expect(gone.got).toEqual([]);
    });
  });
}

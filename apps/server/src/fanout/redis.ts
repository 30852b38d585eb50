import { Redis } from 'ioredis';
import type { FanOut } from './port.js';

const PREFIX = 'lamplight:';

/**
 * Fan-out across nodes through Redis pub/sub. One connection publishes, one
 * subscribes. Redis keeps nothing: after a reconnect subscribers are told
 * about the gap and catch up from the database.
 */
export class RedisFanOut implements FanOut {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, Set<(p: Uint8Array) => void>>();
  private readonly gapHandlers: (() => void)[] = [];
  private subReady = false;
  private pubReady = false;
  private everReady = false;

  private constructor(url: string) {
    const opts = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true, retryStrategy: (n: number) => Math.min(50 * n, 1000) };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, { ...opts, maxRetriesPerRequest: null });
    // Errors are expected while Redis restarts; readiness reports them.
    this.pub.on('error', () => undefined);
    this.sub.on('error', () => undefined);
    this.pub.on('ready', () => (this.pubReady = true));
    this.pub.on('close', () => (this.pubReady = false));
    this.sub.on('close', () => (this.subReady = false));
    this.sub.on('ready', () => {
      this.subReady = true;
      if (this.everReady) for (const h of this.gapHandlers) h();
      this.everReady = true;
    });
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const set = this.handlers.get(channel.toString('utf8').slice(PREFIX.length));
      if (set === undefined) return;
      const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
      for (const h of [...set]) h(bytes);
    });
  }

  /** Connect both connections; rejects when Redis is unreachable. */
  static async connect(url: string): Promise<RedisFanOut> {
    const f = new RedisFanOut(url);
    await Promise.all([f.pub.connect(), f.sub.connect()]);
    return f;
  }

  async publish(channel: string, payload: Uint8Array): Promise<void> {
    await this.pub.publish(PREFIX + channel, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
  }

  async subscribe(channel: string, handler: (payload: Uint8Array) => void): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(channel, set);
      await this.sub.subscribe(PREFIX + channel);
    }
    set.add(handler);
    return async () => {
      const s = this.handlers.get(channel);
      if (s === undefined) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(channel);
        await this.sub.unsubscribe(PREFIX + channel).catch(() => undefined);
      }
    };
  }

  onGap(handler: () => void): void {
    this.gapHandlers.push(handler);
  }

  ready(): boolean {
    return this.pubReady && this.subReady;
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.sub.disconnect();
    this.pub.disconnect();
    await Promise.resolve();
  }
}

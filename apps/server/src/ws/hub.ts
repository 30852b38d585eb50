import type { FanOut } from '../fanout/port.js';

/** Something on this node that wants a channel's payloads. */
export type Listener = (payload: Uint8Array) => void;

/**
 * Subscribes this node to a fan-out channel once, however many local
 * connections follow it, and hands each payload to all of them.
 */
export class Hub {
  private readonly channels = new Map<string, { listeners: Set<Listener>; off: Promise<() => Promise<void>> }>();

  constructor(private readonly fanout: FanOut) {}

  async add(channel: string, listener: Listener): Promise<void> {
    let entry = this.channels.get(channel);
    if (entry === undefined) {
      const listeners = new Set<Listener>();
      const off = this.fanout.subscribe(channel, (p) => {
        for (const l of [...listeners]) l(p);
      });
      entry = { listeners, off };
      this.channels.set(channel, entry);
    }
    entry.listeners.add(listener);
    await entry.off;
  }

  remove(channel: string, listener: Listener): void {
    const entry = this.channels.get(channel);
    if (entry === undefined) return;
    entry.listeners.delete(listener);
    if (entry.listeners.size === 0) {
      this.channels.delete(channel);
      void entry.off.then((off) => off()).catch(() => undefined);
    }
  }

  publish(channel: string, payload: Uint8Array): Promise<void> {
    return this.fanout.publish(channel, payload);
  }

  /** Every channel this node follows (to re-read after a fan-out gap). */
  channelNames(): readonly string[] {
    return [...this.channels.keys()];
  }
}

import type { FanOut } from './port.js';

/** Fan-out for a single node: a map of channel to handlers. */
export class InProcessFanOut implements FanOut {
  private readonly channels = new Map<string, Set<(p: Uint8Array) => void>>();
  private closed = false;

  publish(channel: string, payload: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new Error('fan-out closed'));
    const handlers = this.channels.get(channel);
    if (handlers !== undefined) for (const h of [...handlers]) h(payload);
    return Promise.resolve();
  }

  subscribe(channel: string, handler: (payload: Uint8Array) => void): Promise<() => Promise<void>> {
    let set = this.channels.get(channel);
    if (set === undefined) {
      set = new Set();
      this.channels.set(channel, set);
    }
    set.add(handler);
    return Promise.resolve(() => {
      const s = this.channels.get(channel);
      s?.delete(handler);
      if (s?.size === 0) this.channels.delete(channel);
      return Promise.resolve();
    });
  }

  onGap(): void {
    // A single process never loses a publish in transit.
  }

  ready(): boolean {
    return !this.closed;
  }

  close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    return Promise.resolve();
  }
}

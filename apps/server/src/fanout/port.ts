/**
 * Fan-out carries a persisted event from the node that stored it to every
 * node with a subscriber. It is not durable: the database is the source of
 * truth and clients catch up from it after any gap.
 */
export interface FanOut {
  /** Deliver `payload` to every subscriber of `channel`, on this node and others. */
  publish(channel: string, payload: Uint8Array): Promise<void>;
  /** Receive payloads on `channel`; returns an unsubscribe function. */
  subscribe(channel: string, handler: (payload: Uint8Array) => void): Promise<() => Promise<void>>;
  /** Called after the transport lost messages (a reconnect), so subscribers can catch up from the log. */
  onGap(handler: () => void): void;
  /** True when publishing and receiving work right now. */
  ready(): boolean;
  close(): Promise<void>;
}

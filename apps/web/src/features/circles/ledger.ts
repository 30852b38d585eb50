import type { CircleState } from '@lamplight/crypto';
import { loadState, saveState } from './mls-ops.js';
import { CIRCLE_KEYS, keepMessages, type CircleRecord, type CircleRecords } from './records.js';
import { summarize, type CirclesSnapshot } from './summary.js';

/** One circle in memory: its record and its decoded MLS state (undefined once removed). */
export type LiveCircle = Readonly<{ rec: CircleRecord; state: CircleState | undefined }>;

const keyOf = (circleId: string): string => `${CIRCLE_KEYS.circlePrefix}${circleId}`;

/**
 * The circles this profile holds, in memory and sealed in the vault, with
 * one queue that every change goes through (MLS states are single-use, so
 * two changes to a circle must never overlap) and a snapshot for the views.
 */
export class CircleLedger {
  readonly live = new Map<string, LiveCircle>();
  online = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private snap: CirclesSnapshot = { ready: false, online: false, circles: [] };
  private stopped = false;

  constructor(
    private readonly records: CircleRecords,
    private readonly now: () => number,
  ) {}

  /** Reads every circle from the vault. A state that cannot be decoded leaves the circle read-only. */
  async load(): Promise<void> {
    for (const key of await this.records.list(CIRCLE_KEYS.circlePrefix)) {
      const rec = await this.records.get<CircleRecord>(key);
      if (rec === undefined) continue;
      let state: CircleState | undefined;
      try {
        state = rec.state === undefined ? undefined : loadState(rec.state);
      } catch {
        state = undefined;
      }
      this.live.set(rec.circleId, { rec, state });
    }
    this.publish(true);
  }

  /** Runs `fn` after every change queued before it; nothing runs once stopped. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => (this.stopped ? (undefined as T) : fn()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Keeps `rec` with `state` (encoded into it), in memory and in the vault; drops messages and reports past the timer. */
  async save(circleId: string, rec: CircleRecord, state: CircleState | undefined): Promise<void> {
    const now = this.now();
    const kept: CircleRecord = {
      ...rec,
      messages: keepMessages(rec.messages, rec.timerMs, now),
      reports: rec.reports.filter((r) => now - r.at < rec.timerMs),
      ...(state === undefined ? {} : { state: saveState(state) }),
    };
    const stripped = state === undefined && rec.removed ? (({ state: _s, ...r }) => r)(kept) : kept;
    this.live.set(circleId, { rec: stripped, state });
    await this.records.put(keyOf(circleId), stripped);
    this.publish();
  }

  /** Deletes a circle from this device. */
  async forget(circleId: string): Promise<void> {
    this.live.delete(circleId);
    await this.records.delete(keyOf(circleId));
    this.publish();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): CirclesSnapshot => this.snap;

  publish(ready = this.snap.ready): void {
    const now = this.now();
    this.snap = { ready, online: this.online, circles: [...this.live.values()].map((l) => summarize(l.rec, l.state, now)) };
    for (const l of this.listeners) l();
  }

  /** Forgets everything in memory; queued changes do not run. */
  stop(): void {
    this.stopped = true;
    this.live.clear();
    this.listeners.clear();
  }
}

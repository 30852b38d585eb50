import { coarsenTimestamp } from '@lamplight/domain';
import { MAX_CIRCLE_TIMER_MS, type SendFrame, type ServerFrame } from '@lamplight/protocol';
import type { Store } from '@lamplight/storage';
import { deliver, republish, type SendOutcome } from './delivery.js';
import { circleChannel, encodeFrame } from './frames.js';
import type { Hub } from './hub.js';
import { framingProblem } from './validate.js';

type Pending = Readonly<{
  accountId: string;
  frame: SendFrame;
  body: Uint8Array;
  resolve: (o: SendOutcome) => void;
  reject: (e: unknown) => void;
}>;

const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

const twinKey = (p: Pending): string => `${p.frame.circleId} ${p.frame.clientId}`;

/** Most application messages written in one transaction. */
export const MAX_BATCH = 256;

const errorFrame = (frame: SendFrame, code: Extract<ServerFrame, { t: 'error' }>['code'], message: string): SendOutcome => ({
  frame: { t: 'error', code, message, clientId: frame.clientId, circleId: frame.circleId },
});

/**
 * Group commit for application messages. While one transaction is being
 * written, messages that arrive wait and then go together in the next one:
 * a fixed number of statements however many circles the batch spans (one on
 * PostgreSQL; see `appendMany` in storage), one durable commit for all of
 * them. An idle server writes each message at once, so this adds no latency;
 * a busy one does far fewer commits (and fsyncs). Every message
 * is acknowledged only after the transaction holding it has committed.
 * Commits (membership and key changes) keep the one-at-a-time path.
 */
export class EntryWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly store: Store,
    private readonly hub: Hub,
    private readonly now: () => number,
  ) {}

  submit(accountId: string, frame: SendFrame): Promise<SendOutcome> {
    const plain = frame.kind === 'app' && (frame.adds?.length ?? 0) === 0 && (frame.removes?.length ?? 0) === 0 && (frame.welcomes?.length ?? 0) === 0;
    if (!plain) return deliver(this.store, this.hub, accountId, frame, this.now());
    const body = Buffer.from(frame.mls, 'base64url');
    return new Promise<SendOutcome>((resolve, reject) => {
      this.queue.push({ accountId, frame, body, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    // Fan-out and answers of the last committed batch, not yet run (PostgreSQL only).
    let finish: (() => void) | undefined;
    const overlap = this.store.dialect === 'postgres';
    try {
      while (this.queue.length > 0 || finish !== undefined) {
        // Let the sockets be read first: SQLite's writes are synchronous, so
        // without this turn of the event loop no other message could ever join
        // the batch and every message would pay for its own commit and fsync.
        await nextTurn();
        const batch = this.queue.splice(0, MAX_BATCH);
        const written = batch.length > 0 ? this.write(batch) : undefined;
        if (finish !== undefined) {
          // Let the next batch's first query leave before the fan-out
          // (synchronous, the larger part of a batch's CPU) holds the thread:
          // the database works on it meanwhile.
          if (written !== undefined) await nextTurn();
          finish();
          finish = undefined;
        }
        if (written === undefined) continue;
        try {
          finish = await written;
        } catch {
          // A batch that failed as a whole (a racing duplicate, a lost connection) is
          // retried message by message, so each gets its own clear answer.
          for (const p of batch) deliver(this.store, this.hub, p.accountId, p.frame, this.now()).then(p.resolve, p.reject);
        }
        if (!overlap) {
          // SQLite writes on this thread: nothing to overlap, so fan out at once.
          finish?.();
          finish = undefined;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Write a batch durably; returns its fan-out and answers, to run once the next batch is on its way. */
  private async write(batch: readonly Pending[]): Promise<() => void> {
    const now = this.now();
    const storedAt = coarsenTimestamp(now);
    // Refusals are per message; answers of stored messages are shared by their twins.
    const refused = new Map<Pending, SendOutcome>();
    const answers = new Map<string, SendOutcome>();
    const framed: Pending[] = [];
    const misframed: { p: Pending; problem: string }[] = [];
    for (const p of batch) {
      const problem = framingProblem(p.frame, p.body);
      if (problem === undefined) framed.push(p);
      else misframed.push({ p, problem });
    }
    if (misframed.length > 0) {
      // Rare: a non-member hears "not a member" before anything about its framing.
      const roles = await this.store.read.circles.roles(misframed.map(({ p }) => [p.frame.circleId, p.accountId] as const));
      for (const { p, problem } of misframed) {
        refused.set(
          p,
          roles.has(`${p.frame.circleId} ${p.accountId}`)
            ? errorFrame(p.frame, 'malformed', `The message was refused: ${problem}.`)
            : errorFrame(p.frame, 'not-a-member', 'You are not in this circle.'),
        );
      }
    }
    const published: { circleId: string; bytes: Uint8Array }[] = [];
    const resent: { circleId: string; seq: number }[] = [];
    // One entry per (circle, client id): a second copy within the batch is answered below.
    const firsts = new Map<string, Pending>();
    for (const p of framed) if (!firsts.has(twinKey(p))) firsts.set(twinKey(p), p);
    const unique = [...firsts.values()];
    // Membership, duplicates, sequence numbers and the insert in one transaction
    // (one statement on PostgreSQL).
    const results =
      unique.length === 0
        ? []
        : await this.store.appendMessages(
            unique.map((p) => ({ circleId: p.frame.circleId, epoch: p.frame.epoch, clientId: p.frame.clientId, body: p.body, senderId: p.accountId })),
            storedAt,
            MAX_CIRCLE_TIMER_MS,
          );
    unique.forEach((p, i) => {
      const r = results[i];
      const { circleId, clientId, epoch } = p.frame;
      switch (r?.status) {
        case 'stored':
          answers.set(twinKey(p), { frame: { t: 'ack', clientId, circleId, seq: r.seq } });
          published.push({ circleId, bytes: encodeFrame({ t: 'entry', circleId, seq: r.seq, kind: 'app', epoch, mls: p.frame.mls, at: storedAt }) });
          break;
        case 'duplicate':
          answers.set(twinKey(p), { frame: { t: 'ack', clientId, circleId, seq: r.seq } });
          resent.push({ circleId, seq: r.seq });
          break;
        case 'stale-epoch':
          answers.set(twinKey(p), errorFrame(p.frame, 'stale-epoch', `This circle has moved on to epoch ${r.epoch}; process the newer commits and try again.`));
          break;
        case 'not-a-member':
        case 'no-circle':
          answers.set(twinKey(p), errorFrame(p.frame, 'not-a-member', 'You are not in this circle.'));
          break;
        case undefined:
          break;
      }
    });
    // Durable now: fan out and answer. Fan-out is best effort (clients resume
    // from the log), so the answers do not wait for it: while Redis is down
    // each publish would wait out the client's reconnect retries. A resend of
    // a stored entry publishes it again, in case its first node died first.
    return () => {
      for (const e of published) void this.hub.publish(circleChannel(e.circleId), e.bytes).catch(() => undefined);
      for (const r of resent) void republish(this.store, this.hub, r.circleId, r.seq, now).catch(() => undefined);
      for (const p of batch) {
        // A second copy of a client id within one batch gets the same answer as the first.
        const a = refused.get(p) ?? answers.get(twinKey(p));
        p.resolve(a ?? errorFrame(p.frame, 'unavailable', 'The server could not store that just now. Nothing was stored; try again.'));
      }
    };
  }
}

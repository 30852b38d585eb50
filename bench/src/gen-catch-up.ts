/**
 * The generator's side of S5 (reconnect and catch-up): during one open-loop
 * phase, some clients drop their connections, stay away while messages keep
 * flowing, then reconnect and resume from the last sequence number each saw,
 * as a real client does (`auth`, then `subscribe` with `after`). Every entry
 * they get is checked against what they were owed, by message number and by
 * sequence number.
 */
import { performance } from 'node:perf_hooks';
import type { CatchUpSpec, CatchUpStats, PhaseResult } from './gen-protocol.js';
import { entrySeq, entryTrailer, frameType } from './entry-frame.js';
import { MessageLedger, SeqTracker } from './ledger.js';
import { MiniSocket, type FrameHandler } from './mini-ws.js';
import type { Phase } from './phase.js';

const CONNECT_TIMEOUT_MS = 30_000;

/** What S5 needs of a generator client. */
export type AwayCapable = { readonly index: number; readonly circle: number; readonly token: string | undefined; ws: MiniSocket | undefined };

type Away = {
  readonly client: AwayCapable;
  readonly circleId: string;
  readonly ledger: MessageLedger;
  readonly seq: SeqTracker;
  returned: boolean;
  backlogAt: number | undefined;
  caughtUpAt: number | undefined;
  backlogEntries: number;
};

const sleepUntil = (at: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));

/**
 * Run `phase` (already the generator's current phase) with the S5 schedule.
 * `restore` hands a client's socket back to the generator's usual frame handler afterwards.
 */
export async function runCatchUp(
  spec: CatchUpSpec,
  circleIds: readonly string[],
  clients: readonly (AwayCapable | undefined)[],
  phase: Phase,
  restore: (c: AwayCapable) => void,
  payloadBytes: number,
): Promise<{ phase: PhaseResult; stats: CatchUpStats }> {
  const away: Away[] = [];
  for (const i of spec.awayClients) {
    const client = clients[i];
    const circleId = client === undefined ? undefined : circleIds[client.circle];
    if (client === undefined || circleId === undefined) continue;
    away.push({ client, circleId, ledger: new MessageLedger(phase.messageCount, circleIds.length, client.circle), seq: new SeqTracker(), returned: false, backlogAt: undefined, caughtUpAt: undefined, backlogEntries: 0 });
  }
  let reconnectAt = Number.POSITIVE_INFINITY;
  let receipts = 0;
  let errors = 0;
  let firstError: string | undefined;
  const fail = (text: string): void => {
    errors++;
    firstError ??= text.slice(0, 300);
  };

  const handler =
    (a: Away): FrameHandler =>
    (chunk, start, end) => {
      const now = performance.now();
      phase.touch(now);
      const t = frameType(chunk, start, end);
      if (t === 'entry') {
        const seq = entrySeq(chunk, start, end);
        const tr = entryTrailer(chunk, start, end, payloadBytes);
        if (seq === undefined || tr === undefined) {
          fail('entry without seq or bench trailer');
          return;
        }
        // Entries of an earlier phase (a resume from 0) are not this phase's business.
        if (tr.messageNo >= phase.messageCount || Math.abs(phase.intendedOf(tr.messageNo) - tr.intendedMs) > 0.01) return;
        a.seq.observe(seq);
        receipts++;
        const r = a.ledger.receive(tr.messageNo);
        if (a.returned && r === 'new' && tr.intendedMs < reconnectAt) a.backlogEntries++;
        if (a.returned && a.backlogAt === undefined && a.ledger.completeBelowMark()) a.backlogAt = now;
        return;
      }
      if (t === 'ready') {
        a.client.ws?.sendText(JSON.stringify({ t: 'subscribe', circles: [{ circleId: a.circleId, after: a.seq.last(0) }] }));
        return;
      }
      if (t === 'caught-up') {
        if (a.returned) a.caughtUpAt ??= now;
        // An empty backlog completes at once.
        if (a.returned && a.backlogAt === undefined && a.ledger.completeBelowMark()) a.backlogAt = now;
        return;
      }
      if (t === 'welcome' || t === 'pong') return;
      fail(chunk.toString('utf8', start, Math.min(end, start + 300)));
    };

  for (const a of away) if (a.client.ws !== undefined) a.client.ws.onFrame = handler(a);
  await phase.quiesce(200, 15_000);
  const running = phase.run();
  const t0 = phase.intendedOf(0);
  const sendEndAt = t0 + spec.durationMs;

  // Leave.
  await sleepUntil(t0 + spec.leaveAtMs);
  const leftAt = performance.now();
  const cpuAtLeave = phase.serverCpuUs();
  const deliveriesAtLeave = phase.deliveryCount();
  const receiptsAtLeave = receipts;
  for (const a of away) {
    const ws = a.client.ws;
    a.client.ws = undefined;
    if (ws === undefined) continue;
    ws.onClose = () => undefined;
    ws.close();
  }

  // Come back, each from the last sequence number it saw.
  await sleepUntil(t0 + spec.leaveAtMs + spec.awayMs);
  reconnectAt = performance.now();
  let mark = 0;
  while (mark < phase.messageCount && phase.intendedOf(mark) < reconnectAt) mark++;
  for (const a of away) {
    a.ledger.setMark(mark);
    a.returned = true;
  }
  await Promise.all(
    away.map(async (a) => {
      try {
        const ws = await MiniSocket.connect(spec.url, CONNECT_TIMEOUT_MS);
        a.client.ws = ws;
        ws.onFrame = handler(a);
        ws.onClose = () => fail('a returning client was disconnected');
        ws.sendText(JSON.stringify({ t: 'auth', token: a.client.token ?? '' }));
      } catch (e) {
        fail(`reconnect: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
  );

  const result = await running;
  // The stayers have drained; wait for the returning clients to have everything they were owed.
  const settleEnd = performance.now() + spec.settleMs;
  while (performance.now() < settleEnd && away.some((a) => !a.ledger.complete() && a.client.ws?.isOpen === true)) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const endCpu = phase.serverCpuUs();
  const deliveriesInSpan = phase.deliveryCount() - deliveriesAtLeave + (receipts - receiptsAtLeave);
  for (const a of away) {
    if (a.client.ws === undefined) continue;
    a.client.ws.onClose = () => undefined;
    restore(a.client);
  }

  const reconnectFailed = away.filter((a) => a.client.ws?.isOpen !== true).length;
  const done = away.filter((a) => a.backlogAt !== undefined);
  const lastBacklog = done.length === away.length && done.length > 0 ? Math.max(...done.map((a) => a.backlogAt ?? 0)) : undefined;
  // The stayers' latency while the returning clients caught up (to the end of sending if they never finished).
  const duringEnd = Math.min(lastBacklog ?? sendEndAt, sendEndAt);
  const baseline = phase.latencyBetween(t0 + spec.warmupMs, leftAt);
  const during = phase.latencyBetween(reconnectAt, Math.max(duringEnd, reconnectAt + 1));
  const sum = (f: (a: Away) => number): number => away.reduce((acc, a) => acc + f(a), 0);
  const ms = (xs: readonly number[]): number[] => xs.map((x) => Math.round(x * 1000) / 1000);
  return {
    phase: result,
    stats: {
      awayClients: away.length,
      reconnectFailed,
      firstError: errors > 0 ? `${errors} errors; first: ${firstError ?? ''}` : undefined,
      backlogMs: ms(done.map((a) => (a.backlogAt ?? 0) - reconnectAt)),
      caughtUpFrameMs: ms(away.filter((a) => a.caughtUpAt !== undefined).map((a) => (a.caughtUpAt ?? 0) - reconnectAt)),
      incomplete: away.length - done.length,
      backlogEntries: sum((a) => a.backlogEntries),
      allBacklogMs: lastBacklog === undefined ? undefined : Math.round((lastBacklog - reconnectAt) * 1000) / 1000,
      expected: sum((a) => a.ledger.summary().expected),
      received: sum((a) => a.ledger.summary().received),
      missing: sum((a) => a.ledger.summary().missing),
      duplicates: sum((a) => a.ledger.summary().duplicates),
      unexpected: sum((a) => a.ledger.summary().unexpected),
      seqGaps: sum((a) => a.seq.gaps),
      seqRepeats: sum((a) => a.seq.repeats),
      baselineP50Ms: baseline.p50Ms,
      baselineP99Ms: baseline.p99Ms,
      duringP50Ms: during.p50Ms,
      duringP99Ms: during.p99Ms,
      duringMs: Math.round(Math.max(0, duringEnd - reconnectAt)),
      duringDeliveries: during.deliveries,
      cpuUsPerDelivery: deliveriesInSpan === 0 ? undefined : Math.round(((endCpu - cpuAtLeave) / deliveriesInSpan) * 1000) / 1000,
      deliveriesInSpan,
    },
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, openDatabase } from '@lamplight/storage';
import { startServer, type RunningServer } from '../harness.js';
import { TestSocket } from '../ws-client.js';
import { chat, decryptAll, unb64, logProblems, newLedger, prepareMessages, readLog, streamSends, type Entry, type TwoMemberCircle, twoMemberCircle } from './circle.js';
import { freshPgDatabase, sharedServices } from './services.js';

/**
 * Two real server processes on one PostgreSQL database and one Redis: members
 * on different nodes talk live, and a node killed with SIGKILL in the middle
 * of a stream loses no acknowledged message and duplicates nothing.
 */
const services = sharedServices(process.env);
const shared = 'missing' in services ? undefined : services;
const TOTAL = 200;
const KILL_AFTER_ACKS = 100;

describe.skipIf(shared === undefined)(`two nodes on PostgreSQL + Redis${shared === undefined ? ` (skipped: ${(services as { missing: string }).missing})` : ''}`, () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>> | undefined;
  let node1: RunningServer | undefined;
  let node2: RunningServer | undefined;
  let circle: TwoMemberCircle;
  /** The sequence number of the last message of the warm-up chat. */
  let warmUpSeq = 0;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    if (shared === undefined) return;
    db = await freshPgDatabase(shared.pgUrl, 'multinode');
    const env = { DATABASE_URL: db.url, REDIS_URL: shared.redisUrl };
    node1 = await startServer({ env });
    node2 = await startServer({ env });
  });

  afterAll(async () => {
    for (const s of sockets) await s.close().catch(() => undefined);
    await circle?.a.sock.close().catch(() => undefined);
    await circle?.b.sock.close().catch(() => undefined);
    try {
      await node1?.kill();
      await node2?.stop();
    } finally {
      await db?.drop();
    }
  });

  it('carries messages both ways, live, between a member on node 1 and a member on node 2', async () => {
    const n1 = node1 as RunningServer;
    const n2 = node2 as RunningServer;
    // The first start on an empty database prints the invitation; the second node finds the community made.
    expect(n1.stewardInvitation).toBeDefined();
    expect(n2.stewardInvitation).toBeUndefined();
    const secret = (n1.stewardInvitation ?? '').split('#')[1] ?? '';
    circle = await twoMemberCircle(n1.url, secret, n2.url);
    const s1 = await chat(circle.circleId, circle.a, circle.b, '今晚有人醒著嗎？');
    const s2 = await chat(circle.circleId, circle.b, circle.a, '我在，陪你。');
    expect([s1, s2]).toEqual([2, 3]);
    warmUpSeq = s2;
  });

  it('loses no acknowledged message and duplicates none when node 1 is killed mid-stream', async () => {
    const n1 = node1 as RunningServer;
    const n2 = node2 as RunningServer;
    const { circleId, a, b } = circle;
    // From the acknowledgement: B's own copy of its last message may still be on its way.
    const firstSeq = warmUpSeq + 1;
    const msgs = await prepareMessages(a, TOTAL, 'stream');
    const ledger = newLedger();
    let killed: Promise<void> | undefined;
    let unansweredAtKill = 0;
    const first = await streamSends(a.sock, msgs, ledger, {
      circleId,
      window: 8,
      onAck: (n) => {
        // Kill only while sends are in flight (acks can arrive in a burst that empties the window).
        const unanswered = ledger.attempts.size - ledger.acked.size;
        if (n < KILL_AFTER_ACKS || unanswered === 0 || killed !== undefined) return;
        unansweredAtKill = unanswered;
        killed = n1.kill();
      },
    });
    await killed;
    expect(first).toBe('closed');
    expect(n1.process.signalCode).toBe('SIGKILL');
    // The kill hit while sends were in flight (the window was full of unanswered sends).
    expect(unansweredAtKill).toBeGreaterThan(0);
    const ackedBeforeKill = new Map(ledger.acked);
    expect(ackedBeforeKill.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(ackedBeforeKill.size).toBeLessThan(TOTAL);

    // A reconnects to node 2 and resumes from the last entry it saw.
    const lastSeenByA = a.sock.entries(circleId).at(-1)?.seq ?? 0;
    const a2 = await TestSocket.open(n2.url, a.member.session.token);
    sockets.push(a2);
    a2.send({ t: 'subscribe', circles: [{ circleId, after: lastSeenByA }] });
    await a2.waitFor((f) => f.t === 'caught-up' && f.circleId === circleId);
    // Everything unacknowledged goes again, with the same client ids.
    expect(await streamSends(a2, msgs, ledger, { circleId, window: 8 })).toBe('done');
    expect(ledger.problems).toEqual([]);
    expect(ledger.acked.size).toBe(TOTAL);
    for (const [clientId, seq] of ackedBeforeKill) expect(ledger.acked.get(clientId)).toBe(seq);

    // Resending every message once more is acknowledged with the same seq and stores nothing.
    const again = newLedger();
    expect(await streamSends(a2, msgs, again, { circleId, window: 8 })).toBe('done');
    expect(again.problems).toEqual([]);
    expect(again.errorCodes).toEqual([]);
    expect(again.acked).toEqual(ledger.acked);

    const lastSeq = Math.max(...ledger.acked.values());
    expect(lastSeq).toBe(firstSeq + TOTAL - 1);

    // B stayed on node 2 the whole time: its live stream has every message once, in order.
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === lastSeq, 30_000);
    const atB = b.sock.entries(circleId).filter((e) => e.seq >= firstSeq);
    expect(logProblems(atB, msgs, ledger.acked, firstSeq)).toEqual([]);
    expect(atB).toHaveLength(TOTAL);
    expect(await decryptAll(b, atB)).toEqual(msgs.map((m) => m.words));

    // A's view across the reconnect: the entries from node 1, then node 2's resume, with no gap or repeat.
    await a2.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === lastSeq, 30_000);
    const atA: Entry[] = [...a.sock.entries(circleId), ...a2.entries(circleId)].filter((e) => e.seq >= firstSeq);
    expect(logProblems(atA, msgs, ledger.acked, firstSeq)).toEqual([]);
    expect(atA).toHaveLength(TOTAL);

    // And the stored log, read fresh by B from the start on node 2.
    const log = await readLog(n2.url, b.member.session.token, circleId, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(logProblems(log.filter((e) => e.seq >= firstSeq), msgs, ledger.acked, firstSeq)).toEqual([]);
  });

  it('fans out a message the dead node stored but never acknowledged or published, when the sender resends it', async () => {
    const n2 = node2 as RunningServer;
    const { circleId, a, b } = circle;
    const lastSeq = b.sock.entries(circleId).at(-1)?.seq ?? 0;
    const [msg] = await prepareMessages(a, 1, 'orphan');
    if (msg === undefined) throw new Error('no message');
    // What node 1 would have left had it died between its commit and its publish:
    // the entry is in the log, nobody was told, the sender got no ack.
    const open = openDatabase({ kind: 'postgres', url: (db as { url: string }).url, poolSize: 1 });
    try {
      const now = Date.now();
      const stored = await new Store(open).transact((tx) =>
        tx.circles.append({ circleId, kind: 'app', epoch: 1, clientId: msg.clientId, body: unb64(msg.mls), storedAt: now, expiresAt: now + 86_400_000 }),
      );
      expect(stored).toEqual({ status: 'stored', seq: lastSeq + 1 });
    } finally {
      await open.close();
    }
    const a3 = await TestSocket.open(n2.url, a.member.session.token);
    sockets.push(a3);
    const from = a3.frames.length;
    a3.send({ t: 'send', clientId: msg.clientId, circleId, kind: 'app', epoch: 1, mls: msg.mls });
    expect(await a3.waitFor((f) => f.t === 'ack' || f.t === 'error', 10_000, from)).toEqual({ t: 'ack', clientId: msg.clientId, circleId, seq: lastSeq + 1 });
    // B is live on node 2 and hears nothing else in this circle: only a re-publish on the resend can reach it.
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === lastSeq + 1, 10_000);
    const got = b.sock.entries(circleId).filter((e) => e.seq > lastSeq);
    expect(got.map((e) => e.seq)).toEqual([lastSeq + 1]);
    expect(await decryptAll(b, got)).toEqual([msg.words]);
  });
});

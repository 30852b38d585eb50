import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness.js';
import { chat, decryptAll, logProblems, newLedger, prepareMessages, readLog, streamSends, twoMemberCircle, type TwoMemberCircle } from './circle.js';
import { freshPgDatabase, missingTool, redisServerAvailable, sharedServices, startPrivateRedis, type PrivateRedis } from './services.js';

/**
 * Redis (fan-out between nodes) dies and comes back while messages flow from
 * a member on node 1 to a member on node 2. Redis holds nothing, so what was
 * published into the outage is lost; node 2 must notice the gap and re-read
 * the log, so the reader still ends with every message once, in order. The
 * shared Redis is never touched: this test runs its own redis-server.
 */
const services = sharedServices(process.env);
const shared = 'missing' in services ? undefined : services;
const noRedisServer = missingTool(process.env, redisServerAvailable(), 'redis-server is not installed');
const skipReason = shared === undefined ? (services as { missing: string }).missing : noRedisServer;
const TOTAL = 150;
const KILL_AFTER_ACKS = 40;
const ACKS_DURING_OUTAGE = 10;

describe.skipIf(skipReason !== undefined)(`Redis restarted between two nodes${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let db: Awaited<ReturnType<typeof freshPgDatabase>> | undefined;
  let redis: PrivateRedis | undefined;
  let node1: RunningServer | undefined;
  let node2: RunningServer | undefined;
  let circle: TwoMemberCircle | undefined;

  beforeAll(async () => {
    if (shared === undefined) return;
    db = await freshPgDatabase(shared.pgUrl, 'redis');
    redis = await startPrivateRedis();
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url };
    node1 = await startServer({ env });
    node2 = await startServer({ env });
  });

  afterAll(async () => {
    await circle?.a.sock.close().catch(() => undefined);
    await circle?.b.sock.close().catch(() => undefined);
    try {
      await node1?.kill();
      await node2?.kill();
      await redis?.destroy();
    } finally {
      await db?.drop();
    }
  });

  it('resumes fan-out after Redis comes back, and the reader catches up with every message once, in order', async () => {
    const n1 = node1 as RunningServer;
    const n2 = node2 as RunningServer;
    const r = redis as PrivateRedis;
    const secret = (n1.stewardInvitation ?? '').split('#')[1] ?? '';
    circle = await twoMemberCircle(n1.url, secret, n2.url);
    const { circleId, a, b } = circle;
    await chat(circleId, a, b, '有人在嗎');
    // From the acknowledgement: B's own copy of its message may still be on its way.
    const firstSeq = (await chat(circleId, b, a, '在喔')) + 1;

    const msgs = await prepareMessages(a, TOTAL, 'redis');
    const ledger = newLedger();
    let killed: Promise<void> | undefined;
    let ackedWhenDead: number | undefined;
    let restarted: Promise<void> | undefined;
    let ackedWhenRestarted = 0;
    const restart = (n: number): void => {
      if (restarted !== undefined) return;
      ackedWhenRestarted = n;
      restarted = r.start();
    };
    const outcome = await streamSends(a.sock, msgs, ledger, {
      circleId,
      window: 4,
      onAck: (n) => {
        if (n === KILL_AFTER_ACKS) {
          killed = r.kill().then(() => {
            ackedWhenDead = ledger.acked.size;
          });
        }
        // Redis stays down until messages have been stored and acknowledged into the outage.
        if (ackedWhenDead !== undefined && n >= ackedWhenDead + ACKS_DURING_OUTAGE) restart(n);
      },
    });
    await killed;
    // Should the stream end first, Redis still comes back (and the checks below fail).
    restart(ledger.acked.size);
    await restarted;
    expect(ackedWhenDead).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(n1.process.exitCode, n1.output().slice(-2000)).toBeNull();
    expect(n2.process.exitCode, n2.output().slice(-2000)).toBeNull();
    // Fan-out is best effort: storing and acknowledging never depended on Redis.
    expect(outcome).toBe('done');
    expect(ledger.errorCodes).toEqual([]);
    expect(ledger.problems).toEqual([]);
    expect(ledger.acked.size).toBe(TOTAL);
    const lastSeq = Math.max(...ledger.acked.values());
    expect(lastSeq).toBe(firstSeq + TOTAL - 1);
    // Messages were stored while Redis was down, and more after it came back.
    expect(ackedWhenRestarted).toBeGreaterThanOrEqual((ackedWhenDead ?? TOTAL) + ACKS_DURING_OUTAGE);
    expect(ackedWhenRestarted).toBeLessThan(TOTAL);

    // B never reconnected: what it holds came live or from the server's re-read after the gap.
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === lastSeq, 30_000);
    const atB = b.sock.entries(circleId).filter((e) => e.seq >= firstSeq);
    expect(logProblems(atB, msgs, ledger.acked, firstSeq)).toEqual([]);
    expect(atB).toHaveLength(TOTAL);
    expect(await decryptAll(b, atB)).toEqual(msgs.map((m) => m.words));

    // Fan-out is live again, both ways.
    await chat(circleId, a, b, '恢復了');
    await chat(circleId, b, a, '收到');
    const log = await readLog(n2.url, b.member.session.token, circleId, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq + 2 }, (_, i) => i + 1));
  });
});

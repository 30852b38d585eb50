import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../harness.js';
import { chat, logProblems, newLedger, prepareMessages, readLog, streamSends, twoMemberCircle, type TwoMemberCircle } from './circle.js';
import { missingTool, postgresBinDir, startPrivatePostgres, type PrivatePostgres } from './services.js';

/**
 * PostgreSQL goes away under load and comes back. The machine's shared
 * PostgreSQL is never touched: this test runs its own cluster (initdb) and
 * crashes it with `pg_ctl stop -m immediate` while a member is sending.
 */
const binDir = postgresBinDir();
const skipReason = missingTool(process.env, binDir !== undefined, 'no initdb under /usr/lib/postgresql/*/bin');
const TOTAL = 150;
const CRASH_AFTER_ACKS = 40;
const SHUTDOWN_AFTER_ACKS = 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(skipReason !== undefined)(`PostgreSQL restarted under load${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let pgc: PrivatePostgres | undefined;
  let server: RunningServer | undefined;
  let circle: TwoMemberCircle | undefined;

  beforeAll(async () => {
    pgc = await startPrivatePostgres(binDir ?? '');
    server = await startServer({ env: { DATABASE_URL: pgc.url } });
  });

  afterAll(async () => {
    await circle?.a.sock.close().catch(() => undefined);
    await circle?.b.sock.close().catch(() => undefined);
    try {
      await server?.kill();
    } finally {
      await pgc?.destroy();
    }
  });

  it('reconnects after a crash and after a clean shutdown of the database; every acknowledged message is stored once, in order, and resume works', async () => {
    const srv = server as RunningServer;
    const db = pgc as PrivatePostgres;
    const secret = (srv.stewardInvitation ?? '').split('#')[1] ?? '';
    circle = await twoMemberCircle(srv.url, secret, srv.url);
    const { circleId, a, b } = circle;
    await chat(circleId, a, b, '睡不著');
    // From the acknowledgement: B's own copy of its message may still be on its way.
    const firstSeq = (await chat(circleId, b, a, '我也醒著')) + 1;

    const msgs = await prepareMessages(a, TOTAL, 'pg');
    const ledger = newLedger();
    // A crash (immediate: no checkpoint, connections cut) and later a clean
    // shutdown (fast), each while the member keeps sending.
    let restarts: Promise<void> = Promise.resolve();
    const stoppedAt: number[] = [];
    const outcome = await streamSends(a.sock, msgs, ledger, {
      circleId,
      window: 4,
      backoffMs: 100,
      onAck: (n) => {
        const mode = n === CRASH_AFTER_ACKS ? 'immediate' : n === SHUTDOWN_AFTER_ACKS ? 'fast' : undefined;
        if (mode === undefined) return;
        restarts = restarts.then(async () => {
          await db.stop(mode);
          stoppedAt.push(n);
          await sleep(1_000);
          await db.start();
        });
      },
    });
    await restarts;
    // The node must survive the outages (its output tells why when it did not).
    expect(srv.process.exitCode, srv.output().slice(-2000)).toBeNull();
    expect(outcome).toBe('done');
    expect(stoppedAt).toEqual([CRASH_AFTER_ACKS, SHUTDOWN_AFTER_ACKS]);
    // The outage was felt: sends were refused with `unavailable`, and nothing else went wrong.
    expect(ledger.errorCodes.length).toBeGreaterThan(0);
    expect(new Set(ledger.errorCodes)).toEqual(new Set(['unavailable']));
    expect(ledger.problems).toEqual([]);
    expect(ledger.acked.size).toBe(TOTAL);
    const lastSeq = Math.max(...ledger.acked.values());
    expect(lastSeq).toBe(firstSeq + TOTAL - 1);

    // B followed live through the outage and has every message once, in seq order.
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === lastSeq, 30_000);
    const atB = b.sock.entries(circleId).filter((e) => e.seq >= firstSeq);
    expect(logProblems(atB, msgs, ledger.acked, firstSeq)).toEqual([]);
    expect(atB).toHaveLength(TOTAL);

    // The stored log, read fresh from the start, and a resume from the middle.
    const log = await readLog(srv.url, b.member.session.token, circleId, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(logProblems(log.filter((e) => e.seq >= firstSeq), msgs, ledger.acked, firstSeq)).toEqual([]);
    const mid = firstSeq + Math.floor(TOTAL / 2);
    const tail = await readLog(srv.url, a.member.session.token, circleId, mid);
    expect(tail.map((e) => e.seq)).toEqual(log.filter((e) => e.seq > mid).map((e) => e.seq));
    expect(tail.map((e) => e.mls)).toEqual(log.filter((e) => e.seq > mid).map((e) => e.mls));

    // Resending everything once more changes nothing.
    const again = newLedger();
    expect(await streamSends(a.sock, msgs, again, { circleId, window: 8 })).toBe('done');
    expect(again.errorCodes).toEqual([]);
    expect(again.acked).toEqual(ledger.acked);
    expect((await readLog(srv.url, b.member.session.token, circleId, lastSeq)).length).toBe(0);
  });
});

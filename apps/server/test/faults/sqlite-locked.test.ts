import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '@lamplight/storage';
import type { ServerFrame } from '@lamplight/protocol';
import { startServer, type RunningServer } from '../harness.js';
import { chat, decryptAll, prepareMessages, readLog, twoMemberCircle, type TwoMemberCircle } from './circle.js';

/**
 * The embedded database is locked by someone else (a backup tool, a stuck
 * process) for longer than the server's busy timeout. A send must be refused
 * with a clear `unavailable` error and no ack; once the lock is gone the same
 * send (same client id) is stored and acknowledged once, and nothing that
 * was refused shows up in the log.
 */
describe('SQLite database locked by another process', () => {
  let server: RunningServer | undefined;
  let circle: TwoMemberCircle | undefined;
  let locker: SQLite.Database | undefined;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await circle?.a.sock.close().catch(() => undefined);
    await circle?.b.sock.close().catch(() => undefined);
    try {
      if (locker?.inTransaction === true) locker.exec('ROLLBACK');
      locker?.close();
    } finally {
      await server?.stop();
    }
  });

  it('refuses a send with `unavailable` while locked, then stores the same send once after', async () => {
    const srv = server as RunningServer;
    const secret = (srv.stewardInvitation ?? '').split('#')[1] ?? '';
    circle = await twoMemberCircle(srv.url, secret, srv.url);
    const { circleId, a, b } = circle;
    const before = await chat(circleId, a, b, '鎖住之前');

    const [msg] = await prepareMessages(a, 1, 'locked');
    if (msg === undefined) throw new Error('no message');
    const send = { t: 'send', clientId: msg.clientId, circleId, kind: 'app', epoch: 1, mls: msg.mls };
    const answer = (f: ServerFrame): boolean => f.t === 'ack' || f.t === 'error';

    locker = new SQLite(join(srv.dataDir, SQLITE_FILE_NAME));
    locker.pragma('busy_timeout = 10000');
    locker.exec('BEGIN EXCLUSIVE');
    let refused: ServerFrame;
    try {
      const from = a.sock.frames.length;
      a.sock.send(send);
      // The server gives up after its busy timeout (5 s) at most; this wait is only a bound.
      refused = await a.sock.waitFor(answer, 20_000, from);
      // Still inside the lock: nothing with this client id was written.
      const rows = locker.prepare('select count(*) as n from circle_entries where client_id = ?').get(msg.clientId) as { n: number };
      expect(rows.n).toBe(0);
    } finally {
      locker.exec('ROLLBACK');
    }
    expect(refused).toMatchObject({ t: 'error', code: 'unavailable', clientId: msg.clientId });
    expect(srv.process.exitCode).toBeNull();

    // Lock gone: the same send is acknowledged, with the next seq (the refused attempt used none).
    const from2 = a.sock.frames.length;
    a.sock.send(send);
    const ack = await a.sock.waitFor(answer, 20_000, from2);
    expect(ack).toEqual({ t: 'ack', clientId: msg.clientId, circleId, seq: before + 1 });
    const from3 = a.sock.frames.length;
    a.sock.send(send);
    expect(await a.sock.waitFor(answer, 20_000, from3)).toEqual(ack);

    const log = await readLog(srv.url, b.member.session.token, circleId, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    expect(log.filter((e) => e.mls === msg.mls).map((e) => e.seq)).toEqual([before + 1]);
    const n = locker.prepare('select count(*) as n from circle_entries where client_id = ?').get(msg.clientId) as { n: number };
    expect(n.n).toBe(1);

    // B, following live, got it once and can read it.
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === before + 1);
    const atB = b.sock.entries(circleId).filter((e) => e.seq > before);
    expect(await decryptAll(b, atB)).toEqual([msg.words]);
  });
});

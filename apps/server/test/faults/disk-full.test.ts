import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '@lamplight/storage';
import type { ServerFrame } from '@lamplight/protocol';
import { startServer, type RunningServer } from '../harness.js';
import { chat, decryptAll, prepareMessages, readLog, twoMemberCircle, type TwoMemberCircle } from './circle.js';
import { missingTool } from './services.js';

/**
 * The disk fills up under the embedded database. Mounting a small
 * filesystem needs privileges a test should not use, so a full disk is
 * stood in for by a file-size limit on the server process (prlimit
 * RLIMIT_FSIZE, with SIGXFSZ ignored): every write past the limit fails, as
 * on a full disk (EFBIG instead of ENOSPC). A send must be refused with
 * `unavailable` and no ack, the node must keep running, and once there is
 * room again the same send is stored and acknowledged once.
 */
const PRELOAD = fileURLToPath(new URL('./ignore-sigxfsz.cjs', import.meta.url));
const skipReason = missingTool(process.env, process.platform === 'linux' && spawnSync('prlimit', ['--version']).status === 0, 'needs Linux prlimit (util-linux)');

function setFileSizeLimit(pid: number, soft: string): void {
  const r = spawnSync('prlimit', ['--pid', String(pid), `--fsize=${soft}:unlimited`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prlimit failed: ${r.stderr}`);
}

describe.skipIf(skipReason !== undefined)(`disk full under SQLite${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`, () => {
  let server: RunningServer | undefined;
  let circle: TwoMemberCircle | undefined;

  beforeAll(async () => {
    server = await startServer({ env: { NODE_OPTIONS: `--require ${PRELOAD}` } });
  });

  afterAll(async () => {
    await circle?.a.sock.close().catch(() => undefined);
    await circle?.b.sock.close().catch(() => undefined);
    await server?.kill();
  });

  it('refuses a send with `unavailable` while writes fail, keeps running, and stores the same send once when there is room', async () => {
    const srv = server as RunningServer;
    const pid = srv.process.pid;
    if (pid === undefined) throw new Error('no server pid');
    const secret = (srv.stewardInvitation ?? '').split('#')[1] ?? '';
    circle = await twoMemberCircle(srv.url, secret, srv.url);
    const { circleId, a, b } = circle;
    const before = await chat(circleId, a, b, '還有空間');

    const [msg] = await prepareMessages(a, 1, 'full');
    if (msg === undefined) throw new Error('no message');
    const send = { t: 'send', clientId: msg.clientId, circleId, kind: 'app', epoch: 1, mls: msg.mls };
    const answer = (f: ServerFrame): boolean => f.t === 'ack' || f.t === 'error';
    const countStored = (): number => {
      const db = new SQLite(join(srv.dataDir, SQLITE_FILE_NAME), { readonly: true });
      try {
        return (db.prepare('select count(*) as n from circle_entries where client_id = ?').get(msg.clientId) as { n: number }).n;
      } finally {
        db.close();
      }
    };

    setFileSizeLimit(pid, '1');
    let refused: ServerFrame;
    try {
      const from = a.sock.frames.length;
      a.sock.send(send);
      refused = await a.sock.waitFor(answer, 20_000, from);
    } finally {
      setFileSizeLimit(pid, 'unlimited');
    }
    expect(refused).toMatchObject({ t: 'error', code: 'unavailable', clientId: msg.clientId });
    expect(srv.process.exitCode, srv.output().slice(-2000)).toBeNull();
    expect(countStored()).toBe(0);

    const from2 = a.sock.frames.length;
    a.sock.send(send);
    const ack = await a.sock.waitFor(answer, 20_000, from2);
    expect(ack).toEqual({ t: 'ack', clientId: msg.clientId, circleId, seq: before + 1 });
    const from3 = a.sock.frames.length;
    a.sock.send(send);
    expect(await a.sock.waitFor(answer, 20_000, from3)).toEqual(ack);
    expect(countStored()).toBe(1);

    const log = await readLog(srv.url, b.member.session.token, circleId, 0);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: before + 1 }, (_, i) => i + 1));
    await b.sock.waitFor((f) => f.t === 'entry' && f.circleId === circleId && f.seq === before + 1);
    expect(await decryptAll(b, b.sock.entries(circleId).filter((e) => e.seq > before))).toEqual([msg.words]);
    // And the circle carries on.
    await chat(circleId, b, a, '好了');
  });
});

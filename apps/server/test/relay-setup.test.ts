import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type CircleView } from '@lamplight/protocol';
import { testEngines } from '@lamplight/storage/testing';
import { SET_UP_CONCURRENCY } from '../src/ws/index.js';
import { call, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
import { privateMessage } from './mls-frame.js';
import { TestSocket } from './ws-client.js';

for (const engine of testEngines(process.env)) {
  describe(`relay set-up under a reconnect storm on ${engine.name}`, () => {
    let s: TestServer;
    let a: TestMember;

    beforeAll(async () => {
      s = await startTestServer(engine);
      a = await joinMember(s.base, s.stewardSecret, '小燈');
    });
    afterAll(async () => {
      await s.close();
    });

    it('answers every one of many sockets authenticating at once, well past the set-up bound', async () => {
      const n = SET_UP_CONCURRENCY * 3 + 5;
      const sockets = await Promise.all(Array.from({ length: n }, () => TestSocket.open(s.base)));
      const bad = await TestSocket.open(s.base);
      for (const sock of sockets) sock.send({ t: 'auth', token: a.session.token });
      bad.send({ t: 'auth', token: 'x'.repeat(43) });
      const ready = await Promise.all(sockets.map((sock) => sock.waitFor((f) => f.t === 'ready')));
      expect(ready.every((f) => f.t === 'ready' && f.accountId === a.session.accountId)).toBe(true);
      expect(await bad.waitFor((f) => f.t === 'error')).toMatchObject({ t: 'error', code: 'unauthenticated' });
      await Promise.all([...sockets, bad].map((sock) => sock.close()));
    });

    it('a member catching up in a busy circle gets every entry once, in order, and reaches live delivery', async () => {
      const circleId = (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: 86_400_000 }, a.session.token)).body.circleId;
      const writer = await TestSocket.open(s.base, a.session.token);
      const sendMany = async (n: number): Promise<void> => {
        const from = writer.frames.length;
        for (let i = 0; i < n; i++) {
          writer.send({ t: 'send', clientId: randomBytes(12).toString('base64url'), circleId, kind: 'app', epoch: 0, mls: privateMessage(circleId, 0, randomBytes(16)) });
        }
        await writer.waitFor(() => writer.frames.slice(from).filter((f) => f.t === 'ack').length >= n, 30_000);
      };
      // A backlog longer than one page, then more messages while the reader catches up.
      await sendMany(650);
      const reader = await TestSocket.open(s.base, a.session.token);
      reader.send({ t: 'subscribe', circles: [{ circleId, after: 0 }] });
      await sendMany(150);
      await reader.waitFor((f) => f.t === 'caught-up' && f.circleId === circleId, 30_000);
      await reader.waitFor(() => reader.entries(circleId).length >= 800, 30_000);
      await sendMany(1);
      await reader.waitFor(() => reader.entries(circleId).length >= 801, 30_000);
      expect(reader.entries(circleId).map((e) => e.seq)).toEqual(Array.from({ length: 801 }, (_, i) => i + 1));
      await Promise.all([writer.close(), reader.close()]);
    });
  });
}

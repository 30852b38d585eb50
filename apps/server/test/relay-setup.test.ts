import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '@lamplight/storage/testing';
import { SET_UP_CONCURRENCY } from '../src/ws/index.js';
import { joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
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
  });
}

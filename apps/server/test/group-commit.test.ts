import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type CircleView, type ServerFrame } from '@lamplight/protocol';
import { testEngines } from '@lamplight/storage/testing';
import { call, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
import { privateMessage } from './mls-frame.js';
import { TestSocket } from './ws-client.js';

const DAY = 86_400_000;


for (const engine of testEngines(process.env)) {
  describe(`group commit on ${engine.name}`, () => {
    let s: TestServer;
    let a: TestMember;
    let circleId: string;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      s = await startTestServer(engine);
      a = await joinMember(s.base, s.stewardSecret, '寫入測試');
      circleId = (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, a.session.token)).body.circleId;
      for (let i = 0; i < 12; i++) sockets.push(await TestSocket.open(s.base, a.session.token));
    });
    afterAll(async () => {
      for (const k of sockets) await k.close();
      await s.close();
    });

    it('stores many concurrent sends once each, with contiguous sequence numbers, and acks after the write', async () => {
      const perSocket = 15;
      const ids = sockets.map(() => Array.from({ length: perSocket }, () => randomBytes(12).toString('base64url')));
      // Every socket fires its messages at once; a few are resent with the same client id.
      sockets.forEach((sock, i) => {
        for (const clientId of ids[i] ?? []) sock.send({ t: 'send', clientId, circleId, kind: 'app', epoch: 0, mls: privateMessage(circleId, 0, randomBytes(32)) });
        const again = ids[i]?.[0];
        if (again !== undefined) sock.send({ t: 'send', clientId: again, circleId, kind: 'app', epoch: 0, mls: privateMessage(circleId, 0, randomBytes(32)) });
      });
      const acks = new Map<string, number>();
      for (const [i, sock] of sockets.entries()) {
        await sock.waitFor(() => sock.frames.filter((f) => f.t === 'ack').length >= perSocket + 1, 30_000);
        for (const f of sock.frames) if (f.t === 'ack') {
          const prev = acks.get(f.clientId);
          expect(prev === undefined || prev === f.seq).toBe(true);
          acks.set(f.clientId, f.seq);
        }
        expect(sock.frames.filter((f: ServerFrame) => f.t === 'error')).toEqual([]);
        expect(ids[i]?.every((id) => acks.has(id))).toBe(true);
      }
      const total = sockets.length * perSocket;
      expect([...acks.values()].sort((x, y) => x - y)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const stored = await s.ctx.store.read.circles.entriesAfter(circleId, 0, 10_000, 0);
      expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(new Set(stored.map((e) => e.clientId)).size).toBe(total);
    });

    it('answers a batch in an old epoch with stale-epoch and stores none of it', async () => {
      const sock = sockets[0];
      if (sock === undefined) throw new Error('no socket');
      const before = (await s.ctx.store.read.circles.circle(circleId))?.lastSeq;
      const from = sock.frames.length;
      const clientId = randomBytes(12).toString('base64url');
      sock.send({ t: 'send', clientId, circleId, kind: 'app', epoch: 3, mls: privateMessage(circleId, 3, randomBytes(8)) });
      expect(await sock.waitFor((f) => f.t === 'error' && f.clientId === clientId, 10_000, from)).toMatchObject({ code: 'stale-epoch' });
      expect((await s.ctx.store.read.circles.circle(circleId))?.lastSeq).toBe(before);
    });
  });
}

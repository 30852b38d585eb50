import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type CircleView, type ServerFrame } from '@lamplight/protocol';
import { testEngines } from '@lamplight/storage/testing';
import { InProcessFanOut } from '../src/fanout/in-process.js';
import { circleChannel, decodeFrame } from '../src/ws/frames.js';
import { Hub } from '../src/ws/hub.js';
import { EntryWriter, MAX_BATCH } from '../src/ws/writer.js';
import { call, invite, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
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
  
    it('writes one batch spanning several circles and gives each message the answer it would get alone', async () => {
      const other = await joinMember(s.base, (await invite(s.base, a.session.token)).secret, '別圈');
      const mine = async (): Promise<string> => (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, a.session.token)).body.circleId;
      const [c1, c2, c3] = [await mine(), await mine(), await mine()] as [string, string, string];
      const notMine = (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, other.session.token)).body.circleId;
      const hub = new Hub(new InProcessFanOut());
      const heard: { circleId: string; seq: number }[] = [];
      for (const c of [c1, c2, c3]) {
        await hub.add(circleChannel(c), (p) => {
          const f = decodeFrame(p);
          if (f.t === 'entry') heard.push({ circleId: f.circleId, seq: f.seq });
        });
      }
      const writer = new EntryWriter(s.ctx.store, hub, () => s.clock.now);
      const send = (circleId: string, clientId: string, epoch = 0, accountId = a.session.accountId) =>
        writer.submit(accountId, { t: 'send', clientId, circleId, kind: 'app', epoch, mls: privateMessage(circleId, epoch, randomBytes(16)) });
      const earlier = await send(c1, 'earlier-aaaaaaaaaaaa');
      expect(earlier.frame).toMatchObject({ t: 'ack', seq: 1 });
      // Submitted in one go, these are written as one batch.
      const outcomes = await Promise.all([
        send(c1, 'b-one-aaaaaaaaaaaaaa'),
        send(c2, 'b-two-aaaaaaaaaaaaaa'),
        send(c1, 'earlier-aaaaaaaaaaaa'),
        send(c2, 'b-twin-aaaaaaaaaaaaa'),
        send(c3, 'b-late-aaaaaaaaaaaaa', 4),
        send(c2, 'b-twin-aaaaaaaaaaaaa'),
        send(notMine, 'b-notmine-aaaaaaaaaa'),
        writer.submit(a.session.accountId, { t: 'send', clientId: 'b-junk-aaaaaaaaaaaaa', circleId: c3, kind: 'app', epoch: 0, mls: 'AAAA' }),
        send(c1, 'b-three-aaaaaaaaaaaa'),
        send(c3, 'b-fine-aaaaaaaaaaaaa'),
        writer.submit(a.session.accountId, { t: 'send', clientId: 'b-junk-notmine-aaaaa', circleId: notMine, kind: 'app', epoch: 0, mls: 'AAAA' }),
      ]);
      expect(outcomes.map((o) => (o.frame.t === 'ack' ? ['ack', o.frame.circleId, o.frame.clientId, o.frame.seq] : o.frame.t === 'error' ? ['error', o.frame.code, o.frame.clientId] : [o.frame.t]))).toEqual([
        ['ack', c1, 'b-one-aaaaaaaaaaaaaa', 2],
        ['ack', c2, 'b-two-aaaaaaaaaaaaaa', 1],
        ['ack', c1, 'earlier-aaaaaaaaaaaa', 1],
        ['ack', c2, 'b-twin-aaaaaaaaaaaaa', 2],
        ['error', 'stale-epoch', 'b-late-aaaaaaaaaaaaa'],
        ['ack', c2, 'b-twin-aaaaaaaaaaaaa', 2],
        ['error', 'not-a-member', 'b-notmine-aaaaaaaaaa'],
        ['error', 'malformed', 'b-junk-aaaaaaaaaaaaa'],
        ['ack', c1, 'b-three-aaaaaaaaaaaa', 3],
        ['ack', c3, 'b-fine-aaaaaaaaaaaaa', 1],
        // Someone outside a circle hears only that, whatever they sent.
        ['error', 'not-a-member', 'b-junk-notmine-aaaaa'],
      ]);
      const log = async (c: string) => (await s.ctx.store.read.circles.entriesAfter(c, 0, 100, 0)).map((e) => e.clientId);
      expect(await log(c1)).toEqual(['earlier-aaaaaaaaaaaa', 'b-one-aaaaaaaaaaaaaa', 'b-three-aaaaaaaaaaaa']);
      expect(await log(c2)).toEqual(['b-two-aaaaaaaaaaaaaa', 'b-twin-aaaaaaaaaaaaa']);
      expect(await log(c3)).toEqual(['b-fine-aaaaaaaaaaaaa']);
      expect(await log(notMine)).toEqual([]);
      // Each stored entry is published once; the resend of an earlier one is published again.
      for (let waited = 0; heard.length < 7 && waited < 10_000; waited += 20) await new Promise<void>((r) => setTimeout(r, 20));
      const key = (h: { circleId: string; seq: number }): string => `${h.circleId}#${h.seq}`;
      expect(heard.map(key).sort()).toEqual([`${c1}#1`, `${c1}#1`, `${c1}#2`, `${c1}#3`, `${c2}#1`, `${c2}#2`, `${c3}#1`].sort());
    });
  
    it('fans out batches in the order they were stored when more than one batch is waiting', async () => {
      const mine = async (): Promise<string> => (await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, a.session.token)).body.circleId;
      const circles = [await mine(), await mine()];
      const hub = new Hub(new InProcessFanOut());
      const heard = new Map<string, number[]>();
      for (const c of circles) {
        heard.set(c, []);
        await hub.add(circleChannel(c), (p) => {
          const f = decodeFrame(p);
          if (f.t === 'entry') heard.get(f.circleId)?.push(f.seq);
        });
      }
      const writer = new EntryWriter(s.ctx.store, hub, () => s.clock.now);
      // More than one batch can hold: at least two batches, written one after the other.
      const n = MAX_BATCH + 100;
      const outcomes = await Promise.all(
        Array.from({ length: n }, (_, i) => {
          const circleId = circles[i % 2] ?? '';
          return writer.submit(a.session.accountId, { t: 'send', clientId: `order-${i}-aaaaaaaaaaaa`, circleId, kind: 'app', epoch: 0, mls: privateMessage(circleId, 0, randomBytes(16)) });
        }),
      );
      expect(outcomes.map((o) => (o.frame.t === 'ack' ? o.frame.seq : -1))).toEqual(Array.from({ length: n }, (_, i) => Math.floor(i / 2) + 1));
      for (const c of circles) expect(heard.get(c)).toEqual(Array.from({ length: n / 2 }, (_, k) => k + 1));
    });
  });
}

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMembers,
  createCircle,
  createCircleIdentity,
  createMemberKeyPackage,
  encryptMessage,
  joinFromWelcome,
  processIncoming,
  removeMembers,
  signRoster,
  updateOwnLeaf,
  type CircleIdentity,
  type CircleState,
  type MemberKeyPackage,
} from '@lamplight/crypto';
import { API, type CircleView, type ServerFrame } from '@lamplight/protocol';
import { dumpAllRows } from '@lamplight/storage';
import { testEngines } from '@lamplight/storage/testing';
import { sweepOnce } from '../src/sweeper.js';
import { call, invite, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';
import { TestSocket } from './ws-client.js';

const DAY = 86_400_000;
const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64url');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64url'));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (b: Uint8Array): string => new TextDecoder().decode(b);
const cid = (): string => randomBytes(12).toString('base64url');

type Entry = Extract<ServerFrame, { t: 'entry' }>;
const isAck = (clientId: string) => (f: ServerFrame): boolean => (f.t === 'ack' || f.t === 'error') && 'clientId' in f && f.clientId === clientId;

for (const engine of testEngines(process.env)) {
  describe(`circles relay on ${engine.name}`, () => {
    let s: TestServer;
    let a: TestMember;
    let b: TestMember;
    let circleId: string;
    let idA: CircleIdentity;
    let idB: CircleIdentity;
    let kpA: MemberKeyPackage;
    let kpB: MemberKeyPackage;
    let stateA: CircleState;
    let stateB: CircleState;
    let sockA: TestSocket;
    let sockB: TestSocket;
    const sent: string[] = [];

    beforeAll(async () => {
      s = await startTestServer(engine);
      a = await joinMember(s.base, s.stewardSecret, '小燈');
      const inv = await invite(s.base, a.session.token);
      b = await joinMember(s.base, inv.secret, '阿月');
      [idA, idB] = await Promise.all([createCircleIdentity(), createCircleIdentity()]);
      [kpA, kpB] = await Promise.all([createMemberKeyPackage(idA, Date.now()), createMemberKeyPackage(idB, Date.now())]);
    });
    afterAll(async () => {
      await sockA?.close();
      await sockB?.close();
      await s.close();
    });

    async function sendAndAck(sock: TestSocket, frame: Record<string, unknown>): Promise<ServerFrame> {
      const clientId = (frame['clientId'] as string | undefined) ?? cid();
      const from = sock.frames.length;
      sock.send({ t: 'send', clientId, ...frame });
      return sock.waitFor(isAck(clientId), 10_000, from);
    }

    async function say(sock: TestSocket, state: CircleState, words: string, epoch: number): Promise<{ state: CircleState; ack: ServerFrame }> {
      const enc = await encryptMessage(state, text(words));
      sent.push(words);
      const ack = await sendAndAck(sock, { circleId, kind: 'app', epoch, mls: b64(enc.message) });
      return { state: enc.state, ack };
    }

    it('creates a circle, adds a member through an MLS commit and welcome, and carries messages both ways', async () => {
      const created = await call<CircleView>(s.base, 'POST', API.circles, { timerMs: DAY }, a.session.token);
      expect(created.status).toBe(201);
      circleId = created.body.circleId;
      const roster = { circleId, version: 1, members: [idA, idB].map((i) => ({ memberId: i.memberId, signaturePublicKey: i.signaturePublicKey })) };
      const trust = { signedRoster: await signRoster(roster, idA), moderatorPublicKeys: [idA.signaturePublicKey] };

      expect((await call(s.base, 'PUT', API.keyPackages, { keyPackages: [b64(kpB.publicPackage)] }, b.session.token)).status).toBe(201);
      const taken = await call<{ keyPackage: string }>(s.base, 'POST', API.keyPackageTake, { accountId: b.session.accountId }, a.session.token);
      expect(taken.status).toBe(200);

      sockA = await TestSocket.open(s.base, a.session.token);
      sockB = await TestSocket.open(s.base, b.session.token);
      sockA.send({ t: 'subscribe', circles: [{ circleId, after: 0 }] });
      await sockA.waitFor((f) => f.t === 'caught-up');

      const created0 = await createCircle(circleId, kpA, trust);
      const pending = await addMembers(created0, [unb64(taken.body.keyPackage)]);
      const ack = await sendAndAck(sockA, {
        circleId,
        kind: 'commit',
        epoch: pending.epoch,
        mls: b64(pending.commit),
        welcomes: [{ accountId: b.session.accountId, mls: b64(pending.welcome ?? new Uint8Array()) }],
        adds: [{ accountId: b.session.accountId, role: 'member' }],
      });
      expect(ack).toMatchObject({ t: 'ack', seq: 1 });
      stateA = pending.state;

      const welcome = await sockB.waitFor((f): f is Extract<ServerFrame, { t: 'welcome' }> => f.t === 'welcome');
      stateB = await joinFromWelcome(unb64(welcome.mls), kpB, trust);
      sockB.send({ t: 'subscribe', circles: [{ circleId, after: 1 }] });
      await sockB.waitFor((f) => f.t === 'caught-up' && f.circleId === circleId);

      const first = await say(sockA, stateA, '今晚有人醒著嗎？睡不著。', 1);
      stateA = first.state;
      expect(first.ack).toMatchObject({ t: 'ack', seq: 2 });
      const atB = await sockB.waitFor((f): f is Entry => f.t === 'entry' && f.seq === 2);
      const got = await processIncoming(stateB, unb64(atB.mls));
      if (got.kind !== 'application') throw new Error(got.kind);
      stateB = got.state;
      expect(read(got.plaintext)).toBe('今晚有人醒著嗎？睡不著。');

      const reply = await say(sockB, stateB, 'I am here, staying up with you.', 1);
      stateB = reply.state;
      const atA = await sockA.waitFor((f): f is Entry => f.t === 'entry' && f.seq === 3);
      const gotA = await processIncoming(stateA, unb64(atA.mls));
      if (gotA.kind !== 'application') throw new Error(gotA.kind);
      stateA = gotA.state;
      expect(read(gotA.plaintext)).toBe('I am here, staying up with you.');
    });

    it('acknowledges a resent client id with the same sequence number and stores it once', async () => {
      const enc = await encryptMessage(stateA, text('只送一次'));
      stateA = enc.state;
      sent.push('只送一次');
      const clientId = cid();
      const first = await sendAndAck(sockA, { clientId, circleId, kind: 'app', epoch: 1, mls: b64(enc.message) });
      const again = await sendAndAck(sockA, { clientId, circleId, kind: 'app', epoch: 1, mls: b64(enc.message) });
      expect(again).toEqual(first);
      const atB = await sockB.waitFor((f): f is Entry => f.t === 'entry' && f.seq === (first as { seq: number }).seq);
      const got = await processIncoming(stateB, unb64(atB.mls));
      if (got.kind === 'application') stateB = got.state;
      expect(sockB.entries(circleId).filter((e) => e.seq === (first as { seq: number }).seq)).toHaveLength(1);
    });

    it('accepts exactly one of two commits made for the same epoch; the other gets stale-epoch', async () => {
      const [ca, cb] = await Promise.all([updateOwnLeaf(stateA), updateOwnLeaf(stateB)]);
      const idsA = cid();
      const idsB = cid();
      const fromA = sockA.frames.length;
      const fromB = sockB.frames.length;
      sockA.send({ t: 'send', clientId: idsA, circleId, kind: 'commit', epoch: ca.epoch, mls: b64(ca.commit) });
      sockB.send({ t: 'send', clientId: idsB, circleId, kind: 'commit', epoch: cb.epoch, mls: b64(cb.commit) });
      const [ra, rb] = await Promise.all([sockA.waitFor(isAck(idsA), 10_000, fromA), sockB.waitFor(isAck(idsB), 10_000, fromB)]);
      const results = [ra, rb].map((r) => (r.t === 'ack' ? 'ack' : r.t === 'error' ? r.code : 'other')).sort();
      expect(results).toEqual(['ack', 'stale-epoch']);
      // Both sides move to the winner's epoch.
      const winnerIsA = ra.t === 'ack';
      const winnerSeq = ((winnerIsA ? ra : rb) as { seq: number }).seq;
      if (winnerIsA) {
        stateA = ca.state;
        const e = await sockB.waitFor((f): f is Entry => f.t === 'entry' && f.seq === winnerSeq);
        const r = await processIncoming(stateB, unb64(e.mls));
        if (r.kind !== 'commit') throw new Error(r.kind);
        stateB = r.state;
      } else {
        stateB = cb.state;
        const e = await sockA.waitFor((f): f is Entry => f.t === 'entry' && f.seq === winnerSeq);
        const r = await processIncoming(stateA, unb64(e.mls));
        if (r.kind !== 'commit') throw new Error(r.kind);
        stateA = r.state;
      }
      const after = await say(sockA, stateA, '新的一輪', 2);
      stateA = after.state;
      expect(after.ack.t).toBe('ack');
      const e = await sockB.waitFor((f): f is Entry => f.t === 'entry' && f.seq === (after.ack as { seq: number }).seq);
      const r = await processIncoming(stateB, unb64(e.mls));
      if (r.kind !== 'application') throw new Error(r.kind);
      stateB = r.state;
      expect(read(r.plaintext)).toBe('新的一輪');
    });

    it('resumes after a reconnect with every missed message exactly once, in order', async () => {
      const last = sockB.entries(circleId).at(-1)?.seq ?? 0;
      await sockB.close();
      const words = ['one', 'two', 'three', 'four', 'five'];
      const seqs: number[] = [];
      for (const w of words) {
        const r = await say(sockA, stateA, `missed ${w}`, 2);
        stateA = r.state;
        seqs.push((r.ack as { seq: number }).seq);
      }
      sockB = await TestSocket.open(s.base, b.session.token);
      sockB.send({ t: 'subscribe', circles: [{ circleId, after: last }] });
      await sockB.waitFor((f) => f.t === 'caught-up');
      const got = sockB.entries(circleId);
      expect(got.map((e) => e.seq)).toEqual(seqs);
      for (const [i, e] of got.entries()) {
        const r = await processIncoming(stateB, unb64(e.mls));
        if (r.kind !== 'application') throw new Error(r.kind);
        stateB = r.state;
        expect(read(r.plaintext)).toBe(`missed ${words[i]}`);
      }
    });

    it('stores none of the plaintext, on either engine', async () => {
      const dump = await dumpAllRows({ db: s.ctx.store['open'].db } as never);
      expect(dump).toContain(circleId);
      for (const words of sent) {
        expect(dump).not.toContain(words);
        expect(dump.includes(Buffer.from(words).toString('latin1'))).toBe(false);
      }
    });

    it('answers bad frames with an error frame and keeps serving', async () => {
      const stranger = await TestSocket.open(s.base);
      stranger.send({ t: 'send', clientId: cid(), circleId, kind: 'app', epoch: 2, mls: 'AAAA' });
      expect(await stranger.waitFor((f) => f.t === 'error')).toMatchObject({ code: 'unauthenticated' });
      await stranger.close();

      const before = sockA.frames.length;
      sockA.send('{not json');
      sockA.send({ t: 'teleport' });
      sockA.send('x'.repeat(300 * 1024));
      sockA.send({ t: 'send', clientId: cid(), circleId: '00000000-0000-4000-8000-000000000000', kind: 'app', epoch: 0, mls: 'AAAA' });
      sockA.send({ t: 'send', clientId: cid(), circleId, kind: 'app', epoch: 2, mls: b64(randomBytes(64)) });
      const enc = await encryptMessage(stateA, text('舊的 epoch'));
      stateA = enc.state;
      sockA.send({ t: 'send', clientId: cid(), circleId, kind: 'app', epoch: 1, mls: b64(enc.message) });
      await sockA.waitFor(() => sockA.frames.length - before >= 6);
      const codes = sockA.frames.slice(before).map((f) => (f.t === 'error' ? f.code : f.t));
      expect(codes).toEqual(['malformed', 'malformed', 'too-large', 'not-a-member', 'malformed', 'malformed']);
      const ok = await say(sockA, stateA, '還在', 2);
      stateA = ok.state;
      expect(ok.ack.t).toBe('ack');
    });

    it('removes a member with a commit: they are told, and can follow nothing after', async () => {
      const pending = await removeMembers(stateA, [idB.memberId]);
      const from = sockB.frames.length;
      const ack = await sendAndAck(sockA, { circleId, kind: 'commit', epoch: pending.epoch, mls: b64(pending.commit), removes: [b.session.accountId] });
      expect(ack.t).toBe('ack');
      stateA = pending.state;
      const commitEntry = await sockB.waitFor((f): f is Entry => f.t === 'entry' && f.kind === 'commit', 10_000, from);
      const r = await processIncoming(stateB, unb64(commitEntry.mls));
      expect(r.kind === 'commit' && r.removedMe).toBe(true);
      await sockB.waitFor((f) => f.t === 'removed' && f.circleId === circleId);

      const secret = await say(sockA, stateA, 'after you left', 3);
      stateA = secret.state;
      const seq = (secret.ack as { seq: number }).seq;
      await new Promise((res) => setTimeout(res, 200));
      expect(sockB.entries(circleId).some((e) => e.seq === seq)).toBe(false);
      const fromB = sockB.frames.length;
      sockB.send({ t: 'subscribe', circles: [{ circleId, after: 0 }] });
      expect(await sockB.waitFor((f) => f.t === 'error', 10_000, fromB)).toMatchObject({ code: 'not-a-member' });
    });

    it('sweeps ciphertext away when the disappearing timer runs out', async () => {
      expect((await s.ctx.store.read.circles.entriesAfter(circleId, 0, 1000, 0)).length).toBeGreaterThan(0);
      s.clock.now += DAY + 10 * 60_000;
      await sweepOnce(s.ctx.store, s.clock.now);
      expect(await s.ctx.store.read.circles.entriesAfter(circleId, 0, 1000, 0)).toEqual([]);
    });
  });
}

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath, type ServerFrame, type WatchQueueItem, type WatchRequestView, type WatchRespondersResponse } from '@lamplight/protocol';
import { dumpAllRows } from '@lamplight/storage';
import { testEngines } from '@lamplight/storage/testing';
import { call, invite, joinMember, login, startTestServer, type TestMember, type TestServer } from './client.js';
import { accountChannel, encodeFrame } from '../src/ws/frames.js';
import { TestSocket } from './ws-client.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const isNudge = (f: ServerFrame): boolean => f.t === 'watch';
/** Wait for a night-watch nudge after frame `from`: always the same contentless frame. */
async function nudged(sock: TestSocket, from: number): Promise<void> {
  expect(await sock.waitFor(isNudge, undefined, from)).toEqual({ t: 'watch' });
}

for (const engine of testEngines(process.env)) {
  describe(`night watch on ${engine.name}`, () => {
    let s: TestServer;
    let steward: TestMember;
    let watcher: TestMember;
    let member: TestMember;
    let watcherSock: TestSocket;
    let memberSock: TestSocket;

    beforeAll(async () => {
      s = await startTestServer(engine);
      steward = await joinMember(s.base, s.stewardSecret, '站長');
      watcher = await joinMember(s.base, (await invite(s.base, steward.session.token)).secret, '守夜人');
      member = await joinMember(s.base, (await invite(s.base, steward.session.token)).secret, '小雨');
    });
    afterAll(async () => {
      await watcherSock?.close();
      await memberSock?.close();
      await s.close();
    });

    const relogin = async (): Promise<void> => {
      for (const m of [steward, watcher, member]) m.session = (await login(s.base, m.session.deviceId, m.device)).body;
    };

    it('with nobody on duty, a request goes straight to the hotline hand-off', async () => {
      // Retention runs at start-up, before anyone has asked: it must leave a readable, empty ladder.
      await s.services.watch.prune(s.clock.now);
      const status = await call(s.base, 'GET', API.watchStatus, undefined, member.session.token);
      expect(status.body).toEqual({ onDutyNow: 0 });
      memberSock = await TestSocket.open(s.base, member.session.token);
      const m0 = memberSock.frames.length;
      const r = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'high', origin: 'self' }, member.session.token);
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'waiting', level: 'hotline', handoff: true, accompanied: false });
      await nudged(memberSock, m0);
      await call(s.base, 'POST', apiPath(API.watchRequestCancel, { requestId: r.body.requestId }), undefined, member.session.token);
    });

    it('only stewards make night-watchers; a responder publishes shifts; members see someone is on watch', async () => {
      const notSteward = await call(s.base, 'PUT', apiPath(API.watchResponder, { accountId: watcher.session.accountId }), { role: 'night-watcher', verified: false }, member.session.token);
      expect(notSteward.status).toBe(403);
      const set = await call(s.base, 'PUT', apiPath(API.watchResponder, { accountId: watcher.session.accountId }), { role: 'night-watcher', verified: false }, steward.session.token);
      expect(set.status).toBe(200);
      const shifts = await call(s.base, 'PUT', API.watchShifts, { shifts: [{ startsAt: s.clock.now - HOUR, endsAt: s.clock.now + 6 * HOUR }] }, watcher.session.token);
      expect(shifts.status).toBe(200);
      const bad = await call(s.base, 'PUT', API.watchShifts, { shifts: [{ startsAt: s.clock.now, endsAt: s.clock.now - 1 }] }, watcher.session.token);
      expect(bad.status).toBe(400);
      expect((await call(s.base, 'GET', API.watchStatus, undefined, member.session.token)).body).toEqual({ onDutyNow: 1 });
    });

    it('offers a request to the on-duty night-watcher, who accepts; the member is told, and never who', async () => {
      watcherSock = await TestSocket.open(s.base, watcher.session.token);
      let w0 = watcherSock.frames.length;
      let m0 = memberSock.frames.length;
      const r = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'imminent', origin: 'self' }, member.session.token);
      expect(r.body).toMatchObject({ level: 'night-watch', handoff: false });
      // The on-shift night-watcher is nudged, and reads the queue to see what changed.
      await nudged(watcherSock, w0);
      await nudged(memberSock, m0);
      const queue = await call<{ queue: WatchQueueItem[] }>(s.base, 'GET', API.watchQueue, undefined, watcher.session.token);
      expect(queue.body.queue.map((q) => q.requestId)).toEqual([r.body.requestId]);
      expect(queue.body.queue[0]?.memberAccountId).toBeUndefined();
      m0 = memberSock.frames.length;
      const accepted = await call<{ memberAccountId: string }>(s.base, 'POST', apiPath(API.watchRequestAccept, { requestId: r.body.requestId }), undefined, watcher.session.token);
      expect(accepted.body.memberAccountId).toBe(member.session.accountId);
      await nudged(memberSock, m0);
      const seen = await call<WatchRequestView>(s.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, member.session.token);
      expect(seen.body).toEqual({ requestId: r.body.requestId, status: 'accepted', level: 'night-watch', handoff: false, accompanied: true });
      expect(JSON.stringify(seen.body)).not.toContain(watcher.session.accountId);
      // Someone else's request is not theirs to read.
      expect((await call(s.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, steward.session.token)).status).toBe(404);

      m0 = memberSock.frames.length;
      w0 = watcherSock.frames.length;
      const closed = await call<WatchRequestView>(s.base, 'POST', apiPath(API.watchRequestClose, { requestId: r.body.requestId }), {}, watcher.session.token);
      expect(closed.body.status).toBe('closed');
      await nudged(memberSock, m0);
      // Closing an imminent request starts the responder's cool-down.
      await nudged(watcherSock, w0);
      const me = await call<{ coolDownUntil?: number }>(s.base, 'GET', API.watchMe, undefined, watcher.session.token);
      expect(me.body.coolDownUntil).toBe(s.clock.now + 20 * MIN);
    });

    it('climbs the ladder when nobody acknowledges in time, then hands off', async () => {
      s.clock.now += 21 * MIN;
      await relogin();
      let m0 = memberSock.frames.length;
      const r = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'high', origin: 'peer-ask' }, member.session.token);
      expect(r.body).toMatchObject({ level: 'night-watch', handoff: false });
      await nudged(memberSock, m0);
      s.clock.now += 5 * MIN - 1;
      await s.services.watch.tickIfDue(s.clock.now);
      expect((await call<WatchRequestView>(s.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, member.session.token)).body.handoff).toBe(false);
      s.clock.now += 1;
      m0 = memberSock.frames.length;
      await s.services.watch.tickIfDue(s.clock.now);
      // Offered to professional volunteers too (the night-watcher still sees it); none is on duty.
      const up = await call<WatchRequestView>(s.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, member.session.token);
      expect(up.body).toMatchObject({ level: 'professional', handoff: false });
      await nudged(memberSock, m0);
      s.clock.now += 5 * MIN;
      m0 = memberSock.frames.length;
      await s.services.watch.tickIfDue(s.clock.now);
      const after = await call<WatchRequestView>(s.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, member.session.token);
      expect(after.body).toMatchObject({ level: 'hotline', handoff: true, status: 'waiting' });
      await nudged(memberSock, m0);
      await call(s.base, 'POST', apiPath(API.watchRequestCancel, { requestId: r.body.requestId }), undefined, member.session.token);
    });

    it('sends nothing to a responder outside their shift', async () => {
      await call(s.base, 'PUT', API.watchShifts, { shifts: [{ startsAt: s.clock.now + 2 * HOUR, endsAt: s.clock.now + 4 * HOUR }] }, watcher.session.token);
      const from = watcherSock.frames.length;
      const r = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'concern', origin: 'self' }, member.session.token);
      expect(r.body.handoff).toBe(true);
      const q = await call<{ queue: WatchQueueItem[] }>(s.base, 'GET', API.watchQueue, undefined, watcher.session.token);
      expect(q.body.queue).toEqual([]);
      // A marker sent after the request on the same ordered channel: anything meant for the watcher arrived before it.
      await s.ctx.fanout.publish(accountChannel(watcher.session.accountId), encodeFrame({ t: 'pong' }));
      await watcherSock.waitFor((f) => f.t === 'pong', undefined, from);
      expect(watcherSock.frames.slice(from).filter((f) => f.t === 'watch')).toEqual([]);
      expect((await call(s.base, 'GET', API.watchStatus, undefined, member.session.token)).body).toEqual({ onDutyNow: 0, nextShiftStartsAt: s.clock.now + 2 * HOUR });
    });

    it('stewards see who keeps watch (ids, roles, badge, shift, caseload), and only stewards', async () => {
      const list = () => call<WatchRespondersResponse>(s.base, 'GET', API.watchResponders, undefined, steward.session.token);
      expect((await call(s.base, 'GET', API.watchResponders, undefined, member.session.token)).status).toBe(403);
      expect((await call(s.base, 'GET', API.watchResponders, undefined, watcher.session.token)).status).toBe(403);
      expect((await list()).body).toEqual({
        responders: [{ accountId: watcher.session.accountId, role: 'night-watcher', verified: false, caseloadCap: 2, onShift: false, caseload: 0 }],
      });
      const setRole = (body: unknown) => call(s.base, 'PUT', apiPath(API.watchResponder, { accountId: steward.session.accountId }), body, steward.session.token);
      expect((await setRole({ role: 'professional', verified: true, caseloadCap: 3 })).status).toBe(200);
      const byId = async () => new Map((await list()).body.responders.map((r) => [r.accountId, r]));
      expect((await byId()).get(steward.session.accountId)).toEqual({ accountId: steward.session.accountId, role: 'professional', verified: true, caseloadCap: 3, onShift: false, caseload: 0 });
      expect((await setRole({ role: 'night-watcher', verified: true })).status).toBe(200);
      expect((await byId()).get(steward.session.accountId)).toEqual({ accountId: steward.session.accountId, role: 'night-watcher', verified: false, caseloadCap: 2, onShift: false, caseload: 0 });
      // Nothing but ids and ladder facts: no pseudonym, no shift times.
      expect(JSON.stringify((await list()).body)).not.toMatch(/站長|守夜人|startsAt/u);

      for (const m of [steward, watcher]) await call(s.base, 'PUT', API.watchShifts, { shifts: [{ startsAt: s.clock.now - MIN, endsAt: s.clock.now + 2 * HOUR }] }, m.session.token);
      expect([...(await byId()).values()].map((r) => r.onShift)).toEqual([true, true]);

      // A request nudges both on-shift night-watchers; when one accepts, the other is nudged again (it left their queue).
      const other = await joinMember(s.base, (await invite(s.base, steward.session.token)).secret, '阿光');
      const stewardSock = await TestSocket.open(s.base, steward.session.token);
      const otherSock = await TestSocket.open(s.base, other.session.token);
      try {
        const o0 = otherSock.frames.length;
        const w0 = watcherSock.frames.length;
        let [s0, m0] = [stewardSock.frames.length, memberSock.frames.length];
        const r = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'high', origin: 'self' }, member.session.token);
        await Promise.all([nudged(watcherSock, w0), nudged(stewardSock, s0), nudged(memberSock, m0)]);
        [s0, m0] = [stewardSock.frames.length, memberSock.frames.length];
        expect((await call(s.base, 'POST', apiPath(API.watchRequestAccept, { requestId: r.body.requestId }), undefined, watcher.session.token)).status).toBe(200);
        await Promise.all([nudged(stewardSock, s0), nudged(memberSock, m0)]);
        expect((await byId()).get(watcher.session.accountId)).toMatchObject({ onShift: true, caseload: 1 });
        expect((await byId()).get(steward.session.accountId)).toMatchObject({ onShift: true, caseload: 0 });

        // Another member heard nothing of that request: their first nudge is about their own.
        const mine = await call<WatchRequestView>(s.base, 'POST', API.watchRequests, { tier: 'concern', origin: 'self' }, other.session.token);
        await nudged(otherSock, o0);
        expect(otherSock.frames.slice(o0).filter(isNudge)).toHaveLength(1);
        await call(s.base, 'POST', apiPath(API.watchRequestCancel, { requestId: mine.body.requestId }), undefined, other.session.token);
        await call(s.base, 'POST', apiPath(API.watchRequestClose, { requestId: r.body.requestId }), {}, watcher.session.token);
        expect((await byId()).get(watcher.session.accountId)).toMatchObject({ caseload: 0 });
      } finally {
        await stewardSock.close();
        await otherSock.close();
      }
      expect((await call(s.base, 'DELETE', apiPath(API.watchResponder, { accountId: steward.session.accountId }), undefined, steward.session.token)).status).toBe(204);
      expect((await list()).body.responders.map((r) => r.accountId)).toEqual([watcher.session.accountId]);
    });

    it('syncs encrypted blobs with version checks and a quota', async () => {
      const sealed = randomBytes(300).toString('base64url');
      const put = await call(s.base, 'PUT', apiPath(API.blob, { name: 'diary' }), { body: sealed, expectedVersion: 0 }, member.session.token);
      expect(put.body).toEqual({ name: 'diary', version: 1 });
      const stale = await call(s.base, 'PUT', apiPath(API.blob, { name: 'diary' }), { body: sealed, expectedVersion: 0 }, member.session.token);
      expect(stale.status).toBe(409);
      expect((await call(s.base, 'GET', apiPath(API.blob, { name: 'diary' }), undefined, member.session.token)).body).toEqual({ name: 'diary', version: 1, body: sealed });
      expect((await call(s.base, 'GET', apiPath(API.blob, { name: 'diary' }), undefined, watcher.session.token)).status).toBe(404);
      expect((await call(s.base, 'PUT', apiPath(API.blob, { name: 'Bad Name' }), { body: sealed, expectedVersion: 0 }, member.session.token)).status).toBe(400);
    });

    it('deleting an account scrubs it from the ladder and every table', async () => {
      const requests = await s.ctx.store.read.watch.requestsOf(member.session.accountId);
      expect(requests.length).toBeGreaterThan(0);
      expect((await call(s.base, 'DELETE', API.me, undefined, member.session.token)).status).toBe(204);
      const dump = await dumpAllRows({ db: s.ctx.store['open'].db } as never);
      expect(dump).not.toContain(member.session.accountId);
      for (const id of requests) expect(dump).not.toContain(id);
    });
  });
}

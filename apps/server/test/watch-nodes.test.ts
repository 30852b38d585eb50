import { Writable } from 'node:stream';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, apiPath, type ServerFrame, type WatchRequestView } from '@lamplight/protocol';
import { testEngines } from '@lamplight/storage/testing';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { closeContext, createContext, type AppContext } from '../src/context.js';
import { firstRun } from '../src/first-run.js';
import { createLogger } from '../src/log/logger.js';
import { call, invite, joinMember, type TestMember } from './client.js';
import { REPO_ROOT } from './harness.js';
import { TestSocket } from './ws-client.js';

/**
 * The night-watch nudge crosses nodes: two servers on one database and one
 * Redis; requests are made on one node while the member and the responder
 * are connected to the other.
 */

const redisUrl = process.env['TEST_REDIS_URL'];
const HOUR = 3_600_000;
const isNudge = (f: ServerFrame): boolean => f.t === 'watch';

type Node = Readonly<{ base: string; ctx: AppContext; app: FastifyInstance }>;

async function startNode(env: Record<string, string>, now: () => number): Promise<Node> {
  const quiet = new Writable({ write: (_c, _e, cb) => cb() });
  const config = loadConfig({ ...env, PORT: '0', REDIS_URL: redisUrl }, join(REPO_ROOT, 'apps/web/dist'));
  const ctx = await createContext(config, createLogger('info', quiet), now);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no address');
  return { base: `http://127.0.0.1:${addr.port}`, ctx, app };
}

for (const engine of testEngines(process.env)) {
  describe.runIf(redisUrl !== undefined && redisUrl !== '' ? true : process.env['CI'] === 'true')(`night-watch nudges across nodes on ${engine.name}`, () => {
    const clock = { now: Date.UTC(2026, 10, 21, 22) };
    let drop: () => Promise<void>;
    let a: Node;
    let b: Node;
    let watcher: TestMember;
    let member: TestMember;
    const sockets: TestSocket[] = [];

    beforeAll(async () => {
      if (redisUrl === undefined || redisUrl === '') throw new Error('CI=true but TEST_REDIS_URL is not set');
      const db = await engine.create();
      drop = db.drop;
      a = await startNode(db.env, () => clock.now);
      b = await startNode(db.env, () => clock.now);
      const link = await firstRun(a.ctx.store, clock.now, a.base);
      if (link === undefined) throw new Error('first run did not make an invitation');
      const steward = await joinMember(a.base, link.slice(link.indexOf('#') + 1), 'steward');
      watcher = await joinMember(a.base, (await invite(a.base, steward.session.token)).secret, 'watcher');
      member = await joinMember(a.base, (await invite(a.base, steward.session.token)).secret, 'member');
      await call(a.base, 'PUT', apiPath(API.watchResponder, { accountId: watcher.session.accountId }), { role: 'night-watcher', verified: false }, steward.session.token);
      await call(a.base, 'PUT', API.watchShifts, { shifts: [{ startsAt: clock.now - HOUR, endsAt: clock.now + HOUR }] }, watcher.session.token);
    });
    afterAll(async () => {
      for (const s of sockets) await s.close();
      for (const n of [a, b]) {
        if (n === undefined) continue;
        await n.app.close();
        await closeContext(n.ctx);
      }
      await drop?.();
    });

    it('a request made on one node nudges the on-shift responder and the member connected to the other', async () => {
      const watcherSock = await TestSocket.open(b.base, watcher.session.token);
      const memberSock = await TestSocket.open(b.base, member.session.token);
      sockets.push(watcherSock, memberSock);
      let [w0, m0] = [watcherSock.frames.length, memberSock.frames.length];
      const r = await call<WatchRequestView>(a.base, 'POST', API.watchRequests, { tier: 'imminent', origin: 'self' }, member.session.token);
      expect(r.status).toBe(201);
      expect(await watcherSock.waitFor(isNudge, undefined, w0)).toEqual({ t: 'watch' });
      expect(await memberSock.waitFor(isNudge, undefined, m0)).toEqual({ t: 'watch' });

      [w0, m0] = [watcherSock.frames.length, memberSock.frames.length];
      expect((await call(a.base, 'POST', apiPath(API.watchRequestAccept, { requestId: r.body.requestId }), undefined, watcher.session.token)).status).toBe(200);
      expect(await memberSock.waitFor(isNudge, undefined, m0)).toEqual({ t: 'watch' });
      // After the nudge, the member's refetch (on the other node) shows the change.
      const seen = await call<WatchRequestView>(b.base, 'GET', apiPath(API.watchRequest, { requestId: r.body.requestId }), undefined, member.session.token);
      expect(seen.body).toMatchObject({ status: 'accepted', accompanied: true });
      // The responder's own queue changed too (the request is now theirs).
      expect(await watcherSock.waitFor(isNudge, undefined, w0)).toEqual({ t: 'watch' });
    });
  });
}

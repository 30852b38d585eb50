import { DAY_MS, toDayPrecision } from '@lamplight/domain';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  API,
  createCircleRequest,
  keyPackageTakeRequest,
  keyPackagesUpload,
  type CircleView,
} from '@lamplight/protocol';
import { requireCaller } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';
import { readSettings } from './settings.js';

/** Key packages live as long as MLS lets them (28 days). */
export const KEY_PACKAGE_TTL_MS = 28 * DAY_MS;
/** Most unused key packages a member may park. */
export const MAX_KEY_PACKAGES = 50;

/** Circles over HTTP: create, list mine, the directory, join requests, members and key packages. */
export function registerCircleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.post(API.circles, async (req, reply): Promise<CircleView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(createCircleRequest, req.body);
    const settings = await readSettings(store.read);
    if (body.timerMs > settings.maxTimerMs) throw new HttpError(400, 'bad-request', 'That timer is longer than this community allows.');
    const id = randomUUID();
    await store.transact((tx) =>
      tx.circles.create(
        { id, epoch: 0, lastSeq: 0, timerMs: body.timerMs, listedName: body.listing?.name ?? null, listedTopic: body.listing?.topic ?? null, createdDay: toDayPrecision(now) },
        caller.account.id,
      ),
    );
    const view: CircleView = { circleId: id, role: 'moderator', timerMs: body.timerMs, epoch: 0, lastSeq: 0 };
    return reply.code(201).send(body.listing === undefined ? view : { ...view, listing: body.listing });
  });

  app.get(API.circles, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    const mine = await store.read.circles.circlesOf(caller.account.id);
    return {
      circles: mine.map((c) => ({
        circleId: c.id,
        role: c.role,
        timerMs: c.timerMs,
        epoch: c.epoch,
        lastSeq: c.lastSeq,
        ...(c.listedName === null ? {} : { listing: { name: c.listedName, topic: c.listedTopic ?? '' } }),
      })),
    };
  });

  app.get(API.circleDirectory, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    const mine = new Set((await store.read.circles.circlesOf(caller.account.id)).map((c) => c.id));
    const listed = await store.read.circles.listed();
    return { circles: listed.map((c) => ({ circleId: c.id, name: c.listedName ?? '', topic: c.listedTopic ?? '', member: mine.has(c.id) })) };
  });

  app.get<{ Params: { circleId: string } }>(API.circleMembers, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    if ((await store.read.circles.role(req.params.circleId, caller.account.id)) === undefined) throw new HttpError(404, 'not-found', 'No such circle.');
    const ids = await store.read.circles.memberIds(req.params.circleId);
    const out = [];
    for (const id of ids) out.push({ accountId: id, role: (await store.read.circles.role(req.params.circleId, id)) ?? 'member' });
    return { members: out };
  });

  app.post<{ Params: { circleId: string } }>(API.circleJoinRequests, async (req, reply) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const circle = await store.read.circles.circle(req.params.circleId);
    if (circle?.listedName === null || circle === undefined) throw new HttpError(404, 'not-found', 'No such circle in the directory.');
    await store.transact((tx) => tx.circles.requestJoin(circle.id, caller.account.id, toDayPrecision(now)));
    return reply.code(202).send({ requested: true });
  });

  app.get<{ Params: { circleId: string } }>(API.circleJoinRequests, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    if ((await store.read.circles.role(req.params.circleId, caller.account.id)) !== 'moderator') throw new HttpError(403, 'forbidden', 'Only moderators see join requests.');
    const ids = await store.read.circles.joinRequests(req.params.circleId);
    const requests = [];
    for (const id of ids) {
      const a = await store.read.accounts.byId(id);
      if (a !== undefined) requests.push({ accountId: a.id, pseudonym: a.pseudonym });
    }
    return { requests };
  });

  app.put(API.keyPackages, async (req, reply) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(keyPackagesUpload, req.body);
    const have = await store.read.circles.keyPackageCount(caller.account.id, now);
    if (have + body.keyPackages.length > MAX_KEY_PACKAGES) throw new HttpError(429, 'quota-exceeded', 'You already have enough key packages waiting.');
    await store.transact((tx) =>
      tx.circles.addKeyPackages(
        caller.account.id,
        body.keyPackages.map((k) => ({ id: randomUUID(), body: Buffer.from(k, 'base64url'), expiresAt: now + KEY_PACKAGE_TTL_MS })),
      ),
    );
    return reply.code(201).send({ stored: body.keyPackages.length });
  });

  app.post(API.keyPackageTake, async (req) => {
    const now = ctx.now();
    await requireCaller(req, store, now);
    const body = parseBody(keyPackageTakeRequest, req.body);
    const kp = await store.transact((tx) => tx.circles.takeKeyPackage(body.accountId, now));
    if (kp === undefined) throw new HttpError(404, 'not-found', 'That member has no key package right now; they need to open the app once.');
    return { keyPackage: Buffer.from(kp).toString('base64url') };
  });
}

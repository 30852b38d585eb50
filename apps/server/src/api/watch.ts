import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  DEFAULT_LADDER_CONFIG,
  caseloadOf,
  isOnShift,
  memberView,
  queueFor,
  watchStatusOf,
  type LadderError,
  type LadderEvent,
  type LadderState,
} from '@lamplight/domain';
import {
  API,
  MAX_SHIFT_LEAD_MS,
  MAX_SHIFT_MS,
  watchRequestClose,
  watchRequestCreate,
  watchResponderSet,
  watchShifts,
  type WatchMeView,
  type WatchQueueItem,
  type WatchRequestView,
  type WatchRespondersResponse,
  type WatchStatusView,
} from '@lamplight/protocol';
import { requireCaller, requireSteward, type Caller } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';
import type { WatchService } from '../watch/service.js';

function ladderHttpError(e: LadderError): HttpError {
  switch (e.code) {
    case 'unknown-request':
      return new HttpError(404, 'not-found', 'No such request.');
    case 'responder-unavailable':
      return new HttpError(409, 'conflict', e.reason === 'off-shift' ? 'You are not on a shift right now.' : e.reason === 'at-capacity' ? 'You are already with as many people as your limit allows.' : e.reason === 'cooling-down' ? 'You are in a short rest after a hard conversation. Take the time.' : 'This needs a verified badge.');
    case 'invalid-shift':
      return new HttpError(400, 'bad-request', 'Those shifts overlap or end before they start.');
    default:
      return new HttpError(409, 'conflict', 'That request has already moved on.');
  }
}

function view(requestId: string, state: LadderState): WatchRequestView {
  const v = memberView(requestId, state);
  if (v === undefined) throw new HttpError(404, 'not-found', 'No such request.');
  return { requestId, ...v };
}

/** The night watch: members ask for company, responders keep shifts and answer, stewards set roles. */
export function registerWatchRoutes(app: FastifyInstance, ctx: AppContext, watch: WatchService): void {
  const { store } = ctx;

  const ownRequest = async (caller: Caller, requestId: string): Promise<void> => {
    if ((await store.read.watch.ownerOf(requestId)) !== caller.account.id) throw new HttpError(404, 'not-found', 'No such request.');
  };
  const run = async (event: LadderEvent): Promise<LadderState> => {
    const r = await watch.apply(event);
    if (!r.ok) throw ladderHttpError(r.error);
    return r.state;
  };

  app.get(API.watchStatus, async (req): Promise<WatchStatusView> => {
    const now = ctx.now();
    await requireCaller(req, store, now);
    return watchStatusOf(await watch.state(now), now);
  });

  app.post(API.watchRequests, async (req, reply): Promise<WatchRequestView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(watchRequestCreate, req.body);
    const requestId = randomUUID();
    const r = await watch.apply({ type: 'request-created', at: now, requestId, tier: body.tier, origin: body.origin }, (tx) =>
      tx.watch.addRequest(requestId, caller.account.id, now),
    );
    if (!r.ok) throw ladderHttpError(r.error);
    return reply.code(201).send(view(requestId, r.state));
  });

  app.get<{ Params: { requestId: string } }>(API.watchRequest, async (req): Promise<WatchRequestView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    await ownRequest(caller, req.params.requestId);
    return view(req.params.requestId, await watch.state(now));
  });

  app.post<{ Params: { requestId: string } }>(API.watchRequestCancel, async (req): Promise<WatchRequestView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    await ownRequest(caller, req.params.requestId);
    return view(req.params.requestId, await run({ type: 'request-cancelled', at: now, requestId: req.params.requestId }));
  });

  app.post<{ Params: { requestId: string } }>(API.watchRequestClose, async (req): Promise<WatchRequestView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(watchRequestClose, req.body ?? {});
    const owner = await store.read.watch.ownerOf(req.params.requestId);
    const by = owner === caller.account.id ? ({ kind: 'member' } as const) : ({ kind: 'responder', responderId: caller.account.id } as const);
    if (owner === undefined) throw new HttpError(404, 'not-found', 'No such request.');
    const event: LadderEvent =
      body.checkInTomorrow === undefined
        ? { type: 'request-closed', at: now, requestId: req.params.requestId, by }
        : { type: 'request-closed', at: now, requestId: req.params.requestId, by, checkInTomorrow: body.checkInTomorrow };
    const state = await run(event);
    return view(req.params.requestId, state);
  });

  for (const [path, type] of [
    [API.watchRequestAccept, 'responder-accepted'],
    [API.watchRequestDecline, 'responder-declined'],
    [API.watchRequestRelease, 'responder-released'],
  ] as const) {
    app.post<{ Params: { requestId: string } }>(path, async (req) => {
      const now = ctx.now();
      const caller = await requireCaller(req, store, now);
      const state = await run({ type, at: now, requestId: req.params.requestId, responderId: caller.account.id });
      const request = state.requests[req.params.requestId];
      // The responder learns who to open a conversation with only once they have accepted.
      const memberAccountId = type === 'responder-accepted' ? await store.read.watch.ownerOf(req.params.requestId) : undefined;
      return { requestId: req.params.requestId, status: request?.status, ...(memberAccountId === undefined ? {} : { memberAccountId }) };
    });
  }

  app.get(API.watchQueue, async (req): Promise<{ queue: WatchQueueItem[] }> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const state = await watch.state(now);
    const me = state.responders[caller.account.id];
    if (me === undefined) throw new HttpError(403, 'forbidden', 'Only night-watchers and professional volunteers have a queue.');
    // Outside a shift a responder receives nothing.
    const waiting = isOnShift(me.shifts, now) ? queueFor(caller.account.id, state, now, DEFAULT_LADDER_CONFIG) : [];
    const mine = Object.values(state.requests).filter((r) => r.responderId === caller.account.id && r.status === 'accepted');
    const items: WatchQueueItem[] = [];
    for (const r of [...mine, ...waiting.filter((w) => w.responderId !== caller.account.id)]) {
      const memberAccountId = r.status === 'accepted' ? await store.read.watch.ownerOf(r.id) : undefined;
      items.push({
        requestId: r.id,
        tier: r.tier,
        origin: r.origin,
        createdAt: r.createdAt,
        status: r.status,
        level: r.level,
        mine: r.responderId === caller.account.id,
        ...(memberAccountId === undefined ? {} : { memberAccountId }),
      });
    }
    return { queue: items };
  });

  app.get(API.watchMe, async (req): Promise<WatchMeView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const state = await watch.state(now);
    const me = state.responders[caller.account.id];
    if (me === undefined) return { verified: false, onShift: false, shifts: [], caseload: 0, caseloadCap: DEFAULT_LADDER_CONFIG.defaultCaseloadCap };
    return {
      role: me.role,
      verified: me.verified,
      onShift: isOnShift(me.shifts, now),
      ...(me.coolDownUntil !== undefined && me.coolDownUntil > now ? { coolDownUntil: me.coolDownUntil } : {}),
      shifts: me.shifts.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt })),
      caseload: caseloadOf(caller.account.id, state).length,
      caseloadCap: me.caseloadCap ?? DEFAULT_LADDER_CONFIG.defaultCaseloadCap,
    };
  });

  app.put(API.watchShifts, async (req) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(watchShifts, req.body);
    for (const s of body.shifts) {
      if (s.endsAt <= s.startsAt || s.endsAt - s.startsAt > MAX_SHIFT_MS || s.startsAt > now + MAX_SHIFT_LEAD_MS) {
        throw new HttpError(400, 'bad-request', 'Each shift must end after it starts, last at most 16 hours, and start within 60 days.');
      }
    }
    const state = await watch.state(now);
    if (state.responders[caller.account.id] === undefined) throw new HttpError(403, 'forbidden', 'Ask a steward to make you a night-watcher first.');
    await run({ type: 'shifts-set', at: now, responderId: caller.account.id, shifts: [...body.shifts].sort((a, b) => a.startsAt - b.startsAt) });
    return { shifts: body.shifts };
  });

  // Stewards see who keeps watch by account id only (the screen puts the pseudonym the members list already shows beside it).
  app.get(API.watchResponders, async (req): Promise<WatchRespondersResponse> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    requireSteward(caller);
    const state = await watch.state(now);
    return {
      responders: Object.values(state.responders)
        .map((r) => ({
          accountId: r.id,
          role: r.role,
          verified: r.verified,
          caseloadCap: r.caseloadCap ?? DEFAULT_LADDER_CONFIG.defaultCaseloadCap,
          onShift: isOnShift(r.shifts, now),
          caseload: caseloadOf(r.id, state).length,
          ...(r.coolDownUntil !== undefined && r.coolDownUntil > now ? { coolDownUntil: r.coolDownUntil } : {}),
        }))
        .sort((a, b) => a.accountId.localeCompare(b.accountId)),
    };
  });

  app.put<{ Params: { accountId: string } }>(API.watchResponder, async (req) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    requireSteward(caller);
    const body = parseBody(watchResponderSet, req.body);
    if ((await store.read.accounts.byId(req.params.accountId)) === undefined) throw new HttpError(404, 'not-found', 'No such member.');
    const state = await watch.state(now);
    const shifts = state.responders[req.params.accountId]?.shifts ?? [];
    await run({
      type: 'responder-upserted',
      at: now,
      responder: {
        id: req.params.accountId,
        role: body.role,
        verified: body.role === 'professional' ? body.verified : false,
        shifts,
        ...(body.caseloadCap === undefined ? {} : { caseloadCap: body.caseloadCap }),
      },
    });
    return { accountId: req.params.accountId, role: body.role, verified: body.role === 'professional' && body.verified };
  });

  app.delete<{ Params: { accountId: string } }>(API.watchResponder, async (req, reply) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    requireSteward(caller);
    await run({ type: 'responder-removed', at: now, responderId: req.params.accountId });
    return reply.code(204).send();
  });
}

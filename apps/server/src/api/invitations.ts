import { DAY_MS, WEEK_MS, canCreateInvitation, toDayPrecision as dayOf } from '@lamplight/domain';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { API, communitySettings, invitationCreateRequest, type CommunitySettings, type InvitationView, type InvitationsResponse, type MembersResponse } from '@lamplight/protocol';
import type { InvitationRow } from '@lamplight/storage';
import { requireCaller, requireSteward } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';
import { readSettings } from './settings.js';
import { accountOnProbation, admissionConfig, asCommunityMember } from './admission.js';
import { WatchService } from '../watch/service.js';


function view(i: InvitationRow, now: number): InvitationView {
  const state = i.state === 'open' && i.expiresAt <= now ? 'expired' : i.state;
  return { invitationId: i.id, state, createdDay: i.createdDay, expiresAt: i.expiresAt };
}

/** Member invitations (with probation and weekly quota), the member list and steward settings. */
export function registerAdmissionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(API.invitations, async (req): Promise<InvitationsResponse> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const settings = await readSettings(store.read);
    const mine = await store.read.invitations.byInviter(caller.account.id);
    return {
      invitations: mine.map((i) => view(i, now)),
      quotaPerWeek: settings.invitationQuotaPerWeek,
      usedThisWeek: await store.read.invitations.countCreatedSince(caller.account.id, dayOf(now - WEEK_MS + DAY_MS)),
    };
  });

  app.post(API.invitations, async (req, reply): Promise<InvitationView> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const body = parseBody(invitationCreateRequest, req.body);
    const settings = await readSettings(store.read);
    const config = admissionConfig(settings);
    const member = asCommunityMember(caller.account, config);
    const row = await store.transact(async (tx) => {
      const used = await tx.invitations.countCreatedSince(caller.account.id, dayOf(now - WEEK_MS + DAY_MS));
      const may = canCreateInvitation(member, now, used, config);
      if (!may.ok) {
        if (may.reason === 'quota-exceeded') throw new HttpError(429, 'quota-exceeded', 'You have used this week’s invitations.');
        throw new HttpError(403, 'on-probation', 'New members can invite others once their first weeks here are over.');
      }
      if ((await tx.invitations.byHash(body.codeHash)) !== undefined) throw new HttpError(409, 'conflict', 'Make a new invitation and try again.');
      const inv: InvitationRow = {
        id: randomUUID(),
        codeHash: body.codeHash,
        kind: 'member',
        inviterId: caller.account.id,
        createdDay: dayOf(now),
        expiresAt: now + settings.invitationTtlHours * 60 * 60 * 1000,
        state: 'open',
      };
      await tx.invitations.create(inv);
      return inv;
    });
    return reply.code(201).send(view(row, now));
  });

  app.delete<{ Params: { invitationId: string } }>(API.invitation, async (req, reply) => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    const ok = await store.transact(async (tx) => {
      const mine = await tx.invitations.byInviter(caller.account.id);
      const inv = mine.find((i) => i.id === req.params.invitationId);
      if (inv === undefined) return false;
      await tx.invitations.revokeByInviter(caller.account.id, inv.id);
      return true;
    });
    if (!ok) throw new HttpError(404, 'not-found', 'No such invitation.');
    return reply.code(204).send();
  });

  app.get(API.members, async (req): Promise<MembersResponse> => {
    const now = ctx.now();
    const caller = await requireCaller(req, store, now);
    requireSteward(caller);
    const all = await store.read.accounts.all();
    const config = admissionConfig(await readSettings(store.read));
    return {
      members: all.map((a) => ({ accountId: a.id, pseudonym: a.pseudonym, role: a.role, onProbation: accountOnProbation(a, now, config), createdDay: a.createdDay })),
    };
  });

  app.delete<{ Params: { accountId: string } }>(API.member, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    requireSteward(caller);
    if (req.params.accountId === caller.account.id) throw new HttpError(400, 'bad-request', 'To leave, delete your own account from your settings.');
    const removed = await store.transact(async (tx) => {
      const requests = await tx.watch.requestsOf(req.params.accountId);
      const gone = await tx.accounts.deleteAccount(req.params.accountId);
      await WatchService.scrubAccount(tx, req.params.accountId, requests, ctx.now());
      return gone;
    });
    if (!removed) throw new HttpError(404, 'not-found', 'No such member.');
    return reply.code(204).send();
  });

  app.get(API.community, async (req): Promise<CommunitySettings> => {
    await requireCaller(req, store, ctx.now());
    return readSettings(store.read);
  });

  app.put(API.community, async (req): Promise<CommunitySettings> => {
    const caller = await requireCaller(req, store, ctx.now());
    requireSteward(caller);
    const settings = parseBody(communitySettings, req.body);
    await store.transact((tx) => tx.community.updateSettings(JSON.stringify(settings)));
    return settings;
  });
}

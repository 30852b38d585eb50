import { probationEndsAt, toDayPrecision as dayOf } from '@lamplight/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  API,
  CHALLENGE_BYTES,
  CHALLENGE_TTL_MS,
  DEVICE_LINK_TTL_MS,
  SESSION_TTL_MS,
  deviceLinkClaimRequest,
  deviceLinkCreateRequest,
  joinRequest,
  loginRequest,
  recoverRequest,
  type ChallengeResponse,
  type DevicesResponse,
  type MeResponse,
  type SessionResponse,
} from '@lamplight/protocol';
import { checkPseudonym } from '@lamplight/safety/pii';
import type { AccountRow, Transactor } from '@lamplight/storage';
import { randomToken, sha256Hex, verifyLoginSignature } from '../auth/keys.js';
import type { RateLimiter } from '../auth/rate-limit.js';
import { requireCaller } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';
import { readSettings } from './settings.js';
import { accountOnProbation, admissionConfig } from './admission.js';
import { WatchService } from '../watch/service.js';


const LOGIN_FAILED = new HttpError(401, 'login-failed', 'That did not work. Check the phrase or passphrase and try again.');
const INVITATION_INVALID = new HttpError(400, 'invitation-invalid', 'This invitation cannot be used. It may have expired or been used already; ask for a new one.');

/**
 * The audience a device signs for: the origin the member's browser is on.
 * A server that relays another server's challenge gets a signature for its
 * own origin, which the other server rejects.
 */
export function audienceOf(req: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return new URL(publicUrl).origin;
  return `http://${req.headers.host ?? ''}`;
}

/** Check a caller's address against a limit; the address is used only as an HMAC input in memory. */
function limit(limiter: RateLimiter, req: FastifyRequest, bucket: string, max: number, windowMs: number): void {
  if (!limiter.allow(bucket, req.socket.remoteAddress ?? 'unknown', max, windowMs)) {
    throw new HttpError(429, 'rate-limited', 'Too many attempts. Please wait a minute and try again.');
  }
}

async function takeChallengeOrFail(tx: Transactor, challengeId: string, now: number): Promise<Uint8Array> {
  const c = await tx.auth.takeChallenge(challengeId, now);
  if (c === undefined) throw new HttpError(400, 'challenge-invalid', 'The sign-in step took too long. Please try again.');
  return Buffer.from(c, 'base64url');
}

async function newSession(tx: Transactor, account: AccountRow, deviceId: string, now: number): Promise<SessionResponse> {
  const token = randomToken();
  const expiresAt = now + SESSION_TTL_MS;
  await tx.auth.createSession({ tokenHash: sha256Hex(token), accountId: account.id, deviceId, expiresAt });
  return { accountId: account.id, deviceId, role: account.role, token, expiresAt };
}

/** Challenge login, joining by invitation, recovery, sessions, devices and device links. */
export function registerIdentityRoutes(app: FastifyInstance, ctx: AppContext, limiter: RateLimiter): void {
  const { store } = ctx;

  app.post(API.challenge, async (req): Promise<ChallengeResponse> => {
    limit(limiter, req, 'challenge', 30, 60_000);
    const now = ctx.now();
    const challengeId = randomUUID();
    const challenge = randomBytes(CHALLENGE_BYTES).toString('base64url');
    const expiresAt = now + CHALLENGE_TTL_MS;
    await store.transact((tx) => tx.auth.createChallenge(challengeId, challenge, expiresAt));
    return { challengeId, challenge, expiresAt };
  });

  app.post(API.join, async (req, reply): Promise<SessionResponse> => {
    limit(limiter, req, 'join', 10, 60 * 60_000);
    const body = parseBody(joinRequest, req.body);
    const pseudonym = body.pseudonym.trim();
    const check = checkPseudonym(pseudonym);
    if (!check.ok) throw new HttpError(400, 'pseudonym-invalid', `The pseudonym cannot be used (${check.reason}).`, [`pseudonym: ${check.reason}`]);
    if (body.identityKey === body.deviceKey) throw new HttpError(400, 'bad-request', 'The device key must differ from the identity key.');
    const now = ctx.now();
    const audience = audienceOf(req, ctx.config.publicUrl);
    const settings = await readSettings(store.read);
    const session = await store.transact(async (tx) => {
      const challenge = await takeChallengeOrFail(tx, body.challengeId, now);
      if (
        !verifyLoginSignature(body.identityKey, challenge, audience, body.identitySignature) ||
        !verifyLoginSignature(body.deviceKey, challenge, audience, body.deviceSignature)
      ) {
        throw LOGIN_FAILED;
      }
      const invitation = await tx.invitations.byHash(sha256Hex(body.invitation));
      if (invitation === undefined || !(await tx.invitations.consume(invitation.id, now))) throw INVITATION_INVALID;
      if (invitation.kind === 'member' && (invitation.inviterId === null || (await tx.accounts.byId(invitation.inviterId)) === undefined)) {
        throw INVITATION_INVALID;
      }
      if ((await tx.accounts.byIdentityKey(body.identityKey)) !== undefined) throw new HttpError(409, 'conflict', 'This identity has already joined.');
      const steward = invitation.kind === 'steward';
      const account: AccountRow = {
        id: randomUUID(),
        role: steward ? 'steward' : 'member',
        pseudonym,
        identityKey: body.identityKey,
        kxKey: body.kxKey,
        createdDay: dayOf(now),
        probationUntil: steward ? now : probationEndsAt({ admittedAt: now }, admissionConfig(settings)),
        inviterId: steward ? null : invitation.inviterId,
      };
      await tx.accounts.create(account);
      const deviceId = randomUUID();
      await tx.accounts.addDevice({ id: deviceId, accountId: account.id, deviceKey: body.deviceKey, createdDay: dayOf(now) });
      return newSession(tx, account, deviceId, now);
    });
    return reply.code(201).send(session);
  });

  app.post(API.login, async (req): Promise<SessionResponse> => {
    limit(limiter, req, 'login', 20, 60_000);
    const body = parseBody(loginRequest, req.body);
    const now = ctx.now();
    const audience = audienceOf(req, ctx.config.publicUrl);
    return store.transact(async (tx) => {
      const challenge = await takeChallengeOrFail(tx, body.challengeId, now);
      const device = await tx.accounts.device(body.deviceId);
      const account = device === undefined ? undefined : await tx.accounts.byId(device.accountId);
      if (device === undefined || account === undefined || !verifyLoginSignature(device.deviceKey, challenge, audience, body.signature)) {
        throw LOGIN_FAILED;
      }
      return newSession(tx, account, device.id, now);
    });
  });

  app.post(API.recover, async (req): Promise<SessionResponse> => {
    limit(limiter, req, 'recover', 10, 60 * 60_000);
    const body = parseBody(recoverRequest, req.body);
    if (body.identityKey === body.deviceKey) throw new HttpError(400, 'bad-request', 'The device key must differ from the identity key.');
    const now = ctx.now();
    const audience = audienceOf(req, ctx.config.publicUrl);
    return store.transact(async (tx) => {
      const challenge = await takeChallengeOrFail(tx, body.challengeId, now);
      const account = await tx.accounts.byIdentityKey(body.identityKey);
      if (
        account === undefined ||
        !verifyLoginSignature(body.identityKey, challenge, audience, body.identitySignature) ||
        !verifyLoginSignature(body.deviceKey, challenge, audience, body.deviceSignature)
      ) {
        throw LOGIN_FAILED;
      }
      const deviceId = randomUUID();
      await tx.accounts.addDevice({ id: deviceId, accountId: account.id, deviceKey: body.deviceKey, createdDay: dayOf(now) });
      return newSession(tx, account, deviceId, now);
    });
  });

  app.post(API.logout, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    await store.transact((tx) => tx.auth.revokeSession(caller.tokenHash));
    return reply.code(204).send();
  });

  app.get(API.me, async (req): Promise<MeResponse> => {
    const now = ctx.now();
    const { account } = await requireCaller(req, store, now);
    return {
      accountId: account.id,
      role: account.role,
      pseudonym: account.pseudonym,
      createdDay: account.createdDay,
      probationUntil: account.probationUntil,
      onProbation: accountOnProbation(account, now, admissionConfig(await readSettings(store.read))),
    };
  });

  app.delete(API.me, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    await store.transact(async (tx) => {
      const requests = await tx.watch.requestsOf(caller.account.id);
      await tx.accounts.deleteAccount(caller.account.id);
      await WatchService.scrubAccount(tx, caller.account.id, requests, ctx.now());
    });
    return reply.code(204).send();
  });

  app.get(API.devices, async (req): Promise<DevicesResponse> => {
    const caller = await requireCaller(req, store, ctx.now());
    const devices = await store.read.accounts.devicesOf(caller.account.id);
    return { devices: devices.map((d) => ({ deviceId: d.id, createdDay: d.createdDay, current: d.id === caller.deviceId })) };
  });

  app.delete<{ Params: { deviceId: string } }>(API.device, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    const removed = await store.transact((tx) => tx.accounts.removeDevice(caller.account.id, req.params.deviceId));
    if (!removed) throw new HttpError(404, 'not-found', 'No such device.');
    return reply.code(204).send();
  });

  app.post(API.deviceLinks, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    const body = parseBody(deviceLinkCreateRequest, req.body);
    const now = ctx.now();
    await store.transact((tx) => tx.auth.createDeviceLink(body.linkId, caller.account.id, Buffer.from(body.sealed, 'base64url'), now + DEVICE_LINK_TTL_MS));
    return reply.code(201).send({ expiresAt: now + DEVICE_LINK_TTL_MS });
  });

  app.post(API.deviceLinkClaim, async (req) => {
    limit(limiter, req, 'link-claim', 10, 60_000);
    const body = parseBody(deviceLinkClaimRequest, req.body);
    const sealed = await store.transact((tx) => tx.auth.takeDeviceLink(body.linkId, ctx.now()));
    if (sealed === undefined) throw new HttpError(404, 'not-found', 'This code has expired or was already used. Make a new one on your other device.');
    return { sealed: Buffer.from(sealed).toString('base64url') };
  });

}

import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { generateIdentity, publicIdentity, signChallenge, type Identity } from '@lamplight/crypto';
import { API, type ChallengeResponse, type SessionResponse } from '@lamplight/protocol';
import type { TestDatabase } from '@lamplight/storage/testing';
import { buildApp, createServices, type Services } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { closeContext, createContext, type AppContext } from '../src/context.js';
import { firstRun } from '../src/first-run.js';
import { createLogger } from '../src/log/logger.js';
import { REPO_ROOT } from './harness.js';

/** A server in this process on a real port, with a clock the test moves. */
export type TestServer = Readonly<{
  base: string;
  ctx: AppContext;
  app: FastifyInstance;
  services: Services;
  clock: { now: number };
  stewardSecret: string;
  logs: string[];
  close(): Promise<void>;
}>;

export async function startTestServer(engine: TestDatabase): Promise<TestServer> {
  const db = await engine.create();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const clock = { now: Date.UTC(2026, 10, 21, 12) };
  const config = loadConfig({ ...db.env, PORT: '0' }, join(REPO_ROOT, 'apps/web/dist'));
  const ctx = await createContext(config, createLogger('info', sink), () => clock.now);
  const services = createServices(ctx);
  const app = await buildApp(ctx, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${addr.port}`;
  const link = await firstRun(ctx.store, clock.now, base);
  if (link === undefined) throw new Error('first run did not make an invitation');
  return {
    base,
    ctx,
    app,
    services,
    clock,
    logs,
    stewardSecret: link.slice(link.indexOf('#') + 1),
    close: async () => {
      await app.close();
      await closeContext(ctx);
      await db.drop();
    },
  };
}

/** A JSON request; returns status and parsed body. */
export async function call<T = unknown>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64url');

/** A member's device as the app holds it: identity (from the phrase) and a device key. */
export type TestMember = { phrase: string; identity: Identity; device: Identity; session: SessionResponse };

export async function challenge(base: string): Promise<ChallengeResponse> {
  return (await call<ChallengeResponse>(base, 'POST', API.challenge)).body;
}

/** Build a join request the way the app does. */
export async function joinBody(base: string, invitation: string, pseudonym: string, keys?: { identity: Identity; device: Identity }) {
  const identity = keys?.identity ?? (await generateIdentity('zh-TW')).identity;
  const device = keys?.device ?? (await generateIdentity('en')).identity;
  const c = await challenge(base);
  const bytes = Buffer.from(c.challenge, 'base64url');
  return {
    identity,
    device,
    body: {
      invitation,
      pseudonym,
      attestAdult: true,
      acceptGuidelines: true,
      identityKey: publicIdentity(identity).signPublicKey,
      kxKey: publicIdentity(identity).kxPublicKey,
      deviceKey: publicIdentity(device).signPublicKey,
      challengeId: c.challengeId,
      identitySignature: b64(await signChallenge(identity, bytes, base)),
      deviceSignature: b64(await signChallenge(device, bytes, base)),
    },
  };
}

export async function joinMember(base: string, invitation: string, pseudonym: string): Promise<TestMember> {
  const generated = await generateIdentity('zh-TW');
  const device = (await generateIdentity('en')).identity;
  const j = await joinBody(base, invitation, pseudonym, { identity: generated.identity, device });
  const res = await call<SessionResponse>(base, 'POST', API.join, j.body);
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { phrase: generated.phrase, identity: generated.identity, device, session: res.body };
}

export async function login(base: string, deviceId: string, device: Identity, audience = base) {
  const c = await challenge(base);
  const sig = b64(await signChallenge(device, Buffer.from(c.challenge, 'base64url'), audience));
  return call<SessionResponse>(base, 'POST', API.login, { deviceId, challengeId: c.challengeId, signature: sig });
}

/** Make an invitation the way the app does: a random secret, only its hash sent. */
export async function invite(base: string, token: string): Promise<{ secret: string; status: number; body: unknown }> {
  const { randomBytes, createHash } = await import('node:crypto');
  const secret = randomBytes(32).toString('base64url');
  const codeHash = createHash('sha256').update(secret).digest('hex');
  const res = await call(base, 'POST', API.invitations, { codeHash }, token);
  return { secret, status: res.status, body: res.body };
}

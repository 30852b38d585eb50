import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, publicIdentity, restoreIdentity, signChallenge } from '@lamplight/crypto';
import { API, SESSION_TTL_MS, apiPath, type InvitationsResponse, type MeResponse, type SessionResponse } from '@lamplight/protocol';
import { dumpAllRows } from '@lamplight/storage';
import { testEngines } from '@lamplight/storage/testing';
import { sweepOnce } from '../src/sweeper.js';
import { call, challenge, invite, joinMember, joinBody, login, startTestServer, type TestMember, type TestServer } from './client.js';

const DAY = 86_400_000;
const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64url');

for (const engine of testEngines(process.env)) {
  describe(`identity and admission on ${engine.name}`, () => {
    let s: TestServer;
    let steward: TestMember;
    const secrets: string[] = [];

    beforeAll(async () => {
      s = await startTestServer(engine);
      secrets.push(s.stewardSecret);
    });
    afterAll(async () => {
      await s.close();
    });

    const dump = () => dumpAllRows({ db: s.ctx.store['open'].db, dialect: s.ctx.store.dialect } as never);

    it('the first-run invitation makes the first member a steward, once', async () => {
      steward = await joinMember(s.base, s.stewardSecret, '小燈');
      expect(steward.session.role).toBe('steward');
      const again = await joinBody(s.base, s.stewardSecret, '第二個人');
      const res = await call(s.base, 'POST', API.join, again.body);
      expect(res).toEqual({ status: 400, body: { error: 'invitation-invalid', message: expect.any(String) } });
      const me = await call<MeResponse>(s.base, 'GET', API.me, undefined, steward.session.token);
      expect(me.body).toMatchObject({ role: 'steward', pseudonym: '小燈', onProbation: false });
    });

    it('rejects malformed, forged and expired invitations and changes nothing', async () => {
      const before = await dump();
      const forged = await joinBody(s.base, b64(new Uint8Array(32).fill(7)), '路人');
      expect((await call(s.base, 'POST', API.join, forged.body)).body).toMatchObject({ error: 'invitation-invalid' });
      const malformed = await joinBody(s.base, 'not-a-secret', '路人');
      expect((await call(s.base, 'POST', API.join, malformed.body)).body).toMatchObject({ error: 'bad-request' });
      const noAttest = await joinBody(s.base, b64(new Uint8Array(32)), '路人');
      expect((await call(s.base, 'POST', API.join, { ...noAttest.body, attestAdult: false })).status).toBe(400);
      const inv = await invite(s.base, steward.session.token);
      expect(inv.status).toBe(201);
      s.clock.now += 73 * 60 * 60 * 1000;
      const late = await joinBody(s.base, inv.secret, '遲到的人');
      expect((await call(s.base, 'POST', API.join, late.body)).body).toMatchObject({ error: 'invitation-invalid' });
      steward.session = (await login(s.base, steward.session.deviceId, steward.device)).body;
      const after = await dump();
      expect(after.split('\n').filter((l) => l.startsWith('accounts:')).length).toBe(before.split('\n').filter((l) => l.startsWith('accounts:')).length);
    });

    it('refuses a pseudonym that is too long or looks like a phone number or Line ID', async () => {
      const inv = await invite(s.base, steward.session.token);
      expect(inv.status).toBe(201);
      secrets.push(inv.secret);
      for (const bad of ['0912-345-678', 'line id: honey_88', '字'.repeat(33), '']) {
        const j = await joinBody(s.base, inv.secret, bad);
        const res = await call(s.base, 'POST', API.join, j.body);
        expect(res.status).toBe(400);
        expect((res.body as { error: string }).error).toMatch(/pseudonym-invalid|bad-request/u);
      }
      // The invitation was not spent by the refused attempts.
      const ok = await joinMember(s.base, inv.secret, '阿月');
      expect(ok.session.role).toBe('member');
    });

    let member: TestMember;

    it('keeps a new member on probation: no invitations until it ends, then the inviter link is erased', async () => {
      const inv = await invite(s.base, steward.session.token);
      secrets.push(inv.secret);
      member = await joinMember(s.base, inv.secret, '夜貓');
      const me = await call<MeResponse>(s.base, 'GET', API.me, undefined, member.session.token);
      expect(me.body.onProbation).toBe(true);
      const attempt = await invite(s.base, member.session.token);
      expect(attempt).toMatchObject({ status: 403, body: { error: 'on-probation' } });
      expect((await call<InvitationsResponse>(s.base, 'GET', API.invitations, undefined, member.session.token)).body.invitations).toEqual([]);
      expect(await dump()).toContain(steward.session.accountId);

      s.clock.now += 15 * DAY;
      await sweepOnce(s.ctx.store, s.clock.now);
      steward.session = (await login(s.base, steward.session.deviceId, steward.device)).body;
      const rows = (await dump()).split('\n').filter((l) => l.startsWith('accounts:') && l.includes(member.session.accountId));
      expect(rows[0]).toContain('"inviter_id":null');
      const relog = await login(s.base, member.session.deviceId, member.device);
      expect(relog.status).toBe(200);
      member.session = relog.body;
      expect((await invite(s.base, member.session.token)).status).toBe(201);
    });

    it('enforces the weekly invitation quota', async () => {
      const settings = await call(s.base, 'GET', API.community, undefined, steward.session.token);
      await call(s.base, 'PUT', API.community, { ...(settings.body as object), invitationQuotaPerWeek: 1 }, steward.session.token);
      // The member already used one invitation this week.
      expect(await invite(s.base, member.session.token)).toMatchObject({ status: 429, body: { error: 'quota-exceeded' } });
      await call(s.base, 'PUT', API.community, { ...(settings.body as object) }, steward.session.token);
    });

    it('keeps the probation a member joined with when a steward later changes the setting', async () => {
      const settings = await call(s.base, 'GET', API.community, undefined, steward.session.token);
      const inv = await invite(s.base, steward.session.token);
      secrets.push(inv.secret);
      const newcomer = await joinMember(s.base, inv.secret, '小雨');
      await call(s.base, 'PUT', API.community, { ...(settings.body as object), probationDays: 30 }, steward.session.token);
      s.clock.now += 15 * DAY;
      const relog = await login(s.base, newcomer.session.deviceId, newcomer.device);
      const me = await call<MeResponse>(s.base, 'GET', API.me, undefined, relog.body.token);
      expect(me.body.onProbation).toBe(false);
      expect((await invite(s.base, relog.body.token)).status).toBe(201);
      // A member joining now waits the new, longer probation.
      steward.session = (await login(s.base, steward.session.deviceId, steward.device)).body;
      const later = await invite(s.base, steward.session.token);
      secrets.push(later.secret);
      const next = await joinMember(s.base, later.secret, '阿光');
      s.clock.now += 15 * DAY;
      const nextRelog = await login(s.base, next.session.deviceId, next.device);
      expect((await invite(s.base, nextRelog.body.token))).toMatchObject({ status: 403, body: { error: 'on-probation' } });
      await call(s.base, 'PUT', API.community, { ...(settings.body as object) }, (await login(s.base, steward.session.deviceId, steward.device)).body.token);
    });

    it('logs in with a signed challenge; forged, replayed and wrong-audience signatures fail alike', async () => {
      const ok = await login(s.base, steward.session.deviceId, steward.device);
      expect(ok.status).toBe(200);
      expect(ok.body.accountId).toBe(steward.session.accountId);

      const stranger = (await generateIdentity('en')).identity;
      const forged = await login(s.base, steward.session.deviceId, stranger);
      expect(forged).toEqual({ status: 401, body: { error: 'login-failed', message: expect.any(String) } });

      const wrongAudience = await login(s.base, steward.session.deviceId, steward.device, 'https://evil.example');
      expect(wrongAudience.body).toMatchObject({ error: 'login-failed' });

      const c = await challenge(s.base);
      const sig = b64(await signChallenge(steward.device, Buffer.from(c.challenge, 'base64url'), s.base));
      const body = { deviceId: steward.session.deviceId, challengeId: c.challengeId, signature: sig };
      expect((await call(s.base, 'POST', API.login, body)).status).toBe(200);
      expect((await call(s.base, 'POST', API.login, body)).body).toMatchObject({ error: 'challenge-invalid' });

      const unknownDevice = await login(s.base, '00000000-0000-4000-8000-000000000000', steward.device);
      expect(unknownDevice.body).toEqual(forged.body);
    });

    it('expires and revokes session tokens', async () => {
      const fresh = await login(s.base, steward.session.deviceId, steward.device);
      const token = fresh.body.token;
      expect((await call(s.base, 'GET', API.me, undefined, token)).status).toBe(200);
      expect((await call(s.base, 'POST', API.logout, undefined, token)).status).toBe(204);
      expect((await call(s.base, 'GET', API.me, undefined, token)).body).toMatchObject({ error: 'unauthenticated' });

      const other = (await login(s.base, steward.session.deviceId, steward.device)).body.token;
      s.clock.now += SESSION_TTL_MS + 1;
      expect((await call(s.base, 'GET', API.me, undefined, other)).status).toBe(401);
      expect((await call(s.base, 'GET', API.me, undefined, 'x'.repeat(43))).status).toBe(401);
      steward.session = (await login(s.base, steward.session.deviceId, steward.device)).body;
      member.session = (await login(s.base, member.session.deviceId, member.device)).body;
    });

    it('recovers on a new device from the phrase, lists devices and revokes one', async () => {
      const restored = await restoreIdentity(member.phrase);
      expect(publicIdentity(restored).signPublicKey).toBe(publicIdentity(member.identity).signPublicKey);
      const newDevice = (await generateIdentity('en')).identity;
      const c = await challenge(s.base);
      const bytes = Buffer.from(c.challenge, 'base64url');
      const res = await call<SessionResponse>(s.base, 'POST', API.recover, {
        identityKey: publicIdentity(restored).signPublicKey,
        deviceKey: publicIdentity(newDevice).signPublicKey,
        challengeId: c.challengeId,
        identitySignature: b64(await signChallenge(restored, bytes, s.base)),
        deviceSignature: b64(await signChallenge(newDevice, bytes, s.base)),
      });
      expect(res.status).toBe(200);
      expect(res.body.accountId).toBe(member.session.accountId);

      const list = await call<{ devices: { deviceId: string; current: boolean }[] }>(s.base, 'GET', API.devices, undefined, res.body.token);
      expect(list.body.devices).toHaveLength(2);
      expect(list.body.devices.filter((d) => d.current).map((d) => d.deviceId)).toEqual([res.body.deviceId]);

      const revoke = await call(s.base, 'DELETE', apiPath(API.device, { deviceId: member.session.deviceId }), undefined, res.body.token);
      expect(revoke.status).toBe(204);
      expect((await call(s.base, 'GET', API.me, undefined, member.session.token)).status).toBe(401);
      expect((await login(s.base, member.session.deviceId, member.device)).status).toBe(401);
      member = { ...member, device: newDevice, session: res.body };

      const stranger = (await generateIdentity('en')).identity;
      const c2 = await challenge(s.base);
      const b2 = Buffer.from(c2.challenge, 'base64url');
      const unknown = await call(s.base, 'POST', API.recover, {
        identityKey: publicIdentity(stranger).signPublicKey,
        deviceKey: publicIdentity(newDevice).signPublicKey,
        challengeId: c2.challengeId,
        identitySignature: b64(await signChallenge(stranger, b2, s.base)),
        deviceSignature: b64(await signChallenge(newDevice, b2, s.base)),
      });
      expect(unknown.body).toMatchObject({ error: 'login-failed' });
    });

    it('parks a sealed device link once', async () => {
      const linkId = b64(new Uint8Array(32).fill(3));
      const sealed = b64(new Uint8Array(200).fill(9));
      expect((await call(s.base, 'POST', API.deviceLinks, { linkId, sealed }, member.session.token)).status).toBe(201);
      expect((await call(s.base, 'POST', API.deviceLinkClaim, { linkId })).body).toEqual({ sealed });
      expect((await call(s.base, 'POST', API.deviceLinkClaim, { linkId })).status).toBe(404);
    });

    it('deletes an account so that no row names the member', async () => {
      const inv = await invite(s.base, member.session.token);
      secrets.push(inv.secret);
      const id = member.session.accountId;
      const keys = publicIdentity(member.identity);
      expect(await dump()).toContain(id);
      expect((await call(s.base, 'DELETE', API.me, undefined, member.session.token)).status).toBe(204);
      const after = await dump();
      for (const needle of [id, keys.signPublicKey, keys.kxPublicKey, publicIdentity(member.device).signPublicKey, '夜貓']) {
        expect(after).not.toContain(needle);
      }
      expect((await call(s.base, 'GET', API.me, undefined, member.session.token)).status).toBe(401);
    });

    it('lets a steward revoke a member, and only a steward', async () => {
      const inv = await invite(s.base, steward.session.token);
      const m = await joinMember(s.base, inv.secret, '小雨');
      expect((await call(s.base, 'GET', API.members, undefined, m.session.token)).status).toBe(403);
      const members = await call<{ members: { accountId: string }[] }>(s.base, 'GET', API.members, undefined, steward.session.token);
      expect(members.body.members.map((x) => x.accountId)).toContain(m.session.accountId);
      expect((await call(s.base, 'DELETE', apiPath(API.member, { accountId: m.session.accountId }), undefined, steward.session.token)).status).toBe(204);
      expect((await call(s.base, 'GET', API.me, undefined, m.session.token)).status).toBe(401);
      expect(await dump()).not.toContain(m.session.accountId);
    });

    it('holds no invitation secret, IP address or user agent, and logs none', async () => {
      const everything = (await dump()) + s.logs.join('');
      for (const secret of secrets) expect(everything).not.toContain(secret);
      expect(everything).not.toMatch(/127\.0\.0\.1|node-fetch|undici|user-agent/iu);
    });
  });
}

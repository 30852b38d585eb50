import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, MAX_DIRECTORY_BYTES, type DirectoryPublished, type DirectoryView, type ErrorBody } from '@lamplight/protocol';
import { TAIWAN_DIRECTORY, type Directory, type DirectoryEntry } from '@lamplight/safety/directory';
import { testEngines } from '@lamplight/storage/testing';
import { call, invite, joinMember, startTestServer, type TestMember, type TestServer } from './client.js';

const NGO: DirectoryEntry = {
  id: 'local-ngo',
  name: { 'zh-TW': '在地互助站', en: 'Local mutual-aid line' },
  dial: '02-2555-0000',
  hours: { always: false, text: { 'zh-TW': '每天 10:00–22:00', en: 'Daily 10:00–22:00' } },
  purpose: { 'zh-TW': '在地的姊妹互助，不評判。', en: 'Local peer support, without judgement.' },
  kinds: ['community'],
  footer: true,
};

const edited: Directory = { ...TAIWAN_DIRECTORY, entries: [...TAIWAN_DIRECTORY.entries, NGO] };

for (const engine of testEngines(process.env)) {
  describe(`hotline directory on ${engine.name}`, () => {
    let s: TestServer;
    let steward: TestMember;
    let member: TestMember;

    beforeAll(async () => {
      s = await startTestServer(engine);
      steward = await joinMember(s.base, s.stewardSecret, '站長');
      member = await joinMember(s.base, (await invite(s.base, steward.session.token)).secret, '小雨');
    });
    afterAll(async () => {
      await s.close();
    });

    const current = async (): Promise<DirectoryView<Directory>> => (await call<DirectoryView<Directory>>(s.base, 'GET', API.directory)).body;

    it('serves the built-in directory without a session, revalidated by ETag', async () => {
      const res = await fetch(s.base + API.directory);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const etag = res.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/u);
      expect(await res.json()).toEqual({ directory: TAIWAN_DIRECTORY, revision: 0, source: 'built-in', updatedDay: null });
      const again = await fetch(s.base + API.directory, { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(304);
    });

    it('refuses to publish without a session (401) or as a member (403), and changes nothing', async () => {
      expect((await call(s.base, 'PUT', API.directory, { baseRevision: 0, directory: edited })).status).toBe(401);
      expect((await call(s.base, 'PUT', API.directory, { baseRevision: 0, directory: edited }, member.session.token)).status).toBe(403);
      expect((await call(s.base, 'DELETE', API.directory, { baseRevision: 0 })).status).toBe(401);
      expect((await call(s.base, 'DELETE', API.directory, { baseRevision: 0 }, member.session.token)).status).toBe(403);
      expect((await current()).revision).toBe(0);
    });

    it('refuses a malformed or oversized directory with a clear 400, and changes nothing', async () => {
      const noFooter = { ...edited, entries: edited.entries.map((e) => ({ ...e, footer: false })) };
      const bad = await call<ErrorBody>(s.base, 'PUT', API.directory, { baseRevision: 0, directory: noFooter }, steward.session.token);
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('bad-request');
      expect(bad.body.issues?.join(' ')).toMatch(/footer/u);

      const badDial = { ...edited, entries: [{ ...NGO, dial: 'call me' }] };
      expect((await call(s.base, 'PUT', API.directory, { baseRevision: 0, directory: badDial }, steward.session.token)).status).toBe(400);
      expect((await call(s.base, 'PUT', API.directory, { baseRevision: 0 }, steward.session.token)).status).toBe(400);
      expect((await call(s.base, 'PUT', API.directory, { baseRevision: -1, directory: edited }, steward.session.token)).status).toBe(400);

      // Valid by the schema (100 entries of long text) but over the size cap.
      const long = 'x'.repeat(400);
      const big: Directory = {
        ...edited,
        entries: Array.from({ length: 100 }, (_, i) => ({ ...NGO, id: `big-${i}`, name: { 'zh-TW': long, en: long }, purpose: { 'zh-TW': long, en: long } })),
      };
      expect(JSON.stringify(big).length).toBeGreaterThan(MAX_DIRECTORY_BYTES);
      const tooBig = await call<ErrorBody>(s.base, 'PUT', API.directory, { baseRevision: 0, directory: big }, steward.session.token);
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.message).toMatch(/larger than/u);

      expect(await current()).toEqual({ directory: TAIWAN_DIRECTORY, revision: 0, source: 'built-in', updatedDay: null });
    });

    it('publishes a steward edit that everyone then reads, with no trace of which steward', async () => {
      const put = await call<DirectoryPublished>(s.base, 'PUT', API.directory, { baseRevision: 0, directory: edited }, steward.session.token);
      expect(put.status).toBe(200);
      expect(put.body.revision).toBe(1);
      const now = await current();
      expect(now).toMatchObject({ directory: edited, revision: 1, source: 'community' });
      expect(now.updatedDay).toBe(put.body.updatedDay);
      const row = await s.ctx.store.read.directory.get();
      expect(row?.revision).toBe(1);
      expect(JSON.stringify(row)).not.toContain(steward.session.accountId);
    });

    it('refuses a stale overwrite with 409 and keeps the newer directory', async () => {
      const stale = await call<ErrorBody>(s.base, 'PUT', API.directory, { baseRevision: 0, directory: TAIWAN_DIRECTORY }, steward.session.token);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('conflict');
      expect((await call(s.base, 'DELETE', API.directory, { baseRevision: 0 }, steward.session.token)).status).toBe(409);
      expect(await current()).toMatchObject({ directory: edited, revision: 1, source: 'community' });
    });

    it('restores the built-in directory, and a later publish goes on from the new revision', async () => {
      const reset = await call<DirectoryPublished>(s.base, 'DELETE', API.directory, { baseRevision: 1 }, steward.session.token);
      expect(reset.status).toBe(200);
      expect(reset.body.revision).toBe(2);
      expect(await current()).toMatchObject({ directory: TAIWAN_DIRECTORY, revision: 2, source: 'built-in' });
      const again = await call<DirectoryPublished>(s.base, 'PUT', API.directory, { baseRevision: 2, directory: edited }, steward.session.token);
      expect(again.body.revision).toBe(3);
      expect(await current()).toMatchObject({ directory: edited, revision: 3, source: 'community' });
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, Store, listTables, runMigrations, type OpenDatabase } from '@lamplight/storage';
import { freshDatabase, testEngines } from '@lamplight/storage/testing';

/**
 * One contract suite for the storage port, run against every engine:
 * SQLite always, PostgreSQL whenever TEST_DATABASE_URL is set.
 */
for (const engine of testEngines(process.env)) {
  describe(`storage contract on ${engine.name}`, () => {
    let open: OpenDatabase;
    let store: Store;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const made = await freshDatabase(engine);
      open = made.open;
      drop = made.drop;
      store = new Store(open);
    });
    afterAll(async () => {
      await drop();
    });

    it('applies every migration and a second run applies none', async () => {
      const tables = await listTables(open);
      expect(tables).toEqual(expect.arrayContaining(['community', 'invitations']));
      expect(await open.migrate()).toEqual([]);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('creates the community exactly once', async () => {
      const first = await store.transact((tx) => tx.community.createIfAbsent(20_000 * 86_400_000, '{}'));
      const second = await store.transact((tx) => tx.community.createIfAbsent(20_001 * 86_400_000, '{"x":1}'));
      expect([first, second]).toEqual([true, false]);
      expect(await store.read.community.get()).toEqual({ createdDay: 20_000 * 86_400_000, settings: '{}' });
    });

    it('rolls a failed transaction back entirely', async () => {
      await expect(
        store.transact(async (tx) => {
          await tx.community.updateSettings('{"changed":true}');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.read.community.get())?.settings).toBe('{}');
    });

    it('consumes an invitation once, and never after expiry', async () => {
      const now = 1_800_000_000_000;
      const base = { kind: 'member' as const, inviterId: 'acct-a', createdDay: 0, state: 'open' as const };
      await store.transact(async (tx) => {
        await tx.invitations.create({ ...base, id: 'inv-1', codeHash: 'h1', expiresAt: now + 1000 });
        await tx.invitations.create({ ...base, id: 'inv-2', codeHash: 'h2', expiresAt: now - 1 });
      });
      const results = await Promise.all([
        store.transact((tx) => tx.invitations.consume('inv-1', now)),
        store.transact((tx) => tx.invitations.consume('inv-1', now)),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.transact((tx) => tx.invitations.consume('inv-2', now))).toBe(false);
      expect((await store.read.invitations.byHash('h1'))?.state).toBe('used');
      expect(await store.read.invitations.byHash('nope')).toBeUndefined();
    });

    it('rejects a duplicate invitation hash and changes nothing', async () => {
      const row = { id: 'inv-3', codeHash: 'h1', kind: 'member' as const, inviterId: null, createdDay: 0, expiresAt: 1, state: 'open' as const };
      await expect(store.transact((tx) => tx.invitations.create(row))).rejects.toThrow();
      expect((await store.read.invitations.byHash('h1'))?.id).toBe('inv-1');
    });

    it('counts and revokes by inviter', async () => {
      expect(await store.read.invitations.countCreatedSince('acct-a', 0)).toBe(2);
      expect(await store.transact((tx) => tx.invitations.revokeByInviter('acct-a'))).toBe(1);
      expect((await store.read.invitations.byInviter('acct-a')).map((i) => i.state).sort()).toEqual(['revoked', 'used']);
    });
  });

  describe(`migrations on ${engine.name}`, () => {
    it('each migration upgrades a database seeded in the previous shape', async () => {
      const made = await engine.create();
      const { openDatabase } = await import('@lamplight/storage');
      const open = openDatabase(made.config);
      try {
        for (const m of MIGRATIONS) {
          const applied = await runMigrations(open.db, open.dialect, MIGRATIONS, m.name);
          expect(applied).toEqual([m.name]);
        }
        expect(await open.migrate()).toEqual([]);
      } finally {
        await open.close();
        await made.drop();
      }
    });
  });
}

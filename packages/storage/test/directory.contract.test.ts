import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '@lamplight/storage';
import { freshDatabase, testEngines } from '@lamplight/storage/testing';

const DAY = 86_400_000;

/** The published hotline directory: one row, optimistic concurrency by revision, on every engine. */
for (const engine of testEngines(process.env)) {
  describe(`directory storage contract on ${engine.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;

    beforeAll(async () => {
      const made = await freshDatabase(engine);
      store = new Store(made.open);
      drop = made.drop;
    });
    afterAll(async () => {
      await drop();
    });

    it('has nothing published on a fresh server', async () => {
      expect(await store.read.directory.get()).toBeUndefined();
    });

    it('publishes once from revision 0, and a second publish from 0 is a conflict that changes nothing', async () => {
      const results = await Promise.all([
        store.transact((tx) => tx.directory.replace('{"a":1}', 0, 20_000 * DAY)),
        store.transact((tx) => tx.directory.replace('{"b":2}', 0, 20_000 * DAY)),
      ]);
      expect(results.filter((r) => r === 1)).toHaveLength(1);
      expect(results.filter((r) => r === undefined)).toHaveLength(1);
      const row = await store.read.directory.get();
      expect(row?.revision).toBe(1);
      expect(['{"a":1}', '{"b":2}']).toContain(row?.body);
    });

    it('replaces only from the current revision', async () => {
      expect(await store.transact((tx) => tx.directory.replace('{"c":3}', 1, 20_001 * DAY))).toBe(2);
      expect(await store.transact((tx) => tx.directory.replace('{"stale":true}', 1, 20_002 * DAY))).toBeUndefined();
      expect(await store.read.directory.get()).toEqual({ body: '{"c":3}', revision: 2, updatedDay: 20_001 * DAY });
    });

    it('lets two stewards race on one revision with exactly one winner', async () => {
      const results = await Promise.all([
        store.transact((tx) => tx.directory.replace('{"x":1}', 2, 20_003 * DAY)),
        store.transact((tx) => tx.directory.replace('{"y":1}', 2, 20_003 * DAY)),
      ]);
      expect(results.filter((r) => r === 3)).toHaveLength(1);
      expect((await store.read.directory.get())?.revision).toBe(3);
    });

    it('restores the built-in directory as a null body and keeps counting', async () => {
      expect(await store.transact((tx) => tx.directory.replace(null, 3, 20_004 * DAY))).toBe(4);
      expect(await store.read.directory.get()).toEqual({ body: null, revision: 4, updatedDay: 20_004 * DAY });
    });

    it('rolls back with the transaction', async () => {
      await expect(
        store.transact(async (tx) => {
          await tx.directory.replace('{"z":1}', 4, 20_005 * DAY);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.read.directory.get())?.revision).toBe(4);
    });
  });
}

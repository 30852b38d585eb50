import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, Store, type ManyEntry, type OpenDatabase, type StorageConfig } from '@lamplight/storage';
import { freshDatabase, testEngines } from '@lamplight/storage/testing';

const DAY = 86_400_000;
const T0 = 1_800_000_000_000;

for (const engine of testEngines(process.env)) {
  describe(`circle log contract on ${engine.name}`, () => {
    let open: OpenDatabase;
    let store: Store;
    let drop: () => Promise<void>;
    const circleId = '11111111-1111-4111-8111-111111111111';

    beforeAll(async () => {
      const made = await freshDatabase(engine);
      open = made.open;
      drop = made.drop;
      store = new Store(open);
      await store.transact(async (tx) => {
        for (const id of ['acct-a', 'acct-b']) {
          await tx.accounts.create({ id, role: 'member', pseudonym: id, identityKey: `ik-${id}`, kxKey: 'kx', createdDay: 0, probationUntil: 0, inviterId: null });
        }
        await tx.circles.create({ id: circleId, epoch: 0, lastSeq: 0, timerMs: DAY, listedName: null, listedTopic: null, createdDay: 0 }, 'acct-a');
        await tx.circles.setMember(circleId, 'acct-b', 'member');
      });
    });
    afterAll(async () => {
      await drop();
    });

    const entry = (clientId: string, kind: 'app' | 'commit', epoch: number) => ({
      circleId,
      kind,
      epoch,
      clientId,
      body: new Uint8Array([1, 2, 3, clientId.length]),
      storedAt: T0,
      expiresAt: T0 + DAY,
    });

    it('assigns consecutive sequence numbers and recognises a resent client id', async () => {
      const a = await store.transact((tx) => tx.circles.append(entry('client-aaaaaaaaaaaa-1', 'app', 0)));
      const b = await store.transact((tx) => tx.circles.append(entry('client-aaaaaaaaaaaa-2', 'app', 0)));
      const again = await store.transact((tx) => tx.circles.append(entry('client-aaaaaaaaaaaa-1', 'app', 0)));
      expect([a, b, again]).toEqual([
        { status: 'stored', seq: 1 },
        { status: 'stored', seq: 2 },
        { status: 'duplicate', seq: 1 },
      ]);
      const entries = await store.read.circles.entriesAfter(circleId, 0, 100, T0);
      expect(entries.map((e) => e.seq)).toEqual([1, 2]);
      expect(Array.from(entries[0]?.body ?? [])).toEqual([1, 2, 3, 21]);
    });

    it('accepts exactly one of two racing commits for the same epoch', async () => {
      const results = await Promise.all([
        store.transact((tx) => tx.circles.append(entry('commit-race-aaaaaaaa1', 'commit', 0))),
        store.transact((tx) => tx.circles.append(entry('commit-race-aaaaaaaa2', 'commit', 0))),
      ]);
      expect(results.filter((r) => r.status === 'stored')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'stale-epoch')).toEqual([{ status: 'stale-epoch', epoch: 1 }]);
      expect((await store.read.circles.circle(circleId))?.epoch).toBe(1);
    });

    it('refuses application messages from an old epoch and unknown circles', async () => {
      expect(await store.transact((tx) => tx.circles.append(entry('late-app-aaaaaaaaaaa', 'app', 0)))).toEqual({ status: 'stale-epoch', epoch: 1 });
      expect(await store.transact((tx) => tx.circles.append({ ...entry('x-aaaaaaaaaaaaaaaaaa', 'app', 0), circleId: '22222222-2222-4222-8222-222222222222' }))).toEqual({
        status: 'no-circle',
      });
    });

    it('keeps order under concurrent appends (no gaps, no repeats)', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.transact((tx) => tx.circles.append(entry(`burst-aaaaaaaaaaaa-${i}`, 'app', 1)))),
      );
      const seqs = results.map((r) => (r.status === 'stored' ? r.seq : -1)).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
    });

    it('hands out a key package once and routes membership', async () => {
      await store.transact((tx) => tx.circles.addKeyPackages('acct-b', [{ id: 'kp-1', body: new Uint8Array([9]), expiresAt: T0 + DAY }]));
      expect(Array.from((await store.transact((tx) => tx.circles.takeKeyPackage('acct-b', T0))) ?? [])).toEqual([9]);
      expect(await store.transact((tx) => tx.circles.takeKeyPackage('acct-b', T0))).toBeUndefined();
      expect(await store.read.circles.role(circleId, 'acct-a')).toBe('moderator');
      expect((await store.read.circles.circlesOf('acct-b')).map((c) => c.id)).toEqual([circleId]);
      expect(await store.transact((tx) => tx.circles.removeMember(circleId, 'acct-b'))).toBe(true);
      expect(await store.read.circles.role(circleId, 'acct-b')).toBeUndefined();
    });

    it('sweeps expired ciphertext away', async () => {
      expect((await store.read.circles.entriesAfter(circleId, 0, 100, T0)).length).toBeGreaterThan(0);
      await store.transact((tx) => tx.circles.sweepExpired(T0 + DAY));
      expect(await store.read.circles.entriesAfter(circleId, 0, 100, 0)).toEqual([]);
    });
  });
}

for (const engine of testEngines(process.env)) {
  describe(`circle batch append (appendMany) on ${engine.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let config: StorageConfig;
    const ids = Array.from({ length: 6 }, (_, i) => `3333333${i}-3333-4333-8333-333333333333`);
    const [c0, c1, c2, c3, c4, c5] = ids as [string, string, string, string, string, string];
    const gone = '44444444-4444-4444-8444-444444444444';
    const timers = [DAY, 2 * DAY, 3 * DAY, DAY, DAY, DAY];
    const MAX = 2.5 * DAY;
    const body = (n: number): Uint8Array => new Uint8Array([7, n % 256, Math.floor(n / 256) % 256]);
    const m = (circleId: string, clientId: string, n: number, epoch = 0, senderId = 'acct-m') => ({ circleId, epoch, clientId, body: body(n), senderId });
    const many = (entries: readonly ManyEntry[]) => store.appendMessages(entries, T0, MAX);

    beforeAll(async () => {
      const made = await freshDatabase(engine);
      drop = made.drop;
      config = made.config;
      store = new Store(made.open);
      await store.transact(async (tx) => {
        for (const id of ['acct-m', 'acct-x']) {
          await tx.accounts.create({ id, role: 'member', pseudonym: id, identityKey: `ik-${id}`, kxKey: 'kx', createdDay: 0, probationUntil: 0, inviterId: null });
        }
        for (const [i, id] of ids.entries()) {
          await tx.circles.create({ id, epoch: 0, lastSeq: 0, timerMs: timers[i] ?? DAY, listedName: null, listedTopic: null, createdDay: 0 }, 'acct-m');
        }
      });
    });
    afterAll(async () => {
      await drop();
    });

    it('stores messages of several circles with consecutive sequence numbers per circle, each expiring by its circle’s timer (capped)', async () => {
      const before = await store.transact((tx) => tx.circles.append({ circleId: c1, kind: 'app', epoch: 0, clientId: 'single-aaaaaaaaaaaa1', body: body(0), storedAt: T0, expiresAt: T0 + DAY }));
      expect(before).toEqual({ status: 'stored', seq: 1 });
      const results = await many([
        m(c0, 'many-aaaaaaaaaaaaaa1', 1),
        m(c1, 'many-aaaaaaaaaaaaaa2', 2),
        m(c0, 'many-aaaaaaaaaaaaaa3', 3),
        m(c2, 'many-aaaaaaaaaaaaaa4', 4),
        m(c1, 'many-aaaaaaaaaaaaaa5', 5),
      ]);
      expect(results).toEqual([
        { status: 'stored', seq: 1 },
        { status: 'stored', seq: 2 },
        { status: 'stored', seq: 2 },
        { status: 'stored', seq: 1 },
        { status: 'stored', seq: 3 },
      ]);
      const log1 = await store.read.circles.entriesAfter(c1, 0, 100, T0);
      expect(log1.map((e) => [e.seq, e.clientId, Array.from(e.body), e.kind, e.epoch, e.storedAt, e.expiresAt])).toEqual([
        [1, 'single-aaaaaaaaaaaa1', [7, 0, 0], 'app', 0, T0, T0 + DAY],
        [2, 'many-aaaaaaaaaaaaaa2', [7, 2, 0], 'app', 0, T0, T0 + 2 * DAY],
        [3, 'many-aaaaaaaaaaaaaa5', [7, 5, 0], 'app', 0, T0, T0 + 2 * DAY],
      ]);
      expect((await store.read.circles.entriesAfter(c2, 0, 100, T0)).map((e) => e.expiresAt)).toEqual([T0 + MAX]);
      expect((await store.read.circles.circle(c0))?.lastSeq).toBe(2);
      expect((await store.read.circles.circle(c1))?.lastSeq).toBe(3);
    });

    it('answers a client id stored before with its old sequence number, and a second copy in the call with the first’s answer', async () => {
      const results = await many([
        m(c0, 'many-aaaaaaaaaaaaaa3', 9),
        m(c0, 'twin-aaaaaaaaaaaaaa1', 10),
        m(c0, 'twin-aaaaaaaaaaaaaa1', 11),
        // The same client id in another circle is another message.
        m(c3, 'many-aaaaaaaaaaaaaa3', 12),
        m(c0, 'many-aaaaaaaaaaaaaa3', 13),
      ]);
      expect(results).toEqual([
        { status: 'duplicate', seq: 2 },
        { status: 'stored', seq: 3 },
        { status: 'stored', seq: 3 },
        { status: 'stored', seq: 1 },
        { status: 'duplicate', seq: 2 },
      ]);
      const log0 = await store.read.circles.entriesAfter(c0, 0, 100, T0);
      expect(log0.map((e) => [e.seq, Array.from(e.body)])).toEqual([
        [1, [7, 1, 0]],
        [2, [7, 3, 0]],
        [3, [7, 10, 0]],
      ]);
      expect((await store.read.circles.circle(c0))?.lastSeq).toBe(3);
    });

    it('refuses an old epoch, a sender not in the circle and an unknown circle without holding back the other circles', async () => {
      await store.transact((tx) => tx.circles.append({ circleId: c4, kind: 'commit', epoch: 0, clientId: 'commit-aaaaaaaaaaaa1', body: body(0), storedAt: T0, expiresAt: T0 + DAY }));
      const results = await many([
        m(c4, 'late-aaaaaaaaaaaaaa1', 1),
        m(gone, 'gone-aaaaaaaaaaaaaa1', 2),
        m(c4, 'now-aaaaaaaaaaaaaaa1', 3, 1),
        m(c5, 'fine-aaaaaaaaaaaaaa1', 4),
        m(c5, 'stranger-aaaaaaaaaa1', 5, 0, 'acct-x'),
        m(c4, 'late-aaaaaaaaaaaaaa2', 6),
      ]);
      expect(results).toEqual([
        { status: 'stale-epoch', epoch: 1 },
        { status: 'not-a-member' },
        { status: 'stored', seq: 2 },
        { status: 'stored', seq: 1 },
        { status: 'not-a-member' },
        { status: 'stale-epoch', epoch: 1 },
      ]);
      expect((await store.read.circles.entriesAfter(c4, 0, 100, T0)).map((e) => [e.seq, e.clientId, e.epoch])).toEqual([
        [1, 'commit-aaaaaaaaaaaa1', 0],
        [2, 'now-aaaaaaaaaaaaaaa1', 1],
      ]);
      expect((await store.read.circles.entriesAfter(c5, 0, 100, T0)).map((e) => e.clientId)).toEqual(['fine-aaaaaaaaaaaaaa1']);
      expect(await store.read.circles.entriesAfter(gone, 0, 100, T0)).toEqual([]);
    });

    it('returns nothing for nothing', async () => {
      expect(await many([])).toEqual([]);
    });

    it('takes part in the surrounding transaction: a rollback leaves neither entries nor sequence bumps', async () => {
      const before = (await store.read.circles.circle(c3))?.lastSeq;
      await expect(
        store.transact(async (tx) => {
          expect(await tx.circles.appendMany([m(c3, 'rolled-back-aaaaaaaa', 1)], T0, MAX)).toEqual([{ status: 'stored', seq: (before ?? 0) + 1 }]);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect((await store.read.circles.circle(c3))?.lastSeq).toBe(before);
      expect((await store.read.circles.entriesAfter(c3, 0, 100, T0)).map((e) => e.clientId)).not.toContain('rolled-back-aaaaaaaa');
    });

    it('keeps every circle gapless when batches over the same circles in opposite orders race', async () => {
      const start = await Promise.all(ids.map(async (id) => (await store.read.circles.circle(id))?.lastSeq ?? 0));
      const epochs = await Promise.all(ids.map(async (id) => (await store.read.circles.circle(id))?.epoch ?? 0));
      const batch = (n: number, order: readonly number[]) => many(order.flatMap((c) => [0, 1].map((k) => m(ids[c] ?? c0, `race-${n}-${c}-${k}-aaaaaaaaaa`, n, epochs[c] ?? 0))));
      const forward = [0, 1, 2, 3, 4, 5];
      const backward = [5, 4, 3, 2, 1, 0];
      const all = await Promise.all(Array.from({ length: 8 }, (_, n) => batch(n, n % 2 === 0 ? forward : backward)));
      expect(all.flat().every((r) => r.status === 'stored')).toBe(true);
      for (const [c, id] of ids.entries()) {
        const seqs = (await store.read.circles.entriesAfter(id, start[c] ?? 0, 1000, T0)).map((e) => e.seq);
        expect(seqs).toEqual(Array.from({ length: 16 }, (_, k) => (start[c] ?? 0) + k + 1));
      }
    });

    it('takes a batch larger than one SQLite statement can bind', async () => {
      // 4,200 rows of 8 values for one circle: more than one SQLite insert can bind.
      const n = 6_300;
      const start = (await store.read.circles.circle(c3))?.lastSeq ?? 0;
      const entries = Array.from({ length: n }, (_, k) => m(k % 3 === 0 ? c5 : c3, `bulk-${k}-aaaaaaaaaaaaa`, k));
      const results = await many(entries);
      expect(results.every((r) => r.status === 'stored')).toBe(true);
      const log3 = await store.read.circles.entriesAfter(c3, start, 10_000, T0);
      expect(log3).toHaveLength(4_200);
      expect(log3.map((e) => e.seq)).toEqual(Array.from({ length: 4_200 }, (_, k) => start + k + 1));
      expect(log3.map((e) => e.clientId)).toEqual(Array.from({ length: 4_200 }, (_, k) => `bulk-${k + Math.floor(k / 2) + 1}-aaaaaaaaaaaaa`));
      const again = await many(entries);
      expect(again).toEqual(results.map((r) => ({ status: 'duplicate', seq: r.status === 'stored' ? r.seq : -1 })));
    });

    it.runIf(engine.name === 'postgres')('locks the circles in id order before changing any (so concurrent writers cannot deadlock)', async () => {
      if (config.kind !== 'postgres') throw new Error('postgres only');
      // Created in reverse id order, so the table's physical order is not the id order.
      const locks = Array.from({ length: 5 }, (_, i) => `5555555${i}-5555-4555-8555-555555555555`);
      await store.transact(async (tx) => {
        for (const id of [...locks].reverse()) await tx.circles.create({ id, epoch: 0, lastSeq: 0, timerMs: DAY, listedName: null, listedTopic: null, createdDay: 0 }, 'acct-m');
      });
      const other = new pg.Client({ connectionString: config.url });
      await other.connect();
      try {
        await other.query('begin');
        await other.query('select id from circles where id = $1 for update', [locks[2]]);
        const writing = many([...locks].reverse().map((id, i) => m(id, `lock-order-${i}-aaaaaaaa`, i)));
        // Wait until the batch is blocked on the middle circle.
        for (let i = 0; i < 500; i++) {
          const r = await other.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
          if (Number(r.rows[0]?.n) > 0) break;
          await new Promise<void>((res) => setTimeout(res, 20));
        }
        // Circles after the blocked one are still free; those before it are held by the batch.
        await other.query('select id from circles where id = $1 for update nowait', [locks[4]]);
        await expect(other.query('select id from circles where id = $1 for update nowait', [locks[0]])).rejects.toMatchObject({ code: '55P03' });
        await other.query('rollback');
        expect((await writing).map((r) => r.status)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
      } finally {
        await other.end();
      }
    });

    it.runIf(engine.name === 'postgres')('prepares the batch statement once per connection, whatever the batch size', async () => {
      if (config.kind !== 'postgres') throw new Error('postgres only');
      const one = openDatabase({ ...config, poolSize: 1 });
      try {
        const single = new Store(one);
        expect(await single.appendMessages([m(c5, 'prepared-aaaaaaaaaaa1', 1)], T0, MAX)).toMatchObject([{ status: 'stored' }]);
        expect(await single.appendMessages([m(c5, 'prepared-aaaaaaaaaaa2', 2), m(c3, 'prepared-aaaaaaaaaaa3', 3)], T0, MAX)).toMatchObject([{ status: 'stored' }, { status: 'stored' }]);
        const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(one.db);
        expect(rows.map((r) => r.name)).toEqual(['circles_append_many']);
      } finally {
        await one.close();
      }
    });
  });
}

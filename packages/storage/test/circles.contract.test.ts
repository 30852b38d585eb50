import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store, type OpenDatabase } from '@lamplight/storage';
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

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Store, openDatabase, type StorageConfig } from '@lamplight/storage';

/** One load-generator client: who it is, which circle it follows, and how it authenticates. */
export type BenchClient = Readonly<{ index: number; circleId: string; token: string }>;

/** The population a scenario needs: `clients` members split into circles of `circleSize`. */
export type Population = Readonly<{ clients: readonly BenchClient[]; circleIds: readonly string[]; circleSize: number }>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Make the population in memory: every client's circle and a fresh session token. */
export function planPopulation(clients: number, circleSize: number): Population {
  const circles = Math.ceil(clients / circleSize);
  const circleIds = Array.from({ length: circles }, () => randomUUID());
  const list: BenchClient[] = [];
  for (let i = 0; i < clients; i++) {
    const circleId = circleIds[Math.floor(i / circleSize)];
    if (circleId === undefined) throw new Error('circle plan');
    list.push({ index: i, circleId, token: randomBytes(32).toString('base64url') });
  }
  return { clients: list, circleIds, circleSize };
}

/**
 * Write the population straight into our server's database (bench only):
 * accounts, devices, sessions (stored by SHA-256 of the token, as the server
 * looks them up), circles and memberships. Migrates first, so it may run
 * before the server has ever started.
 */
export async function seedPopulation(storage: StorageConfig, pop: Population, now: number): Promise<void> {
  const open = openDatabase(storage);
  try {
    await open.migrate();
    const store = new Store(open);
    const day = Math.floor(now / DAY_MS);
    const batch = 500;
    const accountIds = pop.clients.map(() => randomUUID());
    // Batches keep each transaction short on both engines.
    for (let start = 0; start < pop.clients.length; start += batch) {
      await store.transact(async (tx) => {
        for (const c of pop.clients.slice(start, start + batch)) {
          const accountId = accountIds[c.index] ?? '';
          const deviceId = randomUUID();
          await tx.accounts.create({
            id: accountId,
            role: 'member',
            pseudonym: `bench-${c.index}`,
            identityKey: randomBytes(32).toString('base64url'),
            kxKey: randomBytes(32).toString('base64url'),
            createdDay: day,
            probationUntil: 0,
            inviterId: null,
          });
          await tx.accounts.addDevice({ id: deviceId, accountId, deviceKey: randomBytes(32).toString('base64url'), createdDay: day });
          await tx.auth.createSession({ tokenHash: sha256Hex(c.token), accountId, deviceId, expiresAt: now + DAY_MS });
        }
      });
    }
    await store.transact(async (tx) => {
      for (let ci = 0; ci < pop.circleIds.length; ci++) {
        const circleId = pop.circleIds[ci] ?? '';
        const members = pop.clients.filter((c) => c.circleId === circleId);
        const first = members[0];
        if (first === undefined) continue;
        await tx.circles.create(
          { id: circleId, epoch: 0, lastSeq: 0, timerMs: DAY_MS, listedName: null, listedTopic: null, createdDay: day },
          accountIds[first.index] ?? '',
        );
        for (const m of members.slice(1)) await tx.circles.setMember(circleId, accountIds[m.index] ?? '', 'member');
      }
    });
  } finally {
    await open.close();
  }
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

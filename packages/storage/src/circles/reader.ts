import type { Kysely, Selectable } from 'kysely';
import type { CirclesTable, Database } from '../schema.js';

export type CircleRow = Readonly<{
  id: string;
  epoch: number;
  lastSeq: number;
  timerMs: number;
  listedName: string | null;
  listedTopic: string | null;
  createdDay: number;
}>;

export type CircleRole = 'member' | 'moderator';

/** One stored log entry: ciphertext and its place in the circle's order. */
export type EntryRow = Readonly<{
  circleId: string;
  seq: number;
  kind: 'app' | 'commit';
  epoch: number;
  clientId: string;
  body: Uint8Array;
  storedAt: number;
  expiresAt: number;
}>;

function toCircle(r: Selectable<CirclesTable>): CircleRow {
  return {
    id: r.id,
    epoch: Number(r.epoch),
    lastSeq: Number(r.last_seq),
    timerMs: Number(r.timer_ms),
    listedName: r.listed_name,
    listedTopic: r.listed_topic,
    createdDay: Number(r.created_day),
  };
}

/** Read access to circles, membership and the log. */
export class CircleReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async circle(id: string): Promise<CircleRow | undefined> {
    const r = await this.db.selectFrom('circles').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toCircle(r);
  }

  async role(circleId: string, accountId: string): Promise<CircleRole | undefined> {
    const r = await this.db
      .selectFrom('circle_members')
      .select('role')
      .where('circle_id', '=', circleId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return r?.role;
  }

  /** The circles an account is in, with its role. */
  async circlesOf(accountId: string): Promise<readonly (CircleRow & { role: CircleRole })[]> {
    const rows = await this.db
      .selectFrom('circle_members')
      .innerJoin('circles', 'circles.id', 'circle_members.circle_id')
      .selectAll('circles')
      .select('circle_members.role')
      .where('circle_members.account_id', '=', accountId)
      .orderBy('circles.created_day')
      .orderBy('circles.id')
      .execute();
    return rows.map((r) => ({ ...toCircle(r), role: r.role }));
  }

  async memberIds(circleId: string): Promise<readonly string[]> {
    const rows = await this.db.selectFrom('circle_members').select('account_id').where('circle_id', '=', circleId).execute();
    return rows.map((r) => r.account_id);
  }

  /** Entries after `after`, in order, at most `limit`, not yet expired. */
  async entriesAfter(circleId: string, after: number, limit: number, now: number): Promise<readonly EntryRow[]> {
    const rows = await this.db
      .selectFrom('circle_entries')
      .selectAll()
      .where('circle_id', '=', circleId)
      .where('seq', '>', after)
      .where('expires_at', '>', now)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      circleId: r.circle_id,
      seq: Number(r.seq),
      kind: r.kind,
      epoch: Number(r.epoch),
      clientId: r.client_id,
      body: new Uint8Array(r.body),
      storedAt: Number(r.stored_at),
      expiresAt: Number(r.expires_at),
    }));
  }

  async seqOfClientId(circleId: string, clientId: string): Promise<number | undefined> {
    const r = await this.db
      .selectFrom('circle_entries')
      .select('seq')
      .where('circle_id', '=', circleId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return r === undefined ? undefined : Number(r.seq);
  }

  /** Roles of these accounts in these circles, as `circleId accountId` → role. */
  async roles(pairs: readonly (readonly [string, string])[]): Promise<ReadonlyMap<string, CircleRole>> {
    if (pairs.length === 0) return new Map();
    const circles = [...new Set(pairs.map((p) => p[0]))];
    const accounts = [...new Set(pairs.map((p) => p[1]))];
    const rows = await this.db
      .selectFrom('circle_members')
      .select(['circle_id', 'account_id', 'role'])
      .where('circle_id', 'in', circles)
      .where('account_id', 'in', accounts)
      .execute();
    return new Map(rows.map((r) => [`${r.circle_id} ${r.account_id}`, r.role]));
  }

  async listed(): Promise<readonly CircleRow[]> {
    const rows = await this.db.selectFrom('circles').selectAll().where('listed_name', 'is not', null).orderBy('created_day').execute();
    return rows.map(toCircle);
  }

  async joinRequests(circleId: string): Promise<readonly string[]> {
    const rows = await this.db.selectFrom('join_requests').select('account_id').where('circle_id', '=', circleId).orderBy('created_day').execute();
    return rows.map((r) => r.account_id);
  }

  async welcomesFor(accountId: string, now: number): Promise<readonly { id: string; circleId: string; body: Uint8Array }[]> {
    const rows = await this.db
      .selectFrom('welcomes')
      .select(['id', 'circle_id', 'body'])
      .where('account_id', '=', accountId)
      .where('expires_at', '>', now)
      .execute();
    return rows.map((r) => ({ id: r.id, circleId: r.circle_id, body: new Uint8Array(r.body) }));
  }

  async keyPackageCount(accountId: string, now: number): Promise<number> {
    const r = await this.db
      .selectFrom('key_packages')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('account_id', '=', accountId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

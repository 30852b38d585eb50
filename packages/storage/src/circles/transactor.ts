import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { Database } from '../schema.js';
import { CircleReader, type CircleRole, type CircleRow, type EntryRow } from './reader.js';

/** What appending to the log did. */
export type AppendResult =
  | Readonly<{ status: 'stored'; seq: number }>
  | Readonly<{ status: 'duplicate'; seq: number }>
  | Readonly<{ status: 'stale-epoch'; epoch: number }>
  | Readonly<{ status: 'no-circle' }>;

/** One application message for {@link CircleTransactor.appendMany}. */
export type ManyEntry = Readonly<{ circleId: string; epoch: number; clientId: string; body: Uint8Array }>;

/**
 * A SQLite statement takes at most 32,766 bound values, so row lists are cut
 * into chunks; on PostgreSQL each column travels as one array parameter, so
 * a statement's text (and its plan) does not depend on the number of rows.
 */
const SQLITE_MAX_VALUES = 32_766;

const pairKey = (circleId: string, clientId: string): string => `${circleId}\n${clientId}`;

function chunks<T>(items: readonly T[], valuesPerItem: number): T[][] {
  const size = Math.max(1, Math.floor(SQLITE_MAX_VALUES / valuesPerItem));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** Write access to circles; only inside a transaction. */
export class CircleTransactor extends CircleReader {
  constructor(
    db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {
    super(db);
  }

  async create(c: CircleRow, creatorId: string): Promise<void> {
    await this.db
      .insertInto('circles')
      .values({
        id: c.id,
        epoch: c.epoch,
        last_seq: c.lastSeq,
        timer_ms: c.timerMs,
        listed_name: c.listedName,
        listed_topic: c.listedTopic,
        created_day: c.createdDay,
      })
      .execute();
    await this.setMember(c.id, creatorId, 'moderator');
  }

  async setMember(circleId: string, accountId: string, role: CircleRole): Promise<void> {
    await this.db
      .insertInto('circle_members')
      .values({ circle_id: circleId, account_id: accountId, role })
      .onConflict((oc) => oc.columns(['circle_id', 'account_id']).doUpdateSet({ role }))
      .execute();
    await this.db.deleteFrom('join_requests').where('circle_id', '=', circleId).where('account_id', '=', accountId).execute();
  }

  async removeMember(circleId: string, accountId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('circle_members').where('circle_id', '=', circleId).where('account_id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /**
   * Append one entry, assigning the next sequence number in the same
   * transaction. A commit is accepted only in the circle's current epoch and
   * moves it to the next; an application message must be in the current
   * epoch. A client id seen before returns the earlier sequence number.
   */
  async append(e: Omit<EntryRow, 'seq'>): Promise<AppendResult> {
    const seen = await this.seqOfClientId(e.circleId, e.clientId);
    if (seen !== undefined) return { status: 'duplicate', seq: seen };
    const bumped = await this.db
      .updateTable('circles')
      .set((eb) => ({
        last_seq: eb('last_seq', '+', 1),
        epoch: e.kind === 'commit' ? eb('epoch', '+', 1) : eb.ref('epoch'),
      }))
      .where('id', '=', e.circleId)
      .where('epoch', '=', e.epoch)
      .returning(['last_seq'])
      .executeTakeFirst();
    if (bumped === undefined) {
      const c = await this.circle(e.circleId);
      return c === undefined ? { status: 'no-circle' } : { status: 'stale-epoch', epoch: c.epoch };
    }
    const seq = Number(bumped.last_seq);
    await this.db
      .insertInto('circle_entries')
      .values({
        circle_id: e.circleId,
        seq,
        kind: e.kind,
        epoch: e.epoch,
        client_id: e.clientId,
        body: e.body,
        stored_at: e.storedAt,
        expires_at: e.expiresAt,
      })
      .execute();
    return { status: 'stored', seq };
  }

  /**
   * Append application messages of any number of circles in a fixed number
   * of statements, however many circles they span: one duplicate check, one
   * sequence bump of every circle (PostgreSQL locks the circles in id order
   * first, so concurrent writers cannot deadlock), one insert. Each entry gets
   * what {@link append} would have answered: `stored` with its sequence number
   * (consecutive within a circle, in the order given), `duplicate` with the
   * earlier one, `stale-epoch` when its circle has moved on, `no-circle`. A
   * client id given twice for a circle is stored once; both get the first
   * copy's answer. `expiresAt` turns the circle's timer into the expiry.
   */
  async appendMany(entries: readonly ManyEntry[], storedAt: number, expiresAt: (timerMs: number) => number): Promise<readonly AppendResult[]> {
    const firstCopy = new Map<string, number>();
    const unique: number[] = [];
    entries.forEach((e, i) => {
      const k = pairKey(e.circleId, e.clientId);
      if (!firstCopy.has(k)) {
        firstCopy.set(k, i);
        unique.push(i);
      }
    });
    const at = (i: number): ManyEntry => entries[i] as ManyEntry;
    const results = new Map<number, AppendResult>();
    const seen = await this.seqsOfClientIds(unique.map((i) => [at(i).circleId, at(i).clientId] as const));
    const groups = new Map<string, { circleId: string; epoch: number; members: number[] }>();
    for (const i of unique) {
      const e = at(i);
      const old = seen.get(pairKey(e.circleId, e.clientId));
      if (old !== undefined) {
        results.set(i, { status: 'duplicate', seq: old });
        continue;
      }
      const k = `${e.circleId} ${e.epoch}`;
      const g = groups.get(k);
      if (g === undefined) groups.set(k, { circleId: e.circleId, epoch: e.epoch, members: [i] });
      else g.members.push(i);
    }
    const bumped = await this.bumpCircles([...groups.values()].map((g) => ({ id: g.circleId, epoch: g.epoch, n: g.members.length })));
    const rows: EntryRow[] = [];
    const missed: { circleId: string; members: number[] }[] = [];
    for (const g of groups.values()) {
      const b = bumped.get(`${g.circleId} ${g.epoch}`);
      if (b === undefined) {
        missed.push(g);
        continue;
      }
      const first = b.lastSeq - g.members.length + 1;
      const expiry = expiresAt(b.timerMs);
      g.members.forEach((i, k) => {
        const e = at(i);
        rows.push({ circleId: e.circleId, seq: first + k, kind: 'app', epoch: e.epoch, clientId: e.clientId, body: e.body, storedAt, expiresAt: expiry });
        results.set(i, { status: 'stored', seq: first + k });
      });
    }
    if (missed.length > 0) {
      // Rare: a circle that moved on or is gone. Same answers as append.
      const now = await this.epochsOf([...new Set(missed.map((g) => g.circleId))]);
      for (const g of missed) {
        const epoch = now.get(g.circleId);
        for (const i of g.members) results.set(i, epoch === undefined ? { status: 'no-circle' } : { status: 'stale-epoch', epoch });
      }
    }
    await this.insertEntries(rows);
    return entries.map((e, i) => {
      const r = results.get(firstCopy.get(pairKey(e.circleId, e.clientId)) ?? i);
      if (r === undefined) throw new Error('appendMany: an entry got no result');
      return r;
    });
  }

  /** Stored sequence numbers of these (circle, client id) pairs, by {@link pairKey}. */
  private async seqsOfClientIds(pairs: readonly (readonly [string, string])[]): Promise<ReadonlyMap<string, number>> {
    const out = new Map<string, number>();
    if (pairs.length === 0) return out;
    type Row = { circle_id: string; client_id: string; seq: number | string };
    const queries: RawBuilder<Row>[] =
      this.dialect === 'postgres'
        ? [
            sql<Row>`select e.circle_id, e.client_id, e.seq
              from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as v(circle_id, client_id)
              join circle_entries e on e.circle_id = v.circle_id and e.client_id = v.client_id`,
          ]
        : chunks(pairs, 2).map(
            (part) =>
              sql<Row>`select circle_id, client_id, seq from circle_entries
                where (circle_id, client_id) in (values ${sql.join(part.map((p) => sql`(${p[0]}, ${p[1]})`))})`,
          );
    for (const q of queries) {
      for (const r of (await q.execute(this.db)).rows) out.set(pairKey(r.circle_id, r.client_id), Number(r.seq));
    }
    return out;
  }

  /**
   * Add `n` to the sequence of each circle still in `epoch`; the new last
   * sequence number and the timer of each, by `circleId epoch`. On
   * PostgreSQL the rows are locked in id order before any is changed.
   */
  private async bumpCircles(bumps: readonly { id: string; epoch: number; n: number }[]): Promise<ReadonlyMap<string, { lastSeq: number; timerMs: number }>> {
    const out = new Map<string, { lastSeq: number; timerMs: number }>();
    if (bumps.length === 0) return out;
    type Row = { id: string; epoch: number | string; last_seq: number | string; timer_ms: number | string };
    const sorted = [...bumps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const queries: RawBuilder<Row>[] =
      this.dialect === 'postgres'
        ? [
            sql<Row>`with v as (
                select * from unnest(${sorted.map((b) => b.id)}::text[], ${sorted.map((b) => b.epoch)}::bigint[], ${sorted.map((b) => b.n)}::bigint[]) as v(id, epoch, n)
              ), locked as materialized (
                select c.id from circles c where c.id in (select id from v) order by c.id for update
              )
              update circles set last_seq = circles.last_seq + v.n
              from v
              where circles.id = v.id and circles.epoch = v.epoch and circles.id in (select id from locked)
              returning circles.id, circles.epoch, circles.last_seq, circles.timer_ms`,
          ]
        : chunks(sorted, 3).map(
            (part) =>
              sql<Row>`with v(id, epoch, n) as (values ${sql.join(part.map((b) => sql`(${b.id}, ${b.epoch}, ${b.n})`))})
                update circles set last_seq = circles.last_seq + v.n
                from v
                where circles.id = v.id and circles.epoch = v.epoch
                returning id, epoch, last_seq, timer_ms`,
          );
    for (const q of queries) {
      for (const r of (await q.execute(this.db)).rows) out.set(`${r.id} ${Number(r.epoch)}`, { lastSeq: Number(r.last_seq), timerMs: Number(r.timer_ms) });
    }
    return out;
  }

  private async epochsOf(ids: readonly string[]): Promise<ReadonlyMap<string, number>> {
    const rows = await this.db.selectFrom('circles').select(['id', 'epoch']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, Number(r.epoch)]));
  }

  private async insertEntries(rows: readonly EntryRow[]): Promise<void> {
    if (rows.length === 0) return;
    if (this.dialect === 'postgres') {
      await sql`insert into circle_entries (circle_id, seq, kind, epoch, client_id, body, stored_at, expires_at)
        select circle_id, seq, kind, epoch, client_id, body, stored_at, expires_at
        from unnest(
          ${rows.map((r) => r.circleId)}::text[], ${rows.map((r) => r.seq)}::bigint[], ${rows.map((r) => r.kind)}::text[],
          ${rows.map((r) => r.epoch)}::bigint[], ${rows.map((r) => r.clientId)}::text[], ${rows.map((r) => asBuffer(r.body))}::bytea[],
          ${rows.map((r) => r.storedAt)}::bigint[], ${rows.map((r) => r.expiresAt)}::bigint[]
        ) as t(circle_id, seq, kind, epoch, client_id, body, stored_at, expires_at)`.execute(this.db);
      return;
    }
    for (const part of chunks(rows, 8)) {
      await this.db
        .insertInto('circle_entries')
        .values(
          part.map((r) => ({
            circle_id: r.circleId,
            seq: r.seq,
            kind: r.kind,
            epoch: r.epoch,
            client_id: r.clientId,
            body: r.body,
            stored_at: r.storedAt,
            expires_at: r.expiresAt,
          })),
        )
        .execute();
    }
  }

  async addKeyPackages(accountId: string, packages: readonly { id: string; body: Uint8Array; expiresAt: number }[]): Promise<void> {
    if (packages.length === 0) return;
    await this.db
      .insertInto('key_packages')
      .values(packages.map((p) => ({ id: p.id, account_id: accountId, body: p.body, expires_at: p.expiresAt })))
      .execute();
  }

  /** Take (once) one of a member's key packages, oldest first. */
  async takeKeyPackage(accountId: string, now: number): Promise<Uint8Array | undefined> {
    const r = await this.db
      .selectFrom('key_packages')
      .select(['id', 'body'])
      .where('account_id', '=', accountId)
      .where('expires_at', '>', now)
      .orderBy('expires_at')
      .limit(1)
      .executeTakeFirst();
    if (r === undefined) return undefined;
    const del = await this.db.deleteFrom('key_packages').where('id', '=', r.id).executeTakeFirst();
    return Number(del.numDeletedRows) === 1 ? new Uint8Array(r.body) : undefined;
  }

  async addWelcome(w: { id: string; accountId: string; circleId: string; body: Uint8Array; expiresAt: number }): Promise<void> {
    await this.db.insertInto('welcomes').values({ id: w.id, account_id: w.accountId, circle_id: w.circleId, body: w.body, expires_at: w.expiresAt }).execute();
  }

  async deleteWelcome(id: string, accountId: string): Promise<void> {
    await this.db.deleteFrom('welcomes').where('id', '=', id).where('account_id', '=', accountId).execute();
  }

  async requestJoin(circleId: string, accountId: string, day: number): Promise<void> {
    await this.db
      .insertInto('join_requests')
      .values({ circle_id: circleId, account_id: accountId, created_day: day })
      .onConflict((oc) => oc.columns(['circle_id', 'account_id']).doNothing())
      .execute();
  }

  /** Delete entries, key packages and welcomes past their time. */
  async sweepExpired(now: number): Promise<number> {
    const a = await this.db.deleteFrom('circle_entries').where('expires_at', '<=', now).executeTakeFirst();
    const b = await this.db.deleteFrom('key_packages').where('expires_at', '<=', now).executeTakeFirst();
    const c = await this.db.deleteFrom('welcomes').where('expires_at', '<=', now).executeTakeFirst();
    return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
  }
}

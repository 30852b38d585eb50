import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { Database } from '../schema.js';
import { appendMany, type ManyEntry, type ManyResult } from './append-many.js';
import { CircleReader, type CircleRole, type CircleRow, type EntryRow } from './reader.js';

/** What appending to the log did. */
export type AppendResult =
  | Readonly<{ status: 'stored'; seq: number }>
  | Readonly<{ status: 'duplicate'; seq: number }>
  | Readonly<{ status: 'stale-epoch'; epoch: number }>
  | Readonly<{ status: 'no-circle' }>;

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

  /** Append application messages of any number of circles in one go: see {@link appendMany}. */
  appendMany(entries: readonly ManyEntry[], storedAt: number, maxTimerMs: number): Promise<readonly ManyResult[]> {
    return appendMany(this.db, this.dialect, entries, storedAt, maxTimerMs);
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

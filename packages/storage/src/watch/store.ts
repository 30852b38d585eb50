import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { Database } from '../schema.js';

const LADDER_ROW = 'ladder';

/** Read access to the night watch. */
export class WatchReader {
  constructor(protected readonly db: Kysely<Database>) {}

  /** The ladder state document (JSON), or undefined before the first request. */
  async ladder(): Promise<string | undefined> {
    const r = await this.db.selectFrom('watch_ladder').select('state').where('id', '=', LADDER_ROW).executeTakeFirst();
    // The row exists but is empty until the first event (retention may create it first).
    return r === undefined || r.state === '' ? undefined : r.state;
  }

  /** Which member a request belongs to. */
  async ownerOf(requestId: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('watch_requests').select('account_id').where('id', '=', requestId).executeTakeFirst();
    return r?.account_id;
  }

  async requestsOf(accountId: string): Promise<readonly string[]> {
    const rows = await this.db.selectFrom('watch_requests').select('id').where('account_id', '=', accountId).orderBy('created_at').execute();
    return rows.map((r) => r.id);
  }
}

/** Write access to the night watch; only inside a transaction. */
export class WatchTransactor extends WatchReader {
  constructor(
    db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {
    super(db);
  }

  /** The ladder document, locked for this transaction (so nodes apply events one at a time). */
  async ladderForUpdate(): Promise<string | undefined> {
    await this.db
      .insertInto('watch_ladder')
      .values({ id: LADDER_ROW, state: '', version: 0 })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    let q = this.db.selectFrom('watch_ladder').select('state').where('id', '=', LADDER_ROW);
    if (this.dialect === 'postgres') q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r === undefined || r.state === '' ? undefined : r.state;
  }

  async saveLadder(state: string): Promise<void> {
    await this.db
      .updateTable('watch_ladder')
      .set((eb) => ({ state, version: eb('version', '+', 1) }))
      .where('id', '=', LADDER_ROW)
      .execute();
  }

  async addRequest(requestId: string, accountId: string, createdAt: number): Promise<void> {
    await this.db.insertInto('watch_requests').values({ id: requestId, account_id: accountId, created_at: createdAt }).execute();
  }

  /** Forget who made requests older than `cutoff` (30-day retention) and return their ids. */
  async purgeRequestsBefore(cutoff: number): Promise<readonly string[]> {
    const rows = await this.db.selectFrom('watch_requests').select('id').where('created_at', '<', cutoff).execute();
    if (rows.length > 0) await this.db.deleteFrom('watch_requests').where('created_at', '<', cutoff).execute();
    return rows.map((r) => r.id);
  }

  async deleteRequestsOf(accountId: string): Promise<readonly string[]> {
    const ids = await this.requestsOf(accountId);
    await this.db.deleteFrom('watch_requests').where('account_id', '=', accountId).execute();
    return ids;
  }
}

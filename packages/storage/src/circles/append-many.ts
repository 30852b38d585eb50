import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import type { CircleEntriesTable, Database } from '../schema.js';
import type { AppendResult } from './transactor.js';

/** One application message for {@link appendMany}: its circle and epoch, its client id, its ciphertext and who sends it. */
export type ManyEntry = Readonly<{ circleId: string; epoch: number; clientId: string; body: Uint8Array; senderId: string }>;

/** What {@link appendMany} did with one entry: what `append` would have answered, or that the sender is not in the circle. */
export type ManyResult = AppendResult | Readonly<{ status: 'not-a-member' }>;

/**
 * A SQLite statement takes at most 32,766 bound values, so row lists are cut
 * into chunks; on PostgreSQL each column travels as one array parameter, so
 * the statement's text (and plan) does not depend on the number of rows and
 * there is no limit to chunk for.
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

/**
 * Append application messages of any number of circles at once. On
 * PostgreSQL that is one statement however many circles (atomic by itself,
 * so it may run outside a transaction); on SQLite (run it inside a
 * transaction) one membership check and then three statements per circle,
 * in-process. Each entry gets what `append` would answer (`stored` with its sequence number, consecutive
 * within a circle in the order given; `duplicate` with the earlier one;
 * `stale-epoch`; `no-circle`), or `not-a-member` when its sender is not in
 * the circle. A client id given twice for a circle is stored once and both
 * copies get the first's answer. An entry expires at `storedAt` plus its
 * circle's timer, at most `maxTimerMs`. On PostgreSQL the circles are locked
 * in id order before any is changed, so concurrent writers cannot deadlock.
 */
export async function appendMany(
  db: Kysely<Database>,
  dialect: DialectName,
  entries: readonly ManyEntry[],
  storedAt: number,
  maxTimerMs: number,
): Promise<readonly ManyResult[]> {
  if (entries.length === 0) return [];
  const firstCopy = new Map<string, number>();
  const unique: ManyEntry[] = [];
  for (const e of entries) {
    const k = pairKey(e.circleId, e.clientId);
    if (!firstCopy.has(k)) {
      firstCopy.set(k, unique.length);
      unique.push(e);
    }
  }
  const results = dialect === 'postgres' ? await appendPostgres(db, unique, storedAt, maxTimerMs) : await appendSqlite(db, unique, storedAt, maxTimerMs);
  return entries.map((e) => {
    const r = results[firstCopy.get(pairKey(e.circleId, e.clientId)) ?? -1];
    if (r === undefined) throw new Error('appendMany: an entry got no result');
    return r;
  });
}

/** One statement: membership, duplicates, the circles locked in id order and bumped, the insert. */
async function appendPostgres(db: Kysely<Database>, entries: readonly ManyEntry[], storedAt: number, maxTimerMs: number): Promise<ManyResult[]> {
  type Row = { ord: number | string; member: boolean; dup_seq: number | string | null; new_seq: number | string | null; now_epoch: number | string | null };
  const { rows } = await sql<Row>`/* prepared:circles_append_many */
    with v as (
      select * from unnest(
        ${entries.map((e) => e.circleId)}::text[], ${entries.map((e) => e.epoch)}::bigint[], ${entries.map((e) => e.clientId)}::text[],
        ${entries.map((e) => asBuffer(e.body))}::bytea[], ${entries.map((e) => e.senderId)}::text[]
      ) with ordinality as v(circle_id, epoch, client_id, body, sender_id, ord)
    ), member as (
      select v.ord from v join circle_members m on m.circle_id = v.circle_id and m.account_id = v.sender_id
    ), dup as (
      select v.ord, e.seq from v join member on member.ord = v.ord
      join circle_entries e on e.circle_id = v.circle_id and e.client_id = v.client_id
    ), fresh as (
      select v.circle_id, v.epoch, v.client_id, v.body,
        row_number() over (partition by v.circle_id, v.epoch order by v.ord) as k,
        count(*) over (partition by v.circle_id, v.epoch) as n
      from v join member on member.ord = v.ord
      where not exists (select 1 from dup where dup.ord = v.ord)
    ), locked as materialized (
      select c.id, c.epoch from circles c where c.id in (select circle_id from fresh) order by c.id for update
    ), bumped as (
      update circles set last_seq = circles.last_seq + g.n
      from (select distinct circle_id, epoch, n from fresh) g
      where circles.id = g.circle_id and circles.epoch = g.epoch and circles.id in (select id from locked)
      returning circles.id, circles.epoch, circles.last_seq, circles.timer_ms
    ), inserted as (
      insert into circle_entries (circle_id, seq, kind, epoch, client_id, body, stored_at, expires_at)
      select f.circle_id, b.last_seq - f.n + f.k, 'app', f.epoch, f.client_id, f.body,
        ${storedAt}::bigint, ${storedAt}::bigint + least(b.timer_ms, ${maxTimerMs}::bigint)
      from fresh f join bumped b on b.id = f.circle_id and b.epoch = f.epoch
      returning circle_id, client_id, seq
    )
    select v.ord, member.ord is not null as member, dup.seq as dup_seq, inserted.seq as new_seq, locked.epoch as now_epoch
    from v
    left join member on member.ord = v.ord
    left join dup on dup.ord = v.ord
    left join inserted on inserted.circle_id = v.circle_id and inserted.client_id = v.client_id
    left join locked on locked.id = v.circle_id`.execute(db);
  const out: ManyResult[] = new Array<ManyResult>(entries.length);
  for (const r of rows) {
    out[Number(r.ord) - 1] = !r.member
      ? { status: 'not-a-member' }
      : r.dup_seq !== null
        ? { status: 'duplicate', seq: Number(r.dup_seq) }
        : r.new_seq !== null
          ? { status: 'stored', seq: Number(r.new_seq) }
          : r.now_epoch !== null
            ? { status: 'stale-epoch', epoch: Number(r.now_epoch) }
            : { status: 'no-circle' };
  }
  return out;
}

/**
 * SQLite: one membership check, then per circle a duplicate check, the bump
 * and the insert. Calls are in-process, so their number matters little, and
 * measured at the S2 knee this per-circle form beat one set-based UPDATE … FROM
 * and one INSERT for all circles (the server fell behind at 1,638 messages/s
 * with those; see docs/PERFORMANCE.md).
 */
async function appendSqlite(db: Kysely<Database>, entries: readonly ManyEntry[], storedAt: number, maxTimerMs: number): Promise<ManyResult[]> {
  const out: ManyResult[] = new Array<ManyResult>(entries.length);
  const members = new Set<string>();
  const circleIds = [...new Set(entries.map((e) => e.circleId))];
  const senderIds = [...new Set(entries.map((e) => e.senderId))];
  for (const circles of chunks(circleIds, 2)) {
    for (const senders of chunks(senderIds, 2)) {
      const rows = await db.selectFrom('circle_members').select(['circle_id', 'account_id']).where('circle_id', 'in', circles).where('account_id', 'in', senders).execute();
      for (const r of rows) members.add(pairKey(r.circle_id, r.account_id));
    }
  }
  const groups = new Map<string, { circleId: string; epoch: number; members: number[] }>();
  entries.forEach((e, i) => {
    if (!members.has(pairKey(e.circleId, e.senderId))) {
      out[i] = { status: 'not-a-member' };
      return;
    }
    const k = `${e.circleId} ${e.epoch}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { circleId: e.circleId, epoch: e.epoch, members: [i] });
    else g.members.push(i);
  });
  for (const g of groups.values()) {
    const seen = new Map<string, number>();
    for (const part of chunks(g.members, 1)) {
      const rows = await db
        .selectFrom('circle_entries')
        .select(['client_id', 'seq'])
        .where('circle_id', '=', g.circleId)
        .where('client_id', 'in', part.map((i) => (entries[i] as ManyEntry).clientId))
        .execute();
      for (const r of rows) seen.set(r.client_id, Number(r.seq));
    }
    const fresh: number[] = [];
    for (const i of g.members) {
      const old = seen.get((entries[i] as ManyEntry).clientId);
      if (old === undefined) fresh.push(i);
      else out[i] = { status: 'duplicate', seq: old };
    }
    if (fresh.length === 0) continue;
    const bumped = await db
      .updateTable('circles')
      .set((eb) => ({ last_seq: eb('last_seq', '+', fresh.length) }))
      .where('id', '=', g.circleId)
      .where('epoch', '=', g.epoch)
      .returning(['last_seq', 'timer_ms'])
      .executeTakeFirst();
    if (bumped === undefined) {
      // Rare: the circle moved on to a newer epoch, or is gone.
      const c = await db.selectFrom('circles').select('epoch').where('id', '=', g.circleId).executeTakeFirst();
      for (const i of fresh) out[i] = c === undefined ? { status: 'no-circle' } : { status: 'stale-epoch', epoch: Number(c.epoch) };
      continue;
    }
    const first = Number(bumped.last_seq) - fresh.length + 1;
    const expiresAt = storedAt + Math.min(Number(bumped.timer_ms), maxTimerMs);
    const rows: CircleEntriesTable[] = fresh.map((i, k) => {
      const e = entries[i] as ManyEntry;
      out[i] = { status: 'stored', seq: first + k };
      return { circle_id: e.circleId, seq: first + k, kind: 'app', epoch: e.epoch, client_id: e.clientId, body: e.body, stored_at: storedAt, expires_at: expiresAt };
    });
    for (const part of chunks(rows, 8)) await db.insertInto('circle_entries').values(part).execute();
  }
  return out;
}

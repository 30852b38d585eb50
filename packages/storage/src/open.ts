import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration as KyselyMigration, type PostgresPool, type PostgresPoolClient, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import type { Database } from './schema.js';

/** Where the data lives: the embedded default, or PostgreSQL. */
export type StorageConfig =
  | Readonly<{ kind: 'sqlite'; dataDir: string }>
  | Readonly<{ kind: 'sqlite-file'; file: string }>
  | Readonly<{ kind: 'postgres'; url: string; poolSize?: number }>;

/** An open database: the query builder, which engine it is, and how to close it. */
export type OpenDatabase = Readonly<{
  db: Kysely<Database>;
  dialect: DialectName;
  /** Runs pending migrations; safe to call from several nodes at once. */
  migrate(): Promise<readonly string[]>;
  /** A cheap round trip to prove the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}>;

/** File name of the embedded database inside the data directory. */
export const SQLITE_FILE_NAME = 'lamplight.sqlite';

const INT8_OID = 20;

/** Open (and create, for SQLite) the configured database. Does not migrate. */
export function openDatabase(config: StorageConfig): OpenDatabase {
  if (config.kind === 'postgres') return openPostgres(config.url, config.poolSize ?? 10);
  let file: string;
  if (config.kind === 'sqlite') {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    file = join(config.dataDir, SQLITE_FILE_NAME);
  } else {
    file = config.file;
  }
  return openSqlite(file);
}

function openSqlite(file: string): OpenDatabase {
  const raw = new SQLite(file);
  // WAL lets readers run beside the writer; FULL makes every acknowledged
  // commit survive a power cut, not just a crash of this process.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(raw) }) });
  return wrap(db, 'sqlite', async () => {
    await db.destroy();
  });
}

/** Statements kept prepared on SQLite (least recently used go first). */
export const SQLITE_STATEMENT_CACHE = 256;

/**
 * Kysely prepares every SQLite query afresh; on the message path that was a
 * tenth of the server's time. The same SQL text reuses its statement
 * (better-sqlite3 statements run synchronously, so one is never in use
 * twice at once; SQLite re-prepares by itself after a schema change).
 */
export function preparedOnce(raw: Pick<SQLite.Database, 'close' | 'prepare'>): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (stmt === undefined) {
        stmt = raw.prepare(text);
        if (cache.size >= SQLITE_STATEMENT_CACHE) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      } else {
        cache.delete(text);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

function openPostgres(url: string, max: number): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // bigint columns hold millisecond times and counters well inside 2^53.
    types: {
      getTypeParser: (oid: number, format?: string) =>
        oid === INT8_OID ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format as 'text') as (v: string) => unknown),
    },
  });
  // A dropped connection (database restart) must not crash the process: idle
  // clients report through the pool, checked-out ones through the client.
  // The query in flight fails and its caller answers with a clear error.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return wrap(db, 'postgres', async () => {
    await db.destroy();
  });
}

/**
 * A statement whose text begins with `/* prepared:NAME *\/` is parsed and
 * planned once per connection and then run by name (see the hot write path in
 * circles/append-many.ts). Only for statements whose text never changes; the
 * rest run as before.
 */
const PREPARED = /^\/\* prepared:([a-z_]+) \*\//u;

function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrapClient = (client: pg.PoolClient): PostgresPoolClient => {
    let wrapped = clients.get(client);
    if (wrapped === undefined) {
      wrapped = {
        // Kysely calls query(text, values) only (no cursor is configured).
        query: ((text: string, values: readonly unknown[]) => {
          const name = PREPARED.exec(text)?.[1];
          return name === undefined ? client.query(text, [...values]) : client.query({ name, text, values: [...values] });
        }) as unknown as PostgresPoolClient['query'],
        release: () => {
          client.release();
        },
      };
      clients.set(client, wrapped);
    }
    return wrapped;
  };
  return {
    connect: async () => wrapClient(await pool.connect()),
    end: () => pool.end(),
  };
}

function wrap(db: Kysely<Database>, dialect: DialectName, close: () => Promise<void>): OpenDatabase {
  return {
    db,
    dialect,
    migrate: () => runMigrations(db, dialect, MIGRATIONS),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close,
  };
}

/** Apply migrations up to (and including) `until`, or all of them. Exposed for migration tests. */
export async function runMigrations(
  db: Kysely<Database>,
  dialect: DialectName,
  migrations: readonly Migration[],
  until?: string,
): Promise<readonly string[]> {
  const selected: Record<string, KyselyMigration> = {};
  for (const m of migrations) {
    selected[m.name] = { up: (k) => m.up(k, dialect) };
    if (m.name === until) break;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(selected) },
    migrationTableName: 'lamplight_migrations',
    migrationLockTableName: 'lamplight_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration failed');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

import { sql } from 'kysely';
import type { OpenDatabase } from './open.js';

/** User tables in the database (for the privacy inventory test and dumps). */
export async function listTables(open: OpenDatabase): Promise<readonly string[]> {
  const tables = await open.db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

/** Columns of every table, as `table.column`. */
export async function listColumns(open: OpenDatabase): Promise<readonly string[]> {
  const tables = await open.db.introspection.getTables();
  return tables.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`)).sort();
}

/**
 * Every row of every table as text, for tests that prove the database holds
 * no plaintext, IP address or secret.
 */
export async function dumpAllRows(open: OpenDatabase): Promise<string> {
  const parts: string[] = [];
  for (const table of await listTables(open)) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(open.db);
    for (const row of rows.rows) {
      parts.push(
        `${table}: ${JSON.stringify(row, (_k, v: unknown) =>
          v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : typeof v === 'bigint' ? v.toString() : v,
        )}`,
      );
    }
  }
  return parts.join('\n');
}

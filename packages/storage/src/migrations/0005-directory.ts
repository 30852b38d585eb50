import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';

/**
 * The community's published hotline directory: steward-authored public text,
 * one row. No column says which steward published it, so stewards stay
 * unlinkable to their edits.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('hotline_directory')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Null means "the built-in directory is in force" (after a steward restored it).
    .addColumn('body', 'text')
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addColumn('updated_day', 'bigint', (c) => c.notNull())
    .execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The fixed id of the one directory row (one server, one community). */
export const DIRECTORY_ROW_ID = 'directory';

/**
 * The community's published directory as stored. `body` is the directory as
 * JSON text, or null when stewards restored the built-in one; `revision`
 * counts every publish and restore.
 */
export type DirectoryRow = Readonly<{ body: string | null; revision: number; updatedDay: number }>;

/** Read access to the published hotline directory. */
export class DirectoryReader {
  constructor(protected readonly db: Kysely<Database>) {}

  /** The stored directory row, or undefined when no steward has published one yet (revision 0). */
  async get(): Promise<DirectoryRow | undefined> {
    const row = await this.db
      .selectFrom('hotline_directory')
      .select(['body', 'revision', 'updated_day'])
      .where('id', '=', DIRECTORY_ROW_ID)
      .executeTakeFirst();
    return row === undefined ? undefined : { body: row.body, revision: Number(row.revision), updatedDay: Number(row.updated_day) };
  }
}

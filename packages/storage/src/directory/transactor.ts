import { DIRECTORY_ROW_ID, DirectoryReader } from './reader.js';

/** Write access to the published hotline directory; only reachable inside a transaction. */
export class DirectoryTransactor extends DirectoryReader {
  /**
   * Publish `body` (directory JSON, or null to restore the built-in one) if
   * the caller saw `expectedRevision` (0 before anything was published), so
   * two stewards cannot silently overwrite each other. Returns the new
   * revision, or undefined on a conflict (nothing changed).
   */
  async replace(body: string | null, expectedRevision: number, updatedDay: number): Promise<number | undefined> {
    const next = expectedRevision + 1;
    if (expectedRevision === 0) {
      const r = await this.db
        .insertInto('hotline_directory')
        .values({ id: DIRECTORY_ROW_ID, body, revision: next, updated_day: updatedDay })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1 ? next : undefined;
    }
    const r = await this.db
      .updateTable('hotline_directory')
      .set({ body, revision: next, updated_day: updatedDay })
      .where('id', '=', DIRECTORY_ROW_ID)
      .where('revision', '=', expectedRevision)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? next : undefined;
  }
}

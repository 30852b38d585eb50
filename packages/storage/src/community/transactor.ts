import { COMMUNITY_ROW_ID } from '../schema.js';
import { CommunityReader } from './reader.js';

/** Write access to the community row; only reachable inside a transaction. */
export class CommunityTransactor extends CommunityReader {
  /**
   * Create the community unless it exists. Returns true only for the caller
   * that created it, so exactly one node ever runs first-run set-up.
   */
  async createIfAbsent(createdDay: number, settings: string): Promise<boolean> {
    const res = await this.db
      .insertInto('community')
      .values({ id: COMMUNITY_ROW_ID, created_day: createdDay, settings })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Replace the steward settings. */
  async updateSettings(settings: string): Promise<void> {
    await this.db.updateTable('community').set({ settings }).where('id', '=', COMMUNITY_ROW_ID).execute();
  }
}

import type { Kysely } from 'kysely';
import { COMMUNITY_ROW_ID, type Database } from '../schema.js';

/** The community as stored. */
export type CommunityRow = Readonly<{ createdDay: number; settings: string }>;

/** Read access to the community row. */
export class CommunityReader {
  constructor(protected readonly db: Kysely<Database>) {}

  /** The community, or undefined before first run. */
  async get(): Promise<CommunityRow | undefined> {
    const row = await this.db
      .selectFrom('community')
      .select(['created_day', 'settings'])
      .where('id', '=', COMMUNITY_ROW_ID)
      .executeTakeFirst();
    return row === undefined ? undefined : { createdDay: Number(row.created_day), settings: row.settings };
  }
}

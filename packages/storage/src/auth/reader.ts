import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A live session, looked up by the hash of its token. */
export type SessionRow = Readonly<{ tokenHash: string; accountId: string; deviceId: string; expiresAt: number }>;

/** Read access to sessions. */
export class AuthReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async session(tokenHash: string, now: number): Promise<SessionRow | undefined> {
    const r = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r === undefined ? undefined : { tokenHash: r.token_hash, accountId: r.account_id, deviceId: r.device_id, expiresAt: Number(r.expires_at) };
  }
}

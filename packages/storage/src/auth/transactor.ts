import { AuthReader, type SessionRow } from './reader.js';

/** Write access to sessions, challenges and device links; only inside a transaction. */
export class AuthTransactor extends AuthReader {
  async createSession(s: SessionRow): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ token_hash: s.tokenHash, account_id: s.accountId, device_id: s.deviceId, expires_at: s.expiresAt })
      .execute();
  }

  async revokeSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async createChallenge(id: string, challenge: string, expiresAt: number): Promise<void> {
    await this.db.insertInto('login_challenges').values({ id, challenge, expires_at: expiresAt }).execute();
  }

  /** Take a challenge (once): returns its bytes if it existed and had not expired. */
  async takeChallenge(id: string, now: number): Promise<string | undefined> {
    const r = await this.db.selectFrom('login_challenges').select(['challenge', 'expires_at']).where('id', '=', id).executeTakeFirst();
    if (r === undefined) return undefined;
    const del = await this.db.deleteFrom('login_challenges').where('id', '=', id).executeTakeFirst();
    if (Number(del.numDeletedRows) !== 1 || Number(r.expires_at) <= now) return undefined;
    return r.challenge;
  }

  async createDeviceLink(id: string, accountId: string, sealed: Uint8Array, expiresAt: number): Promise<void> {
    await this.db.deleteFrom('device_links').where('id', '=', id).execute();
    await this.db.insertInto('device_links').values({ id, account_id: accountId, sealed, expires_at: expiresAt }).execute();
  }

  /** Take a device link (once). */
  async takeDeviceLink(id: string, now: number): Promise<Uint8Array | undefined> {
    const r = await this.db.selectFrom('device_links').select(['sealed', 'expires_at']).where('id', '=', id).executeTakeFirst();
    if (r === undefined) return undefined;
    const del = await this.db.deleteFrom('device_links').where('id', '=', id).executeTakeFirst();
    if (Number(del.numDeletedRows) !== 1 || Number(r.expires_at) <= now) return undefined;
    return new Uint8Array(r.sealed);
  }

  /** Delete expired sessions, challenges and device links. */
  async sweepExpired(now: number): Promise<number> {
    const a = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    const b = await this.db.deleteFrom('login_challenges').where('expires_at', '<=', now).executeTakeFirst();
    const c = await this.db.deleteFrom('device_links').where('expires_at', '<=', now).executeTakeFirst();
    return Number(a.numDeletedRows) + Number(b.numDeletedRows) + Number(c.numDeletedRows);
  }
}

import { AccountReader, type AccountRow, type DeviceRow } from './reader.js';

/** Write access to accounts and devices; only reachable inside a transaction. */
export class AccountTransactor extends AccountReader {
  async create(a: AccountRow): Promise<void> {
    await this.db
      .insertInto('accounts')
      .values({
        id: a.id,
        role: a.role,
        pseudonym: a.pseudonym,
        identity_key: a.identityKey,
        kx_key: a.kxKey,
        created_day: a.createdDay,
        probation_until: a.probationUntil,
        inviter_id: a.inviterId,
      })
      .execute();
  }

  async addDevice(d: DeviceRow): Promise<void> {
    await this.db.insertInto('devices').values({ id: d.id, account_id: d.accountId, device_key: d.deviceKey, created_day: d.createdDay }).execute();
  }

  /** Remove a device and everything that lets it in. */
  async removeDevice(accountId: string, deviceId: string): Promise<boolean> {
    await this.db.deleteFrom('sessions').where('device_id', '=', deviceId).where('account_id', '=', accountId).execute();
    const r = await this.db.deleteFrom('devices').where('id', '=', deviceId).where('account_id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /**
   * Delete a member and every row that names them: sessions, devices, device
   * links, their invitations, and the inviter link of anyone they invited.
   */
  async deleteAccount(accountId: string): Promise<boolean> {
    await this.db.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('device_links').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('devices').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('circle_members').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('key_packages').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('welcomes').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('join_requests').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('watch_requests').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('blobs').where('account_id', '=', accountId).execute();
    await this.db.deleteFrom('invitations').where('inviter_id', '=', accountId).execute();
    await this.db.updateTable('accounts').set({ inviter_id: null }).where('inviter_id', '=', accountId).execute();
    const r = await this.db.deleteFrom('accounts').where('id', '=', accountId).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  /** Erase the inviter link of everyone whose probation ended before `now`. */
  async eraseInviterLinksAfterProbation(now: number): Promise<number> {
    const r = await this.db
      .updateTable('accounts')
      .set({ inviter_id: null })
      .where('inviter_id', 'is not', null)
      .where('probation_until', '<=', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }
}

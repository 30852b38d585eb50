import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A member's encrypted blob (own-device sync, backups): ciphertext only. */
export type BlobRow = Readonly<{ name: string; body: Uint8Array; version: number }>;

export class BlobReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async get(accountId: string, name: string): Promise<BlobRow | undefined> {
    const r = await this.db.selectFrom('blobs').select(['name', 'body', 'version']).where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
    return r === undefined ? undefined : { name: r.name, body: new Uint8Array(r.body), version: Number(r.version) };
  }

  async list(accountId: string): Promise<readonly { name: string; version: number; size: number }[]> {
    const rows = await this.db.selectFrom('blobs').select(['name', 'version', 'body']).where('account_id', '=', accountId).orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, version: Number(r.version), size: r.body.length }));
  }

  async totalBytes(accountId: string): Promise<number> {
    const rows = await this.db.selectFrom('blobs').select('body').where('account_id', '=', accountId).execute();
    return rows.reduce((n, r) => n + r.body.length, 0);
  }
}

export class BlobTransactor extends BlobReader {
  /**
   * Write a blob if the caller saw `expectedVersion` (0 for a new one), so two
   * devices cannot silently overwrite each other. Returns the new version, or
   * undefined on a conflict.
   */
  async put(accountId: string, name: string, body: Uint8Array, expectedVersion: number): Promise<number | undefined> {
    const current = await this.get(accountId, name);
    if ((current?.version ?? 0) !== expectedVersion) return undefined;
    if (current === undefined) {
      await this.db.insertInto('blobs').values({ account_id: accountId, name, body, version: 1 }).execute();
      return 1;
    }
    const r = await this.db
      .updateTable('blobs')
      .set({ body, version: expectedVersion + 1 })
      .where('account_id', '=', accountId)
      .where('name', '=', name)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? expectedVersion + 1 : undefined;
  }

  async delete(accountId: string, name?: string): Promise<number> {
    let q = this.db.deleteFrom('blobs').where('account_id', '=', accountId);
    if (name !== undefined) q = q.where('name', '=', name);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

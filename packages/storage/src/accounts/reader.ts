import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, Database } from '../schema.js';

/** A member as stored. */
export type AccountRow = Readonly<{
  id: string;
  role: 'member' | 'steward';
  pseudonym: string;
  identityKey: string;
  kxKey: string;
  createdDay: number;
  probationUntil: number;
  inviterId: string | null;
}>;

/** A device as stored. */
export type DeviceRow = Readonly<{ id: string; accountId: string; deviceKey: string; createdDay: number }>;

function toAccount(r: Selectable<AccountsTable>): AccountRow {
  return {
    id: r.id,
    role: r.role,
    pseudonym: r.pseudonym,
    identityKey: r.identity_key,
    kxKey: r.kx_key,
    createdDay: Number(r.created_day),
    probationUntil: Number(r.probation_until),
    inviterId: r.inviter_id,
  };
}

/** Read access to accounts and devices. */
export class AccountReader {
  constructor(protected readonly db: Kysely<Database>) {}

  async byId(id: string): Promise<AccountRow | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toAccount(r);
  }

  async byIdentityKey(identityKey: string): Promise<AccountRow | undefined> {
    const r = await this.db.selectFrom('accounts').selectAll().where('identity_key', '=', identityKey).executeTakeFirst();
    return r === undefined ? undefined : toAccount(r);
  }

  async all(): Promise<readonly AccountRow[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('created_day').orderBy('id').execute();
    return rows.map(toAccount);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number | string | bigint>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async device(id: string): Promise<DeviceRow | undefined> {
    const r = await this.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : { id: r.id, accountId: r.account_id, deviceKey: r.device_key, createdDay: Number(r.created_day) };
  }

  async devicesOf(accountId: string): Promise<readonly DeviceRow[]> {
    const rows = await this.db.selectFrom('devices').selectAll().where('account_id', '=', accountId).orderBy('created_day').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, deviceKey: r.device_key, createdDay: Number(r.created_day) }));
  }
}

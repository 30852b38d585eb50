import type { Kysely } from 'kysely';
import { bytesType, type DialectName } from '../dialect.js';

/** Circles, their routing membership, the ordered ciphertext log, key packages, welcomes and join requests. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bytes = bytesType(dialect);
  await db.schema
    .createTable('circles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addColumn('last_seq', 'bigint', (c) => c.notNull())
    .addColumn('timer_ms', 'bigint', (c) => c.notNull())
    .addColumn('listed_name', 'text')
    .addColumn('listed_topic', 'text')
    .addColumn('created_day', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('circle_members')
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('circle_members_pk', ['circle_id', 'account_id'])
    .execute();
  await db.schema.createIndex('circle_members_account_idx').on('circle_members').column('account_id').execute();

  await db.schema
    .createTable('circle_entries')
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('epoch', 'bigint', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('body', bytes, (c) => c.notNull())
    .addColumn('stored_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('circle_entries_pk', ['circle_id', 'seq'])
    .addUniqueConstraint('circle_entries_client_uq', ['circle_id', 'client_id'])
    .execute();
  await db.schema.createIndex('circle_entries_expiry_idx').on('circle_entries').column('expires_at').execute();

  await db.schema
    .createTable('key_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('body', bytes, (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_packages_account_idx').on('key_packages').column('account_id').execute();

  await db.schema
    .createTable('welcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id').onDelete('cascade'))
    .addColumn('body', bytes, (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('welcomes_account_idx').on('welcomes').column('account_id').execute();

  await db.schema
    .createTable('join_requests')
    .addColumn('circle_id', 'text', (c) => c.notNull().references('circles.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_day', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('join_requests_pk', ['circle_id', 'account_id'])
    .execute();
}

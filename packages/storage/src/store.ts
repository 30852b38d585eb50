import type { Kysely, Transaction } from 'kysely';
import { AccountReader } from './accounts/reader.js';
import { AccountTransactor } from './accounts/transactor.js';
import { AuthReader } from './auth/reader.js';
import { AuthTransactor } from './auth/transactor.js';
import { BlobReader, BlobTransactor } from './blobs/store.js';
import { appendMany, type ManyEntry, type ManyResult } from './circles/append-many.js';
import { CircleReader } from './circles/reader.js';
import { CircleTransactor } from './circles/transactor.js';
import { CommunityReader } from './community/reader.js';
import { CommunityTransactor } from './community/transactor.js';
import { DirectoryReader } from './directory/reader.js';
import { DirectoryTransactor } from './directory/transactor.js';
import { InvitationReader } from './invitations/reader.js';
import { InvitationTransactor } from './invitations/transactor.js';
import type { OpenDatabase } from './open.js';
import type { Database } from './schema.js';
import { WatchReader, WatchTransactor } from './watch/store.js';
import type { DialectName } from './dialect.js';

/** Everything a request may read. */
export type Reader = Readonly<{
  community: CommunityReader;
  invitations: InvitationReader;
  accounts: AccountReader;
  auth: AuthReader;
  circles: CircleReader;
  watch: WatchReader;
  blobs: BlobReader;
  directory: DirectoryReader;
}>;

/** Everything a transaction may read and write; a Transactor is also a Reader. */
export type Transactor = Reader &
  Readonly<{
    community: CommunityTransactor;
    invitations: InvitationTransactor;
    accounts: AccountTransactor;
    auth: AuthTransactor;
    circles: CircleTransactor;
    watch: WatchTransactor;
    blobs: BlobTransactor;
    directory: DirectoryTransactor;
  }>;

function readers(db: Kysely<Database>): Reader {
  return { community: new CommunityReader(db), invitations: new InvitationReader(db), accounts: new AccountReader(db), auth: new AuthReader(db), circles: new CircleReader(db), watch: new WatchReader(db), blobs: new BlobReader(db), directory: new DirectoryReader(db) };
}

function transactors(db: Transaction<Database>, dialect: DialectName): Transactor {
  return {
    community: new CommunityTransactor(db),
    invitations: new InvitationTransactor(db),
    accounts: new AccountTransactor(db),
    auth: new AuthTransactor(db),
    circles: new CircleTransactor(db, dialect),
    watch: new WatchTransactor(db, dialect),
    blobs: new BlobTransactor(db),
    directory: new DirectoryTransactor(db),
  };
}

/** The storage port the server uses: reads anywhere, writes only in a transaction. */
export class Store {
  readonly read: Reader;

  constructor(private readonly open: OpenDatabase) {
    this.read = readers(open.db);
  }

  get dialect(): OpenDatabase['dialect'] {
    return this.open.dialect;
  }

  /** Run `fn` in one transaction; it commits only if `fn` resolves. */
  transact<T>(fn: (tx: Transactor) => Promise<T>): Promise<T> {
    return this.open.db.transaction().execute((trx) => fn(transactors(trx, this.open.dialect)));
  }

  /**
   * Append application messages of any number of circles, durably, as one
   * transaction (see `appendMany` in circles/append-many.ts). On PostgreSQL
   * that is a single statement, so it runs without BEGIN and COMMIT: one
   * round trip however many circles the messages span.
   */
  appendMessages(entries: readonly ManyEntry[], storedAt: number, maxTimerMs: number): Promise<readonly ManyResult[]> {
    if (this.open.dialect === 'postgres') return appendMany(this.open.db, 'postgres', entries, storedAt, maxTimerMs);
    return this.transact((tx) => tx.circles.appendMany(entries, storedAt, maxTimerMs));
  }

  ping(): Promise<void> {
    return this.open.ping();
  }

  close(): Promise<void> {
    return this.open.close();
  }
}

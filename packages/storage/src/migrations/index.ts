import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-identity.js';
import * as m0003 from './0003-circles.js';
import * as m0004 from './0004-watch-and-blobs.js';
import * as m0005 from './0005-directory.js';

/** A numbered migration that runs on SQLite and PostgreSQL alike. */
export type Migration = Readonly<{
  name: string;
  up: (db: Kysely<unknown>, dialect: DialectName) => Promise<void>;
}>;

/** All migrations, in order. Never edit a released one: add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-identity', up: m0002.up },
  { name: '0003-circles', up: m0003.up },
  { name: '0004-watch-and-blobs', up: m0004.up },
  { name: '0005-directory', up: m0005.up },
];

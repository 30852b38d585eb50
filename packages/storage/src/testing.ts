import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type OpenDatabase, type StorageConfig } from './open.js';

/**
 * Test support: a fresh, empty database per call on each engine under test.
 * SQLite always; PostgreSQL whenever TEST_DATABASE_URL is set. With CI=true a
 * missing or unreachable PostgreSQL is an error, never a silent skip.
 */
export type TestDatabase = Readonly<{
  name: 'sqlite' | 'postgres';
  /** Configuration for a fresh, empty database (server tests pass this on). */
  create(): Promise<Readonly<{ config: StorageConfig; env: Record<string, string>; drop(): Promise<void> }>>;
}>;

/** Open a fresh database on an engine, migrated, plus a function that throws it away. */
export async function freshDatabase(
  engine: TestDatabase,
): Promise<Readonly<{ open: OpenDatabase; config: StorageConfig; drop(): Promise<void> }>> {
  const made = await engine.create();
  const open = openDatabase(made.config);
  await open.migrate();
  return {
    open,
    config: made.config,
    drop: async () => {
      await open.close();
      await made.drop();
    },
  };
}

/** The engines to run contract suites against. */
export function testEngines(env: Readonly<Record<string, string | undefined>>): readonly TestDatabase[] {
  const engines: TestDatabase[] = [sqliteEngine()];
  const url = env['TEST_DATABASE_URL'];
  if (url !== undefined && url !== '') engines.push(postgresEngine(url));
  else if (env['CI'] === 'true') {
    engines.push({
      name: 'postgres',
      create: () => Promise.reject(new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests cannot be skipped in CI')),
    });
  }
  return engines;
}

function sqliteEngine(): TestDatabase {
  return {
    name: 'sqlite',
    create: () => {
      const dir = mkdtempSync(join(tmpdir(), 'lamplight-test-'));
      return Promise.resolve({
        config: { kind: 'sqlite', dataDir: dir },
        env: { LAMPLIGHT_DATA_DIR: dir },
        drop: () => {
          rmSync(dir, { recursive: true, force: true });
          return Promise.resolve();
        },
      });
    },
  };
}

let counter = 0;

function postgresEngine(adminUrl: string): TestDatabase {
  return {
    name: 'postgres',
    create: async () => {
      const name = `lamplight_t_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      try {
        await admin.connect();
      } catch (e) {
        throw new Error(`PostgreSQL at TEST_DATABASE_URL is not reachable: ${(e as Error).message}`);
      }
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        config: { kind: 'postgres', url: url.toString() },
        env: { DATABASE_URL: url.toString() },
        drop: async () => {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query(`drop database if exists ${name} with (force)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

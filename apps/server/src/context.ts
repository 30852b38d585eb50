import { Store, openDatabase, type StorageConfig } from '@lamplight/storage';
import type { Config } from './config/env.js';
import { InProcessFanOut } from './fanout/in-process.js';
import type { FanOut } from './fanout/port.js';
import { RedisFanOut } from './fanout/redis.js';
import type { Logger } from './log/logger.js';

/** Everything a request handler may use. Built once, in {@link createContext}. */
export type AppContext = Readonly<{
  config: Config;
  store: Store;
  fanout: FanOut;
  fanoutKind: 'in-process' | 'redis';
  logger: Logger;
  /** Milliseconds since the epoch; a parameter so tests can move time. */
  now: () => number;
}>;

/** Pick the adapters the configuration asks for: SQLite or PostgreSQL, in-process or Redis. */
export async function createContext(config: Config, logger: Logger, now: () => number = Date.now): Promise<AppContext> {
  const storage: StorageConfig =
    config.databaseUrl === undefined ? { kind: 'sqlite', dataDir: config.dataDir } : { kind: 'postgres', url: config.databaseUrl };
  const open = openDatabase(storage);
  const applied = await open.migrate();
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  const store = new Store(open);
  let fanout: FanOut;
  let fanoutKind: AppContext['fanoutKind'];
  if (config.redisUrl === undefined) {
    fanout = new InProcessFanOut();
    fanoutKind = 'in-process';
  } else {
    fanout = await RedisFanOut.connect(config.redisUrl);
    fanoutKind = 'redis';
  }
  return { config, store, fanout, fanoutKind, logger, now };
}

/** Release what {@link createContext} opened. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.fanout.close();
  await ctx.store.close();
}

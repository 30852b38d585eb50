import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The only place that reads process.env. Everything else receives a typed,
 * validated {@link Config}.
 */
export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded SQLite file is used. */
  databaseUrl: string | undefined;
  /** Redis URL for fan-out across nodes; when absent fan-out stays in-process. */
  redisUrl: string | undefined;
  /** The address members use, for links; undefined means "the address we listen on". */
  publicUrl: string | undefined;
  /** Where the web app's built files are. */
  webDir: string;
  /** Log level; logs never carry IPs, user agents, tokens, keys or content. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** True when members reach us over TLS (publicUrl is https): send HSTS. */
  behindTls: boolean;
}>;

const optionalNonEmpty = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  LAMPLIGHT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalNonEmpty.pipe(z.string().regex(/^postgres(ql)?:\/\//u, 'must be a postgres:// URL').optional()),
  REDIS_URL: optionalNonEmpty.pipe(z.string().regex(/^rediss?:\/\//u, 'must be a redis:// URL').optional()),
  LAMPLIGHT_PUBLIC_URL: optionalNonEmpty.pipe(z.url().optional()),
  LAMPLIGHT_WEB_DIR: optionalNonEmpty,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

/** Error thrown for a bad environment; its message names the variable, never its value. */
export class ConfigError extends Error {}

/**
 * Parse an environment into a Config.
 * @param env usually `process.env`
 * @param defaultWebDir where the built web app is when LAMPLIGHT_WEB_DIR is not set
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, defaultWebDir: string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${names}`);
  }
  const e = parsed.data;
  const publicUrl = e.LAMPLIGHT_PUBLIC_URL?.replace(/\/+$/u, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LAMPLIGHT_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicUrl,
    webDir: resolve(e.LAMPLIGHT_WEB_DIR ?? defaultWebDir),
    logLevel: e.LOG_LEVEL,
    behindTls: publicUrl?.startsWith('https://') ?? false,
  };
}

/** The URL members reach a node on, given the port it actually listens on. */
export function listeningUrl(config: Config, port: number): string {
  if (config.publicUrl !== undefined) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Read the process environment. Only main.ts calls this. */
export function configFromProcess(defaultWebDir: string): Config {
  return loadConfig(process.env, defaultWebDir);
}

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp, createServices } from './app.js';
import { configFromProcess, ConfigError, listeningUrl } from './config/env.js';
import { closeContext, createContext } from './context.js';
import { firstRun } from './first-run.js';
import { createLogger } from './log/logger.js';
import { startSweeper, startWatchTicker } from './sweeper.js';

const here = dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIR = join(here, '..', '..', 'web', 'dist');

/** Start a Lamplight node and stop it cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = configFromProcess(DEFAULT_WEB_DIR);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config, logger);
  const services = createServices(ctx);
  const app = await buildApp(ctx, services);
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : config.port;
  const url = listeningUrl(config, port);
  const invitation = await firstRun(ctx.store, ctx.now(), url);
  // Plain lines for the person at the terminal; the invitation is shown here
  // once and never written to the structured log.
  if (invitation !== undefined) process.stdout.write(`Steward invitation: ${invitation}\n`);
  process.stdout.write(`Lamplight listening on ${listeningUrl({ ...config, publicUrl: undefined }, port)}\n`);

  const stopSweeper = startSweeper(ctx.store, ctx.now, logger, services.watch);
  const stopTicker = startWatchTicker(services.watch, ctx.now, logger);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    stopSweeper();
    stopTicker();
    await app.close();
    await closeContext(ctx);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`Lamplight could not start: ${e instanceof Error ? e.message : 'unknown error'}\n`);
  process.exit(1);
});

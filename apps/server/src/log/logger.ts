import { pino, type Logger, type LoggerOptions } from 'pino';
import { redact, scrubString } from './redact.js';

type RequestLike = { method?: string; routeOptions?: { url?: string } };
type ReplyLike = { statusCode?: number };

/**
 * Pino options shared by the process logger and Fastify's request logger.
 * Requests are logged by method and route pattern only: never the raw URL
 * (it could carry a token), headers, IP address or user agent.
 */
export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level: level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: {
      req: (req: RequestLike) => ({ method: req.method, route: req.routeOptions?.url ?? '(unmatched)' }),
      res: (res: ReplyLike) => ({ statusCode: res.statusCode }),
      err: (err: Error & { code?: string; statusCode?: number }) => ({
        type: err.name,
        code: err.code,
        statusCode: err.statusCode,
        message: scrubString(err.message),
        stack: err.stack === undefined ? undefined : scrubString(err.stack),
      }),
    },
    formatters: {
      // req, res and err go to the serializers above, which pick safe fields;
      // everything else a caller logs is redacted here.
      log: (obj) => {
        const { req, res, err, ...rest } = obj;
        const out = redact(rest) as Record<string, unknown>;
        if (req !== undefined) out['req'] = req;
        if (res !== undefined) out['res'] = res;
        if (err !== undefined) out['err'] = err;
        return out;
      },
    },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((a: unknown) => (typeof a === 'string' ? scrubString(a) : a));
        method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
}

/** The one logger of a process. Tests pass their own destination to read what was written. */
export function createLogger(level: LoggerOptions['level'], destination?: pino.DestinationStream): Logger {
  return destination === undefined ? pino(loggerOptions(level)) : pino(loggerOptions(level), destination);
}

export type { Logger };

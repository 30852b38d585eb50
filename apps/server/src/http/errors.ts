import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from '@lamplight/protocol';
import type { z } from 'zod';

/** An error a handler throws to answer with a clear code; nothing has been changed when it is thrown. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly string[],
  ) {
    super(message);
  }
}

/** Validate a request body against a protocol schema, or throw a 400 naming the fields (never their values). */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new HttpError(
    400,
    'bad-request',
    'The request is not in the expected shape.',
    r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`),
  );
}

export function sendError(reply: FastifyReply, e: HttpError): FastifyReply {
  const body: ErrorBody = e.issues === undefined ? { error: e.code, message: e.message } : { error: e.code, message: e.message, issues: e.issues };
  return reply.code(e.status).header('cache-control', 'no-store').send(body);
}

/** Turn thrown errors into `{ error, message }` bodies; unknown errors become a bare 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, new HttpError(413, 'payload-too-large', 'The request is too large.'));
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, new HttpError(err.statusCode, 'bad-request', 'The request could not be read.'));
    }
    req.log.error({ err }, 'request failed');
    return sendError(reply, new HttpError(500, 'internal', 'Something went wrong on the server. Nothing was changed.'));
  });
}

import type { FastifyInstance } from 'fastify';
import { API, blobPut } from '@lamplight/protocol';
import { requireCaller } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';

/** Most ciphertext one member may keep on the server. */
export const BLOB_QUOTA_BYTES = 8 * 1024 * 1024;

/** Own-device sync: encrypted blobs the server stores and cannot read. */
export function registerBlobRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(API.blobs, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    return { blobs: await store.read.blobs.list(caller.account.id) };
  });

  app.get<{ Params: { name: string } }>(API.blob, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    const b = await store.read.blobs.get(caller.account.id, req.params.name);
    if (b === undefined) throw new HttpError(404, 'not-found', 'Nothing stored under that name.');
    return { name: b.name, version: b.version, body: Buffer.from(b.body).toString('base64url') };
  });

  app.put<{ Params: { name: string } }>(API.blob, async (req) => {
    const caller = await requireCaller(req, store, ctx.now());
    if (!/^[a-z0-9-]{1,40}$/u.test(req.params.name)) throw new HttpError(400, 'bad-request', 'Blob names are 1–40 lower-case letters, digits or dashes.');
    const body = parseBody(blobPut, req.body);
    const bytes = Buffer.from(body.body, 'base64url');
    const version = await store.transact(async (tx) => {
      const current = await tx.blobs.get(caller.account.id, req.params.name);
      const total = (await tx.blobs.totalBytes(caller.account.id)) - (current?.body.length ?? 0) + bytes.length;
      if (total > BLOB_QUOTA_BYTES) throw new HttpError(413, 'payload-too-large', 'Your synced data is over the space this server gives each member.');
      return tx.blobs.put(caller.account.id, req.params.name, bytes, body.expectedVersion);
    });
    if (version === undefined) throw new HttpError(409, 'conflict', 'Another device changed this first. Fetch it, merge, and try again.');
    return { name: req.params.name, version };
  });

  app.delete<{ Params: { name: string } }>(API.blob, async (req, reply) => {
    const caller = await requireCaller(req, store, ctx.now());
    await store.transact((tx) => tx.blobs.delete(caller.account.id, req.params.name));
    return reply.code(204).send();
  });
}

import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { toDayPrecision } from '@lamplight/domain';
import { API, MAX_DIRECTORY_BYTES, directoryPut, directoryReset, type DirectoryPublished, type DirectoryView } from '@lamplight/protocol';
import { parseDirectory, TAIWAN_DIRECTORY, type Directory } from '@lamplight/safety/directory';
import type { Reader } from '@lamplight/storage';
import { requireCaller, requireSteward } from '../auth/session.js';
import type { AppContext } from '../context.js';
import { HttpError, parseBody } from '../http/errors.js';

const CONFLICT = 'Someone else changed the directory since you loaded it. Nothing was changed: load it again and redo your edit.';

/** The directory in force: the community's published one, or the built-in Taiwan directory. */
export async function readDirectory(read: Reader): Promise<DirectoryView<Directory>> {
  const row = await read.directory.get();
  if (row === undefined) return { directory: TAIWAN_DIRECTORY, revision: 0, source: 'built-in', updatedDay: null };
  if (row.body !== null) {
    let stored: unknown;
    try {
      stored = JSON.parse(row.body);
    } catch {
      stored = undefined;
    }
    const checked = parseDirectory(stored);
    if (checked.ok) return { directory: checked.directory, revision: row.revision, source: 'community', updatedDay: row.updatedDay };
  }
  // Restored by a steward, or (after a schema change) no longer valid: the built-in one, at the stored revision.
  return { directory: TAIWAN_DIRECTORY, revision: row.revision, source: 'built-in', updatedDay: row.updatedDay };
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 22)}"`;
}

/**
 * The hotline directory stewards edit for their region. Reading it needs no
 * session: the footer shows it before sign-in and while the vault is locked.
 * Publishing and restoring are for stewards, and the server keeps no record
 * of which steward did it.
 */
export function registerDirectoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get(API.directory, async (req, reply) => {
    const body = JSON.stringify(await readDirectory(store.read));
    const etag = etagOf(body);
    // Public, but always revalidated so a steward's change shows at once; the ETag makes that cheap.
    reply.header('cache-control', 'no-cache').header('etag', etag);
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.put(API.directory, async (req): Promise<DirectoryPublished> => {
    const caller = await requireCaller(req, store, ctx.now());
    requireSteward(caller);
    const put = parseBody(directoryPut, req.body);
    const checked = parseDirectory(put.directory);
    if (!checked.ok) throw new HttpError(400, 'bad-request', 'The directory does not pass its checks. Nothing was changed.', checked.issues);
    const json = JSON.stringify(checked.directory);
    if (Buffer.byteLength(json, 'utf8') > MAX_DIRECTORY_BYTES) {
      throw new HttpError(400, 'bad-request', `The directory is larger than ${MAX_DIRECTORY_BYTES / 1024} KiB. Nothing was changed.`);
    }
    const updatedDay = toDayPrecision(ctx.now());
    const revision = await store.transact((tx) => tx.directory.replace(json, put.baseRevision, updatedDay));
    if (revision === undefined) throw new HttpError(409, 'conflict', CONFLICT);
    return { revision, updatedDay };
  });

  app.delete(API.directory, async (req): Promise<DirectoryPublished> => {
    const caller = await requireCaller(req, store, ctx.now());
    requireSteward(caller);
    const reset = parseBody(directoryReset, req.body);
    const updatedDay = toDayPrecision(ctx.now());
    const revision = await store.transact((tx) => tx.directory.replace(null, reset.baseRevision, updatedDay));
    if (revision === undefined) throw new HttpError(409, 'conflict', CONFLICT);
    return { revision, updatedDay };
  });
}

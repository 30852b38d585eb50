import type { FastifyRequest } from 'fastify';
import type { AccountRow, Store } from '@lamplight/storage';
import { HttpError } from '../http/errors.js';
import { sha256Hex } from './keys.js';

/** Who is calling, after the session token checked out. */
export type Caller = Readonly<{ account: AccountRow; deviceId: string; tokenHash: string }>;

/** Read `Authorization: Bearer <token>` and find its live session, or throw 401. */
export async function requireCaller(req: FastifyRequest, store: Store, now: number): Promise<Caller> {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') === true ? header.slice(7).trim() : '';
  if (!/^[A-Za-z0-9_-]{43}$/u.test(token)) throw new HttpError(401, 'unauthenticated', 'Please unlock and sign in again.');
  const tokenHash = sha256Hex(token);
  const session = await store.read.auth.session(tokenHash, now);
  const account = session === undefined ? undefined : await store.read.accounts.byId(session.accountId);
  if (session === undefined || account === undefined) throw new HttpError(401, 'unauthenticated', 'Please unlock and sign in again.');
  return { account, deviceId: session.deviceId, tokenHash };
}

/** Throw 403 unless the caller is a steward. */
export function requireSteward(caller: Caller): void {
  if (caller.account.role !== 'steward') throw new HttpError(403, 'forbidden', 'Only stewards can do this.');
}

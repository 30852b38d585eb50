import { coarsenTimestamp } from '@lamplight/domain';
import { randomUUID } from 'node:crypto';
import { MAX_CIRCLE_TIMER_MS, type SendFrame, type ServerFrame } from '@lamplight/protocol';
import type { Store } from '@lamplight/storage';
import { accountChannel, circleChannel, encodeFrame } from './frames.js';
import type { Hub } from './hub.js';
import { framingProblem } from './validate.js';

/** Welcomes wait this long for the new member. */
export const WELCOME_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The outcome of a send, to answer the sender with. */
export type SendOutcome = Readonly<{ frame: ServerFrame }>;

/** A unique-constraint violation on either engine (a racing resend of the same client id). */
function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The delivery service's write path: check membership and framing, store
 * the entry with its sequence number (and, for a commit, the routing changes
 * it carries) in one transaction, acknowledge only after that commits, then
 * fan it out.
 */
export async function deliver(store: Store, hub: Hub, accountId: string, frame: SendFrame, now: number): Promise<SendOutcome> {
  const err = (code: Extract<ServerFrame, { t: 'error' }>['code'], message: string): SendOutcome => ({
    frame: { t: 'error', code, message, clientId: frame.clientId, circleId: frame.circleId },
  });
  const role = await store.read.circles.role(frame.circleId, accountId);
  if (role === undefined) return err('not-a-member', 'You are not in this circle.');
  const body = Buffer.from(frame.mls, 'base64url');
  const problem = framingProblem(frame, body);
  if (problem !== undefined) return err('malformed', `The message was refused: ${problem}.`);
  const adds = frame.adds ?? [];
  const removes = frame.removes ?? [];
  if (frame.kind === 'app' && (adds.length > 0 || removes.length > 0 || (frame.welcomes?.length ?? 0) > 0)) {
    return err('malformed', 'Only a commit can change who is in a circle.');
  }
  const changesOthers = adds.length > 0 || removes.some((r) => r !== accountId);
  if (changesOthers && role !== 'moderator') return err('forbidden', 'Only moderators add or remove members.');

  const storedAt = coarsenTimestamp(now);
  let result;
  try {
    result = await store.transact(async (tx) => {
      const circle = await tx.circles.circle(frame.circleId);
      const timer = Math.min(circle?.timerMs ?? MAX_CIRCLE_TIMER_MS, MAX_CIRCLE_TIMER_MS);
      const r = await tx.circles.append({
        circleId: frame.circleId,
        kind: frame.kind,
        epoch: frame.epoch,
        clientId: frame.clientId,
        body,
        storedAt,
        expiresAt: storedAt + timer,
      });
      if (r.status !== 'stored' || frame.kind !== 'commit') return r;
      for (const a of adds) {
        if ((await tx.accounts.byId(a.accountId)) !== undefined) await tx.circles.setMember(frame.circleId, a.accountId, a.role);
      }
      for (const w of frame.welcomes ?? []) {
        if ((await tx.circles.role(frame.circleId, w.accountId)) === undefined) continue;
        await tx.circles.addWelcome({ id: randomUUID(), accountId: w.accountId, circleId: frame.circleId, body: Buffer.from(w.mls, 'base64url'), expiresAt: now + WELCOME_TTL_MS });
      }
      for (const r2 of removes) await tx.circles.removeMember(frame.circleId, r2);
      return r;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const seq = await store.read.circles.seqOfClientId(frame.circleId, frame.clientId);
    if (seq === undefined) throw e;
    result = { status: 'duplicate' as const, seq };
  }
  switch (result.status) {
    case 'no-circle':
      return err('not-a-member', 'You are not in this circle.');
    case 'stale-epoch':
      return err('stale-epoch', `This circle has moved on to epoch ${result.epoch}; process the newer commits and try again.`);
    case 'duplicate':
      // The first attempt may have been stored by a node that died before its
      // publish; publish again so live followers hear of it now rather than
      // at the circle's next message (followers drop seqs they already have).
      void republish(store, hub, frame.circleId, result.seq, now).catch(() => undefined);
      return { frame: { t: 'ack', clientId: frame.clientId, circleId: frame.circleId, seq: result.seq } };
    case 'stored':
      break;
  }
  const entry: ServerFrame = { t: 'entry', circleId: frame.circleId, seq: result.seq, kind: frame.kind, epoch: frame.epoch, mls: frame.mls, at: storedAt };
  // Fan-out is best effort: the entry is durable, and clients resume from the log.
  // The ack does not wait for it, so a Redis outage cannot stall sends (each
  // publish would wait out the client's reconnect retries). Publishes leave in
  // call order on one connection either way.
  void hub.publish(circleChannel(frame.circleId), encodeFrame(entry)).catch(() => undefined);
  for (const w of frame.welcomes ?? []) {
    void hub.publish(accountChannel(w.accountId), encodeFrame({ t: 'welcome', circleId: frame.circleId, mls: w.mls })).catch(() => undefined);
  }
  for (const r of removes) {
    void hub.publish(accountChannel(r), encodeFrame({ t: 'removed', circleId: frame.circleId })).catch(() => undefined);
  }
  return { frame: { t: 'ack', clientId: frame.clientId, circleId: frame.circleId, seq: result.seq } };
}

/**
 * Publish a stored entry again, for a resend of something already in the log:
 * the node that stored it may have died before its own publish.
 */
export async function republish(store: Store, hub: Hub, circleId: string, seq: number, now: number): Promise<void> {
  const [e] = await store.read.circles.entriesAfter(circleId, seq - 1, 1, now);
  if (e?.seq !== seq) return;
  const entry: ServerFrame = { t: 'entry', circleId, seq, kind: e.kind, epoch: e.epoch, mls: Buffer.from(e.body).toString('base64url'), at: e.storedAt };
  await hub.publish(circleChannel(circleId), encodeFrame(entry));
}

import {
  DEFAULT_LADDER_CONFIG,
  emptyLadderState,
  ladderReducer,
  nextLadderDeadline,
  pruneEndedRequests,
  RETENTION_PERIOD_MS,
  type LadderEffect,
  type LadderError,
  type LadderEvent,
  type LadderState,
} from '@lamplight/domain';
import type { Store, Transactor } from '@lamplight/storage';
import { WATCH_NUDGE } from '@lamplight/protocol';
import { accountChannel, encodeFrame } from '../ws/frames.js';
import type { FanOut } from '../fanout/port.js';
import { nudgeTargets } from './nudge.js';

/** Escalation tickets are kept 30 days (DESIGN.md §5), shifts 90: the domain's retention table. */
export const TICKET_RETENTION_MS = RETENTION_PERIOD_MS['escalation-ticket'];
export const SHIFT_RETENTION_MS = RETENTION_PERIOD_MS.shift;

export type LadderOutcome =
  | Readonly<{ ok: true; before: LadderState; state: LadderState; effects: readonly LadderEffect[] }>
  | Readonly<{ ok: false; error: LadderError }>;

export function parseLadder(doc: string | undefined, now: number): LadderState {
  if (doc === undefined || doc === '') return emptyLadderState(now);
  return JSON.parse(doc) as LadderState;
}

/**
 * The night watch on top of the pure ladder: every event is applied to the
 * one stored ladder document inside a transaction that locks it, so several
 * nodes apply events one at a time; effects go out over fan-out afterwards.
 */
export class WatchService {
  constructor(
    private readonly store: Store,
    private readonly fanout: FanOut,
  ) {}

  /** Apply one event; `before` may add rows in the same transaction (e.g. who owns a new request). */
  async apply(event: LadderEvent, before?: (tx: Transactor, state: LadderState) => Promise<void>): Promise<LadderOutcome> {
    const outcome = await this.store.transact(async (tx): Promise<LadderOutcome> => {
      const state = parseLadder(await tx.watch.ladderForUpdate(), event.at);
      if (before !== undefined) await before(tx, state);
      const r = ladderReducer(state, event, DEFAULT_LADDER_CONFIG);
      if (!r.ok) return { ok: false, error: r.error };
      await tx.watch.saveLadder(JSON.stringify(r.state));
      return { ok: true, before: state, state: r.state, effects: r.effects };
    });
    if (outcome.ok) await this.publish(outcome.before, outcome.state);
    return outcome;
  }

  async state(now: number): Promise<LadderState> {
    return parseLadder(await this.store.read.watch.ladder(), now);
  }

  /** Move time forward when a deadline has passed. Safe to call from every node. */
  async tickIfDue(now: number): Promise<void> {
    const current = await this.state(now);
    const due = nextLadderDeadline(current, DEFAULT_LADDER_CONFIG);
    if (due === undefined || due > now) return;
    await this.apply({ type: 'tick', at: now });
  }

  /** Retention: forget ended tickets after 30 days and shifts after 90. */
  async prune(now: number): Promise<void> {
    await this.store.transact(async (tx) => {
      const doc = await tx.watch.ladderForUpdate();
      if (doc === undefined) return;
      let state = pruneEndedRequests(parseLadder(doc, now), now - TICKET_RETENTION_MS);
      const responders = Object.fromEntries(
        Object.entries(state.responders).map(([k, r]) => [k, { ...r, shifts: r.shifts.filter((s) => s.endsAt > now - SHIFT_RETENTION_MS) }]),
      );
      state = { ...state, responders };
      const gone = new Set(await tx.watch.purgeRequestsBefore(now - TICKET_RETENTION_MS));
      if (gone.size > 0) state = { ...state, requests: Object.fromEntries(Object.entries(state.requests).filter(([k, r]) => !gone.has(k) || (r.status !== 'closed' && r.status !== 'cancelled'))) };
      await tx.watch.saveLadder(JSON.stringify(state));
    });
  }

  /**
   * Remove every trace of an account from the ladder: its requests, its
   * responder profile, and its id on requests it answered. Runs inside the
   * account-deletion transaction.
   */
  static async scrubAccount(tx: Transactor, accountId: string, requestIds: readonly string[], now: number): Promise<void> {
    const doc = await tx.watch.ladderForUpdate();
    if (doc === undefined) return;
    const state = parseLadder(doc, now);
    const drop = new Set(requestIds);
    const requests: Record<string, LadderState['requests'][string]> = {};
    for (const [k, r] of Object.entries(state.requests)) {
      if (drop.has(k)) continue;
      if (r.responderId !== accountId) {
        requests[k] = r;
        continue;
      }
      const { responderId: _r, closedBy, ...rest } = r;
      const open = r.status === 'accepted';
      requests[k] = {
        ...rest,
        ...(closedBy === undefined || closedBy.kind === 'member' ? (closedBy === undefined ? {} : { closedBy }) : { closedBy: { kind: 'member' } }),
        ...(open ? { status: 'waiting' as const, levelSince: now, offeredTo: [], declinedBy: [] } : {}),
      };
    }
    const { [accountId]: _gone, ...responders } = state.responders;
    await tx.watch.saveLadder(JSON.stringify({ ...state, requests, responders }));
  }

  /** Nudge everyone whose night-watch screen changed: the same contentless frame for every reason. */
  private async publish(before: LadderState, after: LadderState): Promise<void> {
    const targets = nudgeTargets(before, after, after.at, DEFAULT_LADDER_CONFIG);
    const accounts = new Set(targets.responders);
    for (const requestId of targets.requests) {
      const owner = await this.store.read.watch.ownerOf(requestId);
      if (owner !== undefined) accounts.add(owner);
    }
    const nudge = encodeFrame(WATCH_NUDGE);
    await Promise.all([...accounts].map((a) => this.fanout.publish(accountChannel(a), nudge).catch(() => undefined)));
  }
}

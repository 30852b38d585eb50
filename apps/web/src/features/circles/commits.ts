import { addMembers, applyRoster, rebaseCommit, removeMembers, updateOwnLeaf, type CircleState, type PendingCommit } from '@lamplight/crypto';
import { keyPackageRef } from './envelope.js';
import { admit, b64, loadIdentity, loadRoster, loadState, saveRoster, saveState, unb64, unlist } from './mls-ops.js';
import type { CircleRecord, StoredPendingCommit } from './records.js';

/**
 * Commits a moderator or member makes, in the form kept in the vault until
 * the server accepts them (see {@link StoredPendingCommit}). None of these
 * changes the given state: the caller adopts `pending.state` once acked.
 */

/** A moderator's add: admit the newcomer's credential into a new signed roster, then commit the add. */
export async function prepareAdd(rec: CircleRecord, state: CircleState, keyPackage: string, accountId: string, clientId: string): Promise<StoredPendingCommit> {
  const bytes = unb64(keyPackage);
  const admitted = await admit(state, loadIdentity(rec.identity), bytes);
  const pending = await addMembers(admitted.state, [bytes]);
  return {
    clientId,
    kind: 'add',
    epoch: pending.epoch,
    commit: b64(pending.commit),
    state: saveState(pending.state),
    adds: [{ accountId, keyPackage, ref: await keyPackageRef(bytes), memberId: admitted.memberId }],
    roster: saveRoster(admitted.roster),
    ...(pending.welcome === undefined ? {} : { welcome: b64(pending.welcome) }),
  };
}

/** A moderator's removal: drop the member from the signed roster, then commit the removal. */
export async function prepareRemoval(rec: CircleRecord, state: CircleState, memberId: string, clientId: string): Promise<StoredPendingCommit> {
  const unlisted = await unlist(state, loadIdentity(rec.identity), [memberId]);
  const pending = await removeMembers(unlisted.state, [memberId]);
  const accountId = rec.accounts[memberId];
  return {
    clientId,
    kind: 'remove',
    epoch: pending.epoch,
    commit: b64(pending.commit),
    state: saveState(pending.state),
    removes: [{ memberId, ...(accountId === undefined ? {} : { accountId }) }],
    roster: saveRoster(unlisted.roster),
  };
}

/** A fresh leaf key for this member (at least daily). */
export async function prepareUpdate(state: CircleState, clientId: string): Promise<StoredPendingCommit> {
  const pending = await updateOwnLeaf(state);
  return { clientId, kind: 'update', epoch: pending.epoch, commit: b64(pending.commit), state: saveState(pending.state) };
}

/**
 * Re-makes a commit that lost its epoch against `state` (after the winner):
 * the roster it needs is applied again first. Undefined when nothing is left to do.
 */
export async function prepareRebase(state: CircleState, p: StoredPendingCommit, clientId: string): Promise<StoredPendingCommit | undefined> {
  const intent =
    p.kind === 'add'
      ? { kind: 'add' as const, keyPackages: (p.adds ?? []).map((a) => unb64(a.keyPackage)) }
      : p.kind === 'remove'
        ? { kind: 'remove' as const, memberIds: (p.removes ?? []).map((r) => r.memberId) }
        : { kind: 'update' as const };
  const lost: PendingCommit = { intent, epoch: p.epoch, commit: unb64(p.commit), welcome: undefined, state: loadState(p.state) };
  const base = p.roster === undefined ? state : await applyRoster(state, loadRoster(p.roster));
  const next = await rebaseCommit(base, lost);
  if (next === undefined) return undefined;
  const { welcome: _w, lost: _l, ...rest } = p;
  return {
    ...rest,
    clientId,
    epoch: next.epoch,
    commit: b64(next.commit),
    state: saveState(next.state),
    ...(next.welcome === undefined ? {} : { welcome: b64(next.welcome) }),
  };
}

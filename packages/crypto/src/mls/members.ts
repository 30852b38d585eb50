import type { ClientState, RatchetTree } from 'ts-mls';
import { utf8Decode } from './bytes.js';
import { claimOf } from './identity.js';
import { unwrap, type CircleState } from './state.js';

/** One current member of a circle as the MLS tree shows it. */
export type CircleMember = Readonly<{
  memberId: string;
  signaturePublicKey: Uint8Array;
  /** Position in the MLS tree; changes only when the member leaves. */
  leafIndex: number;
}>;

/** Members in a ratchet tree, in leaf order. Leaves with foreign credentials are skipped. */
export function membersOfTree(tree: RatchetTree): CircleMember[] {
  const members: CircleMember[] = [];
  // Leaves sit at even node indexes (RFC 9420 §4.1.1 array representation).
  for (let nodeIndex = 0; nodeIndex < tree.length; nodeIndex += 2) {
    const node = tree[nodeIndex];
    if (node?.nodeType !== 'leaf') continue;
    try {
      const claim = claimOf(node.leaf.credential);
      members.push({ ...claim, leafIndex: nodeIndex / 2 });
    } catch {
      continue;
    }
  }
  return members;
}

/** The member at `leafIndex`, if any. */
export function memberAt(tree: RatchetTree, leafIndex: number): CircleMember | undefined {
  return membersOfTree(tree).find((m) => m.leafIndex === leafIndex);
}

/** This member's own leaf index in `group`. */
export function ownLeafIndex(group: ClientState): number {
  return group.privatePath.leafIndex;
}

/** Current members of the circle, in tree order. */
export function membersOf(state: CircleState): readonly CircleMember[] {
  return membersOfTree(unwrap(state).group.ratchetTree);
}

/** This member's own pseudonym id in the circle. */
export function myMemberId(state: CircleState): string {
  const group = unwrap(state).group;
  const me = memberAt(group.ratchetTree, ownLeafIndex(group));
  if (me === undefined) throw new RangeError('own leaf missing');
  return me.memberId;
}

/** The circle's current MLS epoch. */
export function epochOf(state: CircleState): number {
  return Number(unwrap(state).group.groupContext.epoch);
}

/** The circle id this state belongs to. */
export function circleIdOf(state: CircleState): string {
  return utf8Decode(unwrap(state).group.groupContext.groupId);
}

/** Whether a processed commit removed this member from the circle. */
export function isRemoved(state: CircleState): boolean {
  return unwrap(state).group.groupActiveState.kind === 'removedFromGroup';
}

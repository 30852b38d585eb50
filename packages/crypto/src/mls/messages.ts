import {
  createApplicationMessage,
  emptyPskIndex,
  encodeMlsMessage,
  processPrivateMessage,
  processPublicMessage,
  zeroOutUint8Array,
  type ClientState,
  type IncomingMessageCallback,
  type LeafNode,
  type PrivateMessage,
  type ProposalWithSender,
  type PublicMessage,
} from 'ts-mls';
import { decryptSenderData } from 'ts-mls/privateMessage.js';
import { bytesEqual } from './bytes.js';
import { boundGroup, translateError } from './circle.js';
import { CircleError } from './errors.js';
import { decodeWholeMessage, MLS_VERSION } from './key-package.js';
import { memberAt, membersOfTree, ownLeafIndex, type CircleMember } from './members.js';
import { peekMessage } from './peek.js';
import { decodeSignedRoster, isListed, verifyRoster } from './roster.js';
import { mayRemove } from './trust.js';
import { markSpent, unwrapLive, wrap, type CircleState, type InternalCircleState } from './state.js';
import { circleSuite } from './suite.js';

/** Proposal kinds a circle commit may contain; anything else is refused. */
const ALLOWED_PROPOSALS: ReadonlySet<string> = new Set(['add', 'remove', 'update']);

/** The outcome of {@link processIncoming}. Always continue with the returned `state`. */
export type IncomingResult =
  | Readonly<{
      kind: 'application';
      plaintext: Uint8Array;
      /** Pseudonym id of the sender, authenticated by MLS. */
      sender: string;
      epoch: number;
      state: CircleState;
    }>
  | Readonly<{
      kind: 'commit';
      /** The epoch the circle is in after this commit. */
      newEpoch: number;
      /** True when this commit removed the reader; the state can no longer send or read. */
      removedMe: boolean;
      committer: string;
      added: readonly string[];
      removed: readonly string[];
      state: CircleState;
    }>
  | Readonly<{
      /** This member's own commit, echoed back; adopt the pending commit's state instead. */
      kind: 'own-commit';
      epoch: number;
      state: CircleState;
    }>;

/**
 * Encrypts an application message as an MLS PrivateMessage.
 * @returns the encoded MLSMessage and the state to continue with.
 * @throws CircleError `not-a-member` after this member was removed.
 */
export async function encryptMessage(
  state: CircleState,
  plaintext: Uint8Array,
): Promise<Readonly<{ message: Uint8Array; state: CircleState }>> {
  const s = unwrapLive(state);
  if (s.group.groupActiveState.kind !== 'active') throw new CircleError('not-a-member', 'no longer a member of this circle');
  const suite = await circleSuite();
  const { group, refused } = boundGroup(s);
  try {
    const result = await createApplicationMessage(group, plaintext, suite);
    markSpent(state);
    result.consumed.forEach(zeroOutUint8Array);
    return {
      message: encodeMlsMessage({ version: MLS_VERSION, wireformat: 'mls_private_message', privateMessage: result.privateMessage }),
      state: wrap({ ...s, group: result.newState }),
    };
  } catch (error) {
    throw translateError(error, refused);
  }
}

const refuseForeignProposals: IncomingMessageCallback = (incoming) => {
  const proposals: ProposalWithSender[] = incoming.kind === 'commit' ? incoming.proposals : [incoming.proposal];
  return proposals.every((p) => ALLOWED_PROPOSALS.has(String(p.proposal.proposalType))) ? 'accept' : 'reject';
};

async function senderOf(group: ClientState, message: PrivateMessage): Promise<string> {
  const suite = await circleSuite();
  const current = group.groupContext.epoch;
  const receiver = message.epoch === current ? undefined : group.historicalReceiverData.get(message.epoch);
  const secret = message.epoch === current ? group.keySchedule.senderDataSecret : receiver?.senderDataSecret;
  const tree = message.epoch === current ? group.ratchetTree : receiver?.ratchetTree;
  if (secret === undefined || tree === undefined) {
    throw new CircleError(message.epoch > current ? 'future-epoch' : 'stale-epoch', 'no keys for that epoch');
  }
  let leafIndex: number | undefined;
  try {
    leafIndex = (await decryptSenderData(message, secret, suite))?.leafIndex;
  } catch (cause) {
    throw new CircleError('protocol-error', 'message cannot be decrypted', { cause });
  }
  const member = leafIndex === undefined ? undefined : memberAt(tree, leafIndex);
  if (member === undefined) throw new CircleError('unknown-member', 'sender is not a member');
  return member.memberId;
}

async function processApplication(s: InternalCircleState, message: PrivateMessage): Promise<IncomingResult> {
  if (message.contentType !== 'application') {
    throw new CircleError('proposal-not-allowed', 'handshake messages must be sent as public messages');
  }
  const sender = await senderOf(s.group, message);
  const suite = await circleSuite();
  const { group, refused } = boundGroup(s);
  try {
    const result = await processPrivateMessage(group, message, emptyPskIndex, suite, refuseForeignProposals);
    if (result.kind !== 'applicationMessage') throw new CircleError('protocol-error', 'expected an application message');
    result.consumed.forEach(zeroOutUint8Array);
    return {
      kind: 'application',
      plaintext: result.message,
      sender,
      epoch: Number(message.epoch),
      state: wrap({ ...s, group: result.newState }),
    };
  } catch (error) {
    throw translateError(error, refused);
  }
}

/**
 * Checks every credential a commit brings in against the roster before ts-mls
 * sees it (ts-mls checks again through the authentication service), and
 * that the committer may make the removals it contains. Doing it
 * here gives one clear error and avoids ts-mls's concurrent validation of
 * several bad adds, which leaves unhandled promise rejections behind.
 */
function checkCommitAgainstRoster(s: InternalCircleState, committer: CircleMember, message: PublicMessage): void {
  const roster = s.signedRoster.roster;
  if (message.content.contentType !== 'commit') {
    throw new CircleError('proposal-not-allowed', 'standalone proposals are not used');
  }
  const listed = (leaf: LeafNode) => isListed(roster, leaf.credential, leaf.signaturePublicKey);
  for (const entry of message.content.commit.proposals) {
    if (entry.proposalOrRefType !== 'proposal' || !ALLOWED_PROPOSALS.has(String(entry.proposal.proposalType))) {
      throw new CircleError('proposal-not-allowed', 'commit contains a proposal circles do not use');
    }
    const proposal = entry.proposal;
    const leaf =
      proposal.proposalType === 'add'
        ? proposal.add.keyPackage.leafNode
        : proposal.proposalType === 'update'
          ? proposal.update.leafNode
          : undefined;
    if (leaf !== undefined && !listed(leaf)) {
      throw new CircleError('credential-not-in-roster', 'a credential is not in the circle roster');
    }
    if (proposal.proposalType === 'remove') {
      const target = memberAt(s.group.ratchetTree, proposal.remove.removed);
      if (target !== undefined && !mayRemove(committer, target, roster, s.moderatorPublicKeys)) {
        throw new CircleError('removal-not-allowed', 'only moderators may remove members the roster still lists');
      }
    }
  }
  const path = message.content.commit.path;
  if (path !== undefined && !listed(path.leafNode)) {
    throw new CircleError('credential-not-in-roster', 'a credential is not in the circle roster');
  }
}

/**
 * A commit may carry the committer's signed roster. Adopt it when it is
 * newer than ours; an older or equal one is ignored (we validate against the
 * newest roster we hold). A carried roster that no moderator signed is an
 * attack and fails the commit.
 */
async function adoptCarriedRoster(s: InternalCircleState, carriedBytes: Uint8Array): Promise<InternalCircleState> {
  if (carriedBytes.length === 0) return s;
  const carried = decodeSignedRoster(carriedBytes);
  const roster = await verifyRoster(carried, s.moderatorPublicKeys);
  if (roster.circleId !== s.signedRoster.roster.circleId) {
    throw new CircleError('roster-wrong-circle', 'roster belongs to another circle');
  }
  return roster.version > s.signedRoster.roster.version ? { ...s, signedRoster: carried } : s;
}

async function processCommit(s0: InternalCircleState, bytes: Uint8Array): Promise<IncomingResult> {
  const peeked = peekMessage(bytes);
  if (peeked.wire !== 'public') throw new CircleError('malformed-message', 'not a public message');
  if (peeked.contentType !== 'commit') throw new CircleError('proposal-not-allowed', 'only commits travel as public messages');
  const current = Number(s0.group.groupContext.epoch);
  if (peeked.epoch < current) throw new CircleError('stale-epoch', 'commit is for an earlier epoch');
  if (peeked.epoch > current) throw new CircleError('future-epoch', 'commit is for a later epoch; fetch the missing ones');
  if (peeked.senderLeafIndex === ownLeafIndex(s0.group)) {
    return { kind: 'own-commit', epoch: current, state: wrap(s0) };
  }
  const s = await adoptCarriedRoster(s0, peeked.authenticatedData);
  const decoded = decodeWholeMessage(bytes);
  if (decoded?.wireformat !== 'mls_public_message') {
    throw new CircleError('malformed-message', 'not a public message');
  }
  const committer = peeked.senderLeafIndex === undefined ? undefined : memberAt(s.group.ratchetTree, peeked.senderLeafIndex);
  if (committer === undefined) throw new CircleError('unknown-member', 'committer is not a member');
  checkCommitAgainstRoster(s, committer, decoded.publicMessage);
  const before = membersOfTree(s.group.ratchetTree);
  const suite = await circleSuite();
  const { group, refused } = boundGroup(s);
  try {
    const result = await processPublicMessage(group, decoded.publicMessage, emptyPskIndex, suite, refuseForeignProposals);
    if (result.actionTaken === 'reject') {
      throw new CircleError('proposal-not-allowed', 'commit contains a proposal circles do not use');
    }
    result.consumed.forEach(zeroOutUint8Array);
    const after = membersOfTree(result.newState.ratchetTree);
    const has = (list: typeof before, m: (typeof before)[number]) =>
      list.some((x) => x.memberId === m.memberId && bytesEqual(x.signaturePublicKey, m.signaturePublicKey));
    return {
      kind: 'commit',
      newEpoch: Number(result.newState.groupContext.epoch),
      removedMe: result.newState.groupActiveState.kind === 'removedFromGroup',
      committer: committer.memberId,
      added: after.filter((m) => !has(before, m)).map((m) => m.memberId),
      removed: before.filter((m) => !has(after, m)).map((m) => m.memberId),
      state: wrap({ ...s, group: result.newState }),
    };
  } catch (error) {
    throw translateError(error, refused);
  }
}

/**
 * Processes one message from the circle's stream, in server order:
 * decrypts application messages, applies commits (adopting a newer signed
 * roster they carry, then checking every new credential against it).
 * @throws CircleError with code `wrong-circle`, `stale-epoch`, `future-epoch`,
 *   `credential-not-in-roster`, `proposal-not-allowed`, `removal-not-allowed`, `not-a-member`,
 *   `malformed-message`, `state-spent`
 *   or `protocol-error`. On any error the given state is still valid.
 */
export async function processIncoming(state: CircleState, bytes: Uint8Array): Promise<IncomingResult> {
  const s = unwrapLive(state);
  if (s.group.groupActiveState.kind !== 'active') throw new CircleError('not-a-member', 'no longer a member of this circle');
  const peeked = peekMessage(bytes);
  if (peeked.wire !== 'public' && peeked.wire !== 'private') {
    throw new CircleError('malformed-message', 'not a circle message');
  }
  if (!bytesEqual(peeked.groupId, s.group.groupContext.groupId)) {
    throw new CircleError('wrong-circle', 'message belongs to another circle');
  }
  let result: IncomingResult;
  if (peeked.wire === 'public') {
    result = await processCommit(s, bytes);
  } else {
    const decoded = decodeWholeMessage(bytes);
    if (decoded?.wireformat !== 'mls_private_message') {
      throw new CircleError('malformed-message', 'not a private message');
    }
    result = await processApplication(s, decoded.privateMessage);
  }
  if (result.kind !== 'own-commit') markSpent(state);
  return result;
}

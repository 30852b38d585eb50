import {
  createCommit,
  createGroup,
  emptyPskIndex,
  encodeMlsMessage,
  joinGroup,
  type ClientState,
  type Proposal,
} from 'ts-mls';
import { MlsError } from 'ts-mls/mlsError.js';
import { bytesEqual, utf8Encode } from './bytes.js';
import { CircleError } from './errors.js';
import { claimOf } from './identity.js';
import { decodeWholeMessage, MLS_VERSION, readKeyPackage, readPrivatePackage, type MemberKeyPackage } from './key-package.js';
import { membersOfTree, ownLeafIndex } from './members.js';
import { encodeSignedRoster, isListed, type CircleRoster, type SignedRoster } from './roster.js';
import { configFor, unwrap, unwrapLive, wrap, type CircleState, type InternalCircleState } from './state.js';
import { circleSuite } from './suite.js';
import { mayRemove, newerRoster, verifyTrust, type CircleTrust } from './trust.js';

/**
 * Turns a failure inside ts-mls into a {@link CircleError}: a refusal by the
 * roster check becomes `credential-not-in-roster`, anything else
 * `protocol-error`. Our own errors pass through unchanged.
 */
export function translateError(error: unknown, refused: () => boolean): CircleError {
  if (error instanceof CircleError) return error;
  if (refused()) {
    return new CircleError('credential-not-in-roster', 'a credential is not in the circle roster', { cause: error });
  }
  const message = error instanceof MlsError ? 'MLS processing failed' : 'MLS operation failed';
  return new CircleError('protocol-error', message, { cause: error });
}

function groupIdOf(circleId: string): Uint8Array {
  return utf8Encode(circleId);
}

/** The group state with a client config bound to the state's current roster. */
export function boundGroup(state: InternalCircleState): { group: ClientState; refused: () => boolean } {
  const { config, refused } = configFor(state.signedRoster.roster);
  return { group: { ...state.group, clientConfig: config }, refused };
}

/**
 * Starts a new circle with its creator as the only member.
 * @param circleId - the circle's id; it becomes the MLS group id.
 * @param creatorKeyPackage - made with the creator's per-circle identity.
 * @param trust - moderator keys and a roster listing the creator.
 * @throws CircleError if the roster is invalid or does not list the creator.
 */
export async function createCircle(
  circleId: string,
  creatorKeyPackage: MemberKeyPackage,
  trust: CircleTrust,
): Promise<CircleState> {
  const roster = await verifyTrust(trust, circleId);
  const keyPackage = readKeyPackage(creatorKeyPackage.publicPackage);
  if (!isListed(roster, keyPackage.leafNode.credential, keyPackage.leafNode.signaturePublicKey)) {
    throw new CircleError('credential-not-in-roster', 'the creator is not in the circle roster');
  }
  const suite = await circleSuite();
  const { config } = configFor(roster);
  const group = await createGroup(
    groupIdOf(circleId),
    keyPackage,
    readPrivatePackage(creatorKeyPackage.privatePackage),
    [],
    suite,
    config,
  );
  return wrap({ group, signedRoster: trust.signedRoster, moderatorPublicKeys: trust.moderatorPublicKeys });
}

/**
 * Joins a circle from a welcome. The welcome carries the ratchet tree; every
 * member in it must be listed in the signed roster, or the join is refused.
 * @param welcome - encoded MLSMessage (wire format welcome).
 * @param myKeyPackage - the key package the welcome was made for.
 * @param trust - moderator keys (from the invitation) and the newest signed roster.
 * @throws CircleError `credential-not-in-roster` if the tree holds an unlisted member.
 */
export async function joinFromWelcome(
  welcome: Uint8Array,
  myKeyPackage: MemberKeyPackage,
  trust: CircleTrust,
): Promise<CircleState> {
  const decoded = decodeWholeMessage(welcome);
  if (decoded?.wireformat !== 'mls_welcome') {
    throw new CircleError('malformed-message', 'not a welcome message');
  }
  const suite = await circleSuite();
  const roster = await verifyTrust(trust, trust.signedRoster.roster.circleId);
  const { config, refused } = configFor(roster);
  let group: ClientState;
  try {
    group = await joinGroup(
      decoded.welcome,
      readKeyPackage(myKeyPackage.publicPackage),
      readPrivatePackage(myKeyPackage.privatePackage),
      emptyPskIndex,
      suite,
      undefined,
      undefined,
      config,
    );
  } catch (error) {
    throw translateError(error, refused);
  }
  if (!bytesEqual(group.groupContext.groupId, groupIdOf(roster.circleId))) {
    throw new CircleError('roster-wrong-circle', 'roster belongs to another circle');
  }
  return wrap({ group, signedRoster: trust.signedRoster, moderatorPublicKeys: trust.moderatorPublicKeys });
}

/**
 * Adopts a newer moderator-signed roster. An equal version is a no-op.
 * @throws CircleError `roster-rollback` for an older roster, `roster-signature-invalid`
 *   if no moderator of this circle signed it.
 */
export async function applyRoster(state: CircleState, signedRoster: SignedRoster): Promise<CircleState> {
  const s = unwrapLive(state);
  const kept = await newerRoster(s.signedRoster, signedRoster, s.moderatorPublicKeys);
  return kept === s.signedRoster ? state : wrap({ ...s, signedRoster: kept });
}

/** The roster this state currently enforces. */
export function rosterOf(state: CircleState): CircleRoster {
  return unwrap(state).signedRoster.roster;
}

/** The signed roster this state currently enforces (to pass on to a joiner). */
export function signedRosterOf(state: CircleState): SignedRoster {
  return unwrap(state).signedRoster;
}

/**
 * Members still in the MLS group whose credential is no longer in the
 * roster. The app should remove them with {@link removeMembers}.
 */
export function membersOutsideRoster(state: CircleState): readonly string[] {
  const s = unwrap(state);
  const roster = s.signedRoster.roster;
  return membersOfTree(s.group.ratchetTree)
    .filter(
      (m) =>
        !roster.members.some((e) => e.memberId === m.memberId && bytesEqual(e.signaturePublicKey, m.signaturePublicKey)),
    )
    .map((m) => m.memberId);
}

/**
 * Whether this member may remove `memberId` now (for showing or hiding the
 * action): moderators may remove anyone else, other members only someone
 * the current roster no longer lists.
 */
export function canRemove(state: CircleState, memberId: string): boolean {
  const s = unwrap(state);
  const members = membersOfTree(s.group.ratchetTree);
  const self = members.find((m) => m.leafIndex === ownLeafIndex(s.group));
  const target = members.find((m) => m.memberId === memberId);
  if (self === undefined || target === undefined || target.leafIndex === self.leafIndex) return false;
  return mayRemove(self, target, s.signedRoster.roster, s.moderatorPublicKeys);
}

/** What a commit is meant to do, kept so it can be re-made in a later epoch. */
export type CommitIntent =
  | Readonly<{ kind: 'add'; keyPackages: readonly Uint8Array[] }>
  | Readonly<{ kind: 'remove'; memberIds: readonly string[] }>
  | Readonly<{ kind: 'update' }>;

/**
 * A commit this member made but the delivery service has not yet accepted.
 * Send `commit` (and `welcome`, to the added members). Adopt `state` only
 * once the server accepts the commit for `epoch`; if another commit won that
 * epoch, process the winner with the OLD state and call {@link rebaseCommit}.
 */
export type PendingCommit = Readonly<{
  intent: CommitIntent;
  /** The epoch this commit was made in (the server accepts one commit per epoch). */
  epoch: number;
  /** Encoded MLSMessage, a PublicMessage commit. */
  commit: Uint8Array;
  /** Encoded MLSMessage welcome for added members, when there are any. */
  welcome: Uint8Array | undefined;
  /** The state to adopt once the commit is accepted. */
  state: CircleState;
}>;

async function commitWith(
  state: CircleState,
  intent: CommitIntent,
  proposals: Proposal[],
  authenticatedData: Uint8Array,
): Promise<PendingCommit> {
  const s = unwrapLive(state);
  const suite = await circleSuite();
  const { group, refused } = boundGroup(s);
  try {
    const result = await createCommit(
      { state: group, cipherSuite: suite },
      { wireAsPublicMessage: true, ratchetTreeExtension: true, extraProposals: proposals, authenticatedData },
    );
    return {
      intent,
      epoch: Number(s.group.groupContext.epoch),
      commit: encodeMlsMessage(result.commit),
      welcome:
        result.welcome === undefined
          ? undefined
          : encodeMlsMessage({ version: MLS_VERSION, wireformat: 'mls_welcome', welcome: result.welcome }),
      state: wrap({ ...s, group: result.newState }),
    };
  } catch (error) {
    throw translateError(error, refused);
  }
}

/**
 * Commits adding members. Each key package's credential must be in the
 * current roster; the commit carries the signed roster in its authenticated
 * data so other members can adopt it before validating.
 * @throws CircleError `credential-not-in-roster` for an unlisted member.
 */
export async function addMembers(state: CircleState, keyPackages: readonly Uint8Array[]): Promise<PendingCommit> {
  const s = unwrapLive(state);
  const roster = s.signedRoster.roster;
  const proposals: Proposal[] = keyPackages.map((bytes) => {
    const keyPackage = readKeyPackage(bytes);
    if (!isListed(roster, keyPackage.leafNode.credential, keyPackage.leafNode.signaturePublicKey)) {
      throw new CircleError('credential-not-in-roster', 'a member to add is not in the circle roster');
    }
    return { proposalType: 'add', add: { keyPackage } };
  });
  return commitWith(state, { kind: 'add', keyPackages }, proposals, encodeSignedRoster(s.signedRoster));
}

/**
 * Commits removing members by pseudonym id. New epoch keys are sent only to
 * the remaining members, so the removed cannot read anything sent after.
 * Moderators may remove anyone; other members only those the roster no
 * longer lists (see {@link mayRemove}). Like an add, the commit carries the
 * signed roster that authorises it.
 * @throws CircleError `unknown-member` if an id is not in the circle or is this member,
 *   `removal-not-allowed` if this member may not remove them.
 */
export async function removeMembers(state: CircleState, memberIds: readonly string[]): Promise<PendingCommit> {
  const s = unwrapLive(state);
  const members = membersOfTree(s.group.ratchetTree);
  const self = members.find((m) => m.leafIndex === ownLeafIndex(s.group));
  const proposals: Proposal[] = memberIds.map((id) => {
    const member = members.find((m) => m.memberId === id);
    if (member === undefined || self === undefined || member.leafIndex === self.leafIndex) {
      throw new CircleError('unknown-member', 'no other member with that id in the circle');
    }
    if (!mayRemove(self, member, s.signedRoster.roster, s.moderatorPublicKeys)) {
      throw new CircleError('removal-not-allowed', 'only moderators may remove members the roster still lists');
    }
    return { proposalType: 'remove', remove: { removed: member.leafIndex } };
  });
  return commitWith(state, { kind: 'remove', memberIds }, proposals, encodeSignedRoster(s.signedRoster));
}

/**
 * Commits a fresh leaf key and path for this member (post-compromise
 * security). Do it at least every {@link LEAF_UPDATE_INTERVAL_MS}.
 */
export async function updateOwnLeaf(state: CircleState): Promise<PendingCommit> {
  return commitWith(state, { kind: 'update' }, [], new Uint8Array());
}

/**
 * Re-makes a commit that lost its epoch, against the state after the
 * winning commit. Adds of members already in the circle and removals of
 * members already gone are dropped; returns undefined when nothing is left.
 */
export async function rebaseCommit(state: CircleState, lost: PendingCommit): Promise<PendingCommit | undefined> {
  const members = membersOfTree(unwrapLive(state).group.ratchetTree);
  const intent = lost.intent;
  switch (intent.kind) {
    case 'update':
      return updateOwnLeaf(state);
    case 'remove': {
      const still = intent.memberIds.filter((id) => members.some((m) => m.memberId === id));
      return still.length === 0 ? undefined : removeMembers(state, still);
    }
    case 'add': {
      const missing = intent.keyPackages.filter((bytes) => {
        const claim = claimOf(readKeyPackage(bytes).leafNode.credential);
        return !members.some((m) => m.memberId === claim.memberId);
      });
      return missing.length === 0 ? undefined : addMembers(state, missing);
    }
  }
}

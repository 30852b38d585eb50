/**
 * Lamplight circles on MLS (RFC 9420), through ts-mls (pinned), behind one
 * narrow interface. Nothing outside this package imports ts-mls.
 *
 * Flow:
 * 1. Joining a circle, a member makes a fresh {@link createCircleIdentity}
 *    (pseudonym id + signature key used in no other circle) and a
 *    {@link createMemberKeyPackage}; the public half goes to the server.
 * 2. A moderator lists `{memberId, signaturePublicKey}` in the circle roster
 *    and signs it ({@link signRoster}); only listed credentials can ever enter
 *    the MLS group (checked by us and through ts-mls's authentication service,
 *    for adds, commit paths and whole trees on join).
 * 3. A member commits ({@link addMembers}, {@link removeMembers},
 *    {@link updateOwnLeaf}) and sends the commit. Moderators may remove anyone;
 *    other members only those the roster has dropped. The server accepts one commit
 *    per epoch ({@link peekMessage} reads the epoch without keys). Accepted:
 *    adopt `pending.state`. Lost: process the winner with the old state, then
 *    {@link rebaseCommit}.
 * 4. Everyone feeds the circle's message stream, in server order, to
 *    {@link processIncoming}.
 *
 * Wire framing: commits are MLS PublicMessages (epoch, sender leaf and content
 * type readable by the server; contents signed and membership-tagged),
 * application messages are PrivateMessages (only group id, epoch and content
 * type readable). Welcomes and key packages are ordinary MLSMessages.
 */
export { CIRCLE_CIPHERSUITE, CIRCLE_CIPHERSUITE_ID } from './suite.js';
export { CircleError, type CircleErrorCode } from './errors.js';
export { createCircleIdentity, type CircleIdentity, type CredentialClaim } from './identity.js';
export { createMemberKeyPackage, inspectKeyPackage, KEY_PACKAGE_LIFETIME_MS, type MemberKeyPackage } from './key-package.js';
export {
  signRoster,
  verifyRoster,
  encodeSignedRoster,
  decodeSignedRoster,
  type CircleRoster,
  type RosterEntry,
  type RosterSigner,
  type SignedRoster,
} from './roster.js';
export type { CircleTrust } from './trust.js';
export { encodeCircleState, decodeCircleState, type CircleState } from './state.js';
export {
  createCircle,
  joinFromWelcome,
  applyRoster,
  rosterOf,
  signedRosterOf,
  membersOutsideRoster,
  canRemove,
  addMembers,
  removeMembers,
  updateOwnLeaf,
  rebaseCommit,
  type CommitIntent,
  type PendingCommit,
} from './circle.js';
export { encryptMessage, processIncoming, type IncomingResult } from './messages.js';
export { membersOf, myMemberId, epochOf, circleIdOf, isRemoved, type CircleMember } from './members.js';
export {
  peekMessage,
  peekEpoch,
  peekContentType,
  type PeekedMessage,
  type PeekedContentType,
  type WireKind,
} from './peek.js';
export { LEAF_UPDATE_INTERVAL_MS, needsLeafUpdate } from './leaf-update.js';

/**
 * Lamplight circles on MLS (RFC 9420), through ts-mls, behind one narrow
 * interface. Everything that crosses the network is an encoded MLSMessage:
 * commits are PublicMessages (the delivery service can read their epoch and
 * accept one per epoch), application messages are PrivateMessages.
 * Credentials are checked against a roster signed by the circle's moderators.
 */
export { CIRCLE_CIPHERSUITE, CIRCLE_CIPHERSUITE_ID } from './suite.js';
export { CircleError, type CircleErrorCode } from './errors.js';
export { createCircleIdentity, type CircleIdentity, type CredentialClaim } from './identity.js';
export { createMemberKeyPackage, KEY_PACKAGE_LIFETIME_MS, type MemberKeyPackage } from './key-package.js';
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

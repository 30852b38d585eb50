import {
  applyRoster,
  base64UrlDecode,
  base64UrlEncode,
  createCircle,
  createCircleIdentity,
  createMemberKeyPackage,
  decodeCircleState,
  decodeSignedRoster,
  encodeCircleState,
  encodeSignedRoster,
  inspectKeyPackage,
  membersOf,
  rosterOf,
  signRoster,
  type CircleIdentity,
  type CircleState,
  type MemberKeyPackage,
  type SignedRoster,
} from '@lamplight/crypto';
import { keyPackageRef } from './envelope.js';
import type { StoredIdentity, StoredKeyPackage } from './records.js';

/** Base64url to bytes; throws on bad input (only our own vault records are decoded this way). */
export function unb64(s: string): Uint8Array {
  const out = base64UrlDecode(s);
  if (out === undefined) throw new TypeError('bad base64url');
  return out;
}

export const b64 = base64UrlEncode;

/** Identity to its stored form. */
export function storeIdentity(id: CircleIdentity): StoredIdentity {
  return { memberId: id.memberId, publicKey: b64(id.signaturePublicKey), privateKey: b64(id.signaturePrivateKey) };
}

/** Stored identity back to the crypto type. */
export function loadIdentity(s: StoredIdentity): CircleIdentity {
  return { memberId: s.memberId, signaturePublicKey: unb64(s.publicKey), signaturePrivateKey: unb64(s.privateKey) };
}

/** A fresh per-circle identity and one key package for it, ready to upload and keep. */
export async function makeKeyPackage(now: number): Promise<StoredKeyPackage> {
  const identity = await createCircleIdentity();
  const kp = await createMemberKeyPackage(identity, now);
  return {
    ref: await keyPackageRef(kp.publicPackage),
    identity: storeIdentity(identity),
    publicPackage: b64(kp.publicPackage),
    privatePackage: b64(kp.privatePackage),
    createdAt: now,
  };
}

/** The crypto type of a stored key package. */
export function loadKeyPackage(s: StoredKeyPackage): MemberKeyPackage {
  return { publicPackage: unb64(s.publicPackage), privatePackage: unb64(s.privatePackage) };
}

/** Starts a circle whose only member and moderator is its creator. */
export async function startCircle(circleId: string, now: number): Promise<{ identity: CircleIdentity; state: CircleState }> {
  const identity = await createCircleIdentity();
  const kp = await createMemberKeyPackage(identity, now);
  const signedRoster = await signRoster(
    { circleId, version: 1, members: [{ memberId: identity.memberId, signaturePublicKey: identity.signaturePublicKey }] },
    identity,
  );
  const state = await createCircle(circleId, kp, { signedRoster, moderatorPublicKeys: [identity.signaturePublicKey] });
  return { identity, state };
}

/**
 * The moderator admits a newcomer: reads the credential out of the key
 * package it took (signature checked by `inspectKeyPackage`), lists it in a
 * new roster version and signs that. Returns the state bound to the new
 * roster (ready for `addMembers`) and the signed roster.
 */
export async function admit(
  state: CircleState,
  moderator: CircleIdentity,
  keyPackage: Uint8Array,
): Promise<{ state: CircleState; roster: SignedRoster; memberId: string }> {
  const claim = await inspectKeyPackage(keyPackage);
  const current = rosterOf(state);
  if (current.members.some((m) => m.memberId === claim.memberId)) throw new RangeError('already listed');
  const roster = await signRoster(
    { circleId: current.circleId, version: current.version + 1, members: [...current.members, { memberId: claim.memberId, signaturePublicKey: claim.signaturePublicKey }] },
    moderator,
  );
  return { state: await applyRoster(state, roster), roster, memberId: claim.memberId };
}

/** The moderator drops members from the roster (a new signed version) before removing them. */
export async function unlist(state: CircleState, moderator: CircleIdentity, memberIds: readonly string[]): Promise<{ state: CircleState; roster: SignedRoster }> {
  const current = rosterOf(state);
  const roster = await signRoster(
    { circleId: current.circleId, version: current.version + 1, members: current.members.filter((m) => !memberIds.includes(m.memberId)) },
    moderator,
  );
  return { state: await applyRoster(state, roster), roster };
}

/** Whether member `memberId` holds one of the moderators' keys. */
export function isModerator(state: CircleState, moderators: readonly string[], memberId: string): boolean {
  const m = membersOf(state).find((x) => x.memberId === memberId);
  return m !== undefined && moderators.includes(b64(m.signaturePublicKey));
}

export const saveState = (state: CircleState): string => b64(encodeCircleState(state));
export const loadState = (s: string): CircleState => decodeCircleState(unb64(s));
export const saveRoster = (r: SignedRoster): string => b64(encodeSignedRoster(r));
export const loadRoster = (s: string): SignedRoster => decodeSignedRoster(unb64(s));

import type { AuthenticationService, Credential } from 'ts-mls';
import { ByteReader, ByteWriter, bytesEqual } from './bytes.js';
import { CircleError } from './errors.js';
import { claimOf, SIGNATURE_PUBLIC_KEY_BYTES } from './identity.js';
import { circleSuite } from './suite.js';

/** Format version of encoded rosters and signed rosters. */
const ROSTER_FORMAT_V1 = 1;

/** Domain-separation label signed in front of every roster. */
const ROSTER_SIGNATURE_LABEL = 'lamplight/circle-roster/v1';

/** One admitted member of a circle, as the moderators list them. */
export type RosterEntry = Readonly<{
  /** The member's per-circle pseudonym id. */
  memberId: string;
  /** The member's per-circle Ed25519 signature public key. */
  signaturePublicKey: Uint8Array;
}>;

/**
 * The list of members the circle's moderators have admitted. Only
 * credentials listed here may join or stay in the MLS group. `version` only
 * ever grows, so an old roster cannot be replayed to re-admit someone.
 */
export type CircleRoster = Readonly<{
  circleId: string;
  version: number;
  members: readonly RosterEntry[];
}>;

/** A roster with one moderator's Ed25519 signature over it. */
export type SignedRoster = Readonly<{
  roster: CircleRoster;
  signerPublicKey: Uint8Array;
  signature: Uint8Array;
}>;

/** A moderator's per-circle key pair; a {@link CircleIdentity} fits. */
export type RosterSigner = Readonly<{
  signaturePublicKey: Uint8Array;
  signaturePrivateKey: Uint8Array;
}>;

/** Canonical bytes of a roster (what is signed). */
export function encodeRoster(roster: CircleRoster): Uint8Array {
  const w = new ByteWriter().u8(ROSTER_FORMAT_V1).string(roster.circleId).u32(roster.version).u32(roster.members.length);
  for (const entry of roster.members) w.string(entry.memberId).bytes(entry.signaturePublicKey);
  return w.finish();
}

function readRoster(r: ByteReader): CircleRoster {
  if (r.u8() !== ROSTER_FORMAT_V1) throw new RangeError('roster version');
  const circleId = r.string();
  const version = r.u32();
  const count = r.u32();
  const members: RosterEntry[] = [];
  for (let i = 0; i < count; i++) members.push({ memberId: r.string(), signaturePublicKey: r.bytes() });
  return { circleId, version, members };
}

function signedPayload(roster: CircleRoster): Uint8Array {
  return new ByteWriter().string(ROSTER_SIGNATURE_LABEL).raw(encodeRoster(roster)).finish();
}

/** Serialises a signed roster for the server or the vault. */
export function encodeSignedRoster(signed: SignedRoster): Uint8Array {
  return new ByteWriter()
    .u8(ROSTER_FORMAT_V1)
    .bytes(encodeRoster(signed.roster))
    .bytes(signed.signerPublicKey)
    .bytes(signed.signature)
    .finish();
}

/**
 * Parses {@link encodeSignedRoster} output. Does NOT check the signature:
 * call {@link verifyRoster} before trusting it.
 * @throws CircleError `roster-signature-invalid` when the bytes are malformed.
 */
export function decodeSignedRoster(bytes: Uint8Array): SignedRoster {
  try {
    const r = new ByteReader(bytes);
    if (r.u8() !== ROSTER_FORMAT_V1) throw new RangeError('signed roster version');
    const rosterReader = new ByteReader(r.bytes());
    const roster = readRoster(rosterReader);
    rosterReader.end();
    const signed = { roster, signerPublicKey: r.bytes(), signature: r.bytes() };
    r.end();
    return signed;
  } catch (cause) {
    throw new CircleError('roster-signature-invalid', 'signed roster cannot be decoded', { cause });
  }
}

function checkWellFormed(roster: CircleRoster): void {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const entry of roster.members) {
    const key = entry.signaturePublicKey.join(',');
    if (
      entry.memberId.length === 0 ||
      entry.signaturePublicKey.length !== SIGNATURE_PUBLIC_KEY_BYTES ||
      ids.has(entry.memberId) ||
      keys.has(key)
    ) {
      throw new CircleError('roster-signature-invalid', 'roster has an empty, malformed or duplicate entry');
    }
    ids.add(entry.memberId);
    keys.add(key);
  }
}

/**
 * Signs a roster with a moderator's per-circle key.
 * @throws CircleError `roster-signature-invalid` for duplicate or malformed entries.
 */
export async function signRoster(roster: CircleRoster, moderator: RosterSigner): Promise<SignedRoster> {
  checkWellFormed(roster);
  const suite = await circleSuite();
  const signature = await suite.signature.sign(moderator.signaturePrivateKey, signedPayload(roster));
  return { roster, signerPublicKey: moderator.signaturePublicKey, signature };
}

/**
 * Checks that a roster was signed by one of `moderatorPublicKeys` and is well
 * formed; returns the roster it vouches for.
 * @throws CircleError `roster-signature-invalid` otherwise.
 */
export async function verifyRoster(
  signed: SignedRoster,
  moderatorPublicKeys: readonly Uint8Array[],
): Promise<CircleRoster> {
  const trusted = moderatorPublicKeys.some((key) => bytesEqual(key, signed.signerPublicKey));
  if (!trusted) throw new CircleError('roster-signature-invalid', 'roster is not signed by a moderator of this circle');
  checkWellFormed(signed.roster);
  const suite = await circleSuite();
  let valid = false;
  try {
    valid = await suite.signature.verify(signed.signerPublicKey, signedPayload(signed.roster), signed.signature);
  } catch {
    valid = false;
  }
  if (!valid) throw new CircleError('roster-signature-invalid', 'roster signature does not verify');
  return signed.roster;
}

/** Whether `credential`, presented with `signaturePublicKey`, is listed in `roster`. */
export function isListed(roster: CircleRoster, credential: Credential, signaturePublicKey: Uint8Array): boolean {
  let claim;
  try {
    claim = claimOf(credential);
  } catch {
    return false;
  }
  if (!bytesEqual(claim.signaturePublicKey, signaturePublicKey)) return false;
  return roster.members.some(
    (entry) => entry.memberId === claim.memberId && bytesEqual(entry.signaturePublicKey, signaturePublicKey),
  );
}

/** A ts-mls authentication service bound to one roster, remembering refusals. */
export type RosterAuthenticator = Readonly<{
  service: AuthenticationService;
  /** True once the service has refused any credential. */
  refused: () => boolean;
}>;

/**
 * The credential-validation hook handed to ts-mls (`ClientConfig.authService`).
 * ts-mls calls it for every leaf it accepts: added key packages, commit and
 * update paths, and the whole ratchet tree on join.
 */
export function rosterAuthenticator(roster: CircleRoster): RosterAuthenticator {
  let refusedAny = false;
  const service: AuthenticationService = {
    validateCredential(credential, signaturePublicKey) {
      const ok = isListed(roster, credential, signaturePublicKey);
      if (!ok) refusedAny = true;
      return Promise.resolve(ok);
    },
  };
  return { service, refused: () => refusedAny };
}

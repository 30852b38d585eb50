import {
  decodeGroupState,
  defaultKeyPackageEqualityConfig,
  defaultKeyRetentionConfig,
  defaultLifetimeConfig,
  defaultPaddingConfig,
  encodeGroupState,
  type ClientConfig,
  type ClientState,
} from 'ts-mls';
import { ByteReader, ByteWriter } from './bytes.js';
import { CircleError } from './errors.js';
import { decodeSignedRoster, encodeSignedRoster, rosterAuthenticator, type CircleRoster, type SignedRoster } from './roster.js';

/** Format version of {@link encodeCircleState} output. */
const STATE_FORMAT_V1 = 1;

/**
 * One member's view of one circle: the MLS group state (including this
 * member's private keys), the newest moderator-signed roster it has
 * accepted, and the moderators' public keys. Opaque: use the functions of
 * this module, and {@link encodeCircleState} to keep it in the vault.
 *
 * States are used once: encrypting or processing a message returns a new
 * state and wipes the secrets the old one shared with it (forward secrecy),
 * after which the old state is "spent" and any secret-using call on it
 * throws `state-spent` instead of silently producing garbage. Making a
 * commit does not spend its input (the old state is needed if the commit
 * loses its epoch).
 */
export type CircleState = Readonly<{ __opaque: 'lamplight.CircleState' }>;

/** The fields behind a {@link CircleState}. */
export type InternalCircleState = Readonly<{
  group: ClientState;
  signedRoster: SignedRoster;
  moderatorPublicKeys: readonly Uint8Array[];
}>;

const spent = new WeakSet<object>();

/** Marks a state whose secrets were wiped; it may no longer encrypt, decrypt, commit or be saved. */
export function markSpent(state: CircleState): void {
  spent.add(state);
}

/**
 * Unwraps a state for an operation that uses its secrets.
 * @throws CircleError `state-spent` if the state was already used up.
 */
export function unwrapLive(state: CircleState): InternalCircleState {
  if (spent.has(state)) {
    throw new CircleError('state-spent', 'this circle state was already used; continue with the state the last call returned');
  }
  return unwrap(state);
}

/** Wraps internal fields as the opaque public type. */
export function wrap(state: InternalCircleState): CircleState {
  return state as unknown as CircleState;
}

/** Unwraps the opaque public type. */
export function unwrap(state: CircleState): InternalCircleState {
  return state as unknown as InternalCircleState;
}

/**
 * A ts-mls client configuration whose authentication service accepts only
 * credentials listed in `roster`, and a probe telling whether it refused one.
 */
export function configFor(roster: CircleRoster): { config: ClientConfig; refused: () => boolean } {
  const auth = rosterAuthenticator(roster);
  return {
    config: {
      keyRetentionConfig: defaultKeyRetentionConfig,
      lifetimeConfig: defaultLifetimeConfig,
      keyPackageEqualityConfig: defaultKeyPackageEqualityConfig,
      paddingConfig: defaultPaddingConfig,
      authService: auth.service,
    },
    refused: auth.refused,
  };
}

/**
 * Serialises a circle state for the vault. The bytes contain private keys:
 * seal them before they leave memory.
 * @throws CircleError `state-spent` for a state that was already used.
 */
export function encodeCircleState(state: CircleState): Uint8Array {
  const s = unwrapLive(state);
  const w = new ByteWriter()
    .u8(STATE_FORMAT_V1)
    .bytes(encodeGroupState(s.group))
    .bytes(encodeSignedRoster(s.signedRoster))
    .u32(s.moderatorPublicKeys.length);
  for (const key of s.moderatorPublicKeys) w.bytes(key);
  return w.finish();
}

/**
 * Restores a state written by {@link encodeCircleState}. The roster inside is
 * not re-verified: the bytes are trusted because they come from the
 * member's own sealed vault.
 * @throws CircleError `protocol-error` if the bytes are not a circle state.
 */
export function decodeCircleState(bytes: Uint8Array): CircleState {
  try {
    const r = new ByteReader(bytes);
    if (r.u8() !== STATE_FORMAT_V1) throw new RangeError('state version');
    const groupBytes = r.bytes();
    const decoded = decodeGroupState(groupBytes, 0);
    if (decoded === undefined || decoded[1] !== groupBytes.length) throw new RangeError('group state');
    const signedRoster = decodeSignedRoster(r.bytes());
    const count = r.u32();
    const moderatorPublicKeys: Uint8Array[] = [];
    for (let i = 0; i < count; i++) moderatorPublicKeys.push(r.bytes());
    r.end();
    const group: ClientState = { ...decoded[0], clientConfig: configFor(signedRoster.roster).config };
    return wrap({ group, signedRoster, moderatorPublicKeys });
  } catch (cause) {
    throw new CircleError('protocol-error', 'circle state cannot be decoded', { cause });
  }
}

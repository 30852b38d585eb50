/**
 * Member identity: key pairs, the recovery phrase, login signatures and
 * device linking. Also the byte helpers other packages need for keys.
 */
export { IdentityError, type IdentityErrorCode } from './errors.js';
export {
  RECOVERY_ENTROPY_BYTES,
  RECOVERY_PHRASE_WORDS,
  type PhraseWordlist,
} from './recovery-phrase.js';
export {
  dangerousTestOnlyIdentitySecrets,
  exportIdentitySecret,
  forgetIdentity,
  generateIdentity,
  importIdentitySecret,
  publicIdentity,
  recoveryPhrase,
  restoreIdentity,
  type GeneratedIdentity,
  type Identity,
  type PublicIdentity,
} from './identity.js';
export { signChallenge } from './login-sign.js';
export {
  createLoginChallenge,
  LOGIN_CHALLENGE_BYTES,
  LOGIN_CONTEXT,
  SIGNATURE_BYTES,
  verifyChallengeSignature,
} from './login-verify.js';
export {
  createLinkCode,
  formatLinkCode,
  LINK_CODE_ALPHABET,
  LINK_CODE_LENGTH,
  LINK_KDF_PARAMS,
  normalizeLinkCode,
  openFromLink,
  openLinkChannel,
  sealForLink,
  type LinkChannel,
  type LinkOptions,
} from './link.js';
export { base64UrlDecode, base64UrlEncode, constantTimeEqual } from '../util/bytes.js';

import { loadSodium } from '../util/sodium.js';
import { IdentityError } from './errors.js';
import { identitySecrets, type Identity } from './identity.js';
import { LOGIN_CHALLENGE_BYTES, loginMessage } from './login-verify.js';

/**
 * Signs a server's login challenge. The signed bytes are
 * `LOGIN_CONTEXT || u32be(len(audience)) || audience || challenge`, so the
 * signature is bound to this purpose and to this server.
 *
 * @param audience - the server's origin (e.g. `https://lamplight.example`),
 *   as both sides know it.
 * @throws IdentityError `invalid-challenge` if the challenge is shorter than
 *   {@link LOGIN_CHALLENGE_BYTES}.
 */
export async function signChallenge(
  identity: Identity,
  challenge: Uint8Array,
  audience: string,
): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (challenge.length < LOGIN_CHALLENGE_BYTES) throw new IdentityError('invalid-challenge');
  const message = loginMessage(sodium, challenge, audience);
  return sodium.crypto_sign_detached(message, identitySecrets(identity).signSecretKey);
}

import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';

/**
 * Signature checks for login. The signed bytes are the protocol's login
 * message: "lamplight/login/v1\0" || u32be(len(audience)) || audience || challenge
 * (the same bytes @lamplight/crypto signs on the device). The server needs
 * only public keys; it never holds or derives a member's secrets.
 */
const LOGIN_CONTEXT = Buffer.from('lamplight/login/v1\0', 'latin1');

export function loginMessage(challenge: Uint8Array, audience: string): Buffer {
  const aud = Buffer.from(audience, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(aud.length);
  return Buffer.concat([LOGIN_CONTEXT, len, aud, challenge]);
}

/** Verify an Ed25519 login signature; any malformed input is simply `false`. */
export function verifyLoginSignature(publicKeyB64: string, challenge: Uint8Array, audience: string, signatureB64: string): boolean {
  try {
    const x = Buffer.from(publicKeyB64, 'base64url');
    const sig = Buffer.from(signatureB64, 'base64url');
    if (x.length !== 32 || sig.length !== 64) return false;
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' });
    return verify(null, loginMessage(challenge, audience), key, sig);
  } catch {
    return false;
  }
}

/** SHA-256, hex: how tokens and invitation secrets are kept. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh random token, base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

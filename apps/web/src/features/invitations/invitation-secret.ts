import { base64UrlEncode } from '@lamplight/crypto';
import { INVITATION_SECRET_BYTES } from '@lamplight/protocol';

/** A new invitation: the secret goes only into the link; the server gets only its hash. */
export type NewInvitation = Readonly<{
  /** SHA-256 of the secret's base64url text, lower-case hex (what the server hashes on join). */
  codeHash: string;
  /** `${origin}/join#${secret}`: the fragment never reaches the server. */
  link: string;
}>;

/** The WebCrypto parts this needs (the browser's `crypto`, or Node's in tests). */
export type InvitationCrypto = Pick<Crypto, 'getRandomValues' | 'subtle'>;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 hex of an invitation secret, as the server computes it. */
export async function invitationCodeHash(webCrypto: InvitationCrypto, secret: string): Promise<string> {
  return hex(await webCrypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
}

/** Make a fresh invitation secret, its hash and the link to share. */
export async function makeInvitation(webCrypto: InvitationCrypto, origin: string): Promise<NewInvitation> {
  const secret = base64UrlEncode(webCrypto.getRandomValues(new Uint8Array(INVITATION_SECRET_BYTES)));
  return { codeHash: await invitationCodeHash(webCrypto, secret), link: `${origin}/join#${secret}` };
}

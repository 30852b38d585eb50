import { describe, expect, it } from 'vitest';
import { invitationCodeHash, makeInvitation } from './invitation-secret.js';

describe('makeInvitation', () => {
  it('hashes like SHA-256 over the UTF-8 text (FIPS 180-2 vector for "abc")', async () => {
    expect(await invitationCodeHash(globalThis.crypto, 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('puts a 32-byte secret only in the fragment and sends the SHA-256 the server will compute', async () => {
    const made = await makeInvitation(globalThis.crypto, 'https://lamp.example');
    const url = new URL(made.link);
    expect(url.origin + url.pathname).toBe('https://lamp.example/join');
    const secret = url.hash.slice(1);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/u);
    expect(made.codeHash).toBe(await invitationCodeHash(globalThis.crypto, secret));
    expect(made.codeHash).not.toContain(secret);
  });

  it('makes a different secret every time', async () => {
    const a = await makeInvitation(globalThis.crypto, 'https://lamp.example');
    const b = await makeInvitation(globalThis.crypto, 'https://lamp.example');
    expect(a.link).not.toBe(b.link);
  });
});

import { wordlist as englishWordlist } from '@scure/bip39/wordlists/english.js';
import { wordlist as zhWordlist } from '@scure/bip39/wordlists/traditional-chinese.js';
import { describe, expect, it } from 'vitest';

import { loadSodium } from '../util/sodium.js';

import { base64UrlDecode, base64UrlEncode, constantTimeEqual } from '../util/bytes.js';
import {
  createLinkCode,
  createLoginChallenge,
  dangerousTestOnlyIdentitySecrets,
  exportIdentitySecret,
  forgetIdentity,
  formatLinkCode,
  generateIdentity,
  IdentityError,
  importIdentitySecret,
  LINK_CODE_ALPHABET,
  LINK_CODE_LENGTH,
  LINK_KDF_PARAMS,
  LOGIN_CONTEXT,
  normalizeLinkCode,
  openFromLink,
  openLinkChannel,
  publicIdentity,
  recoveryPhrase,
  restoreIdentity,
  sealForLink,
  signChallenge,
  verifyChallengeSignature,
} from './index.js';

const AUDIENCE = 'https://lamplight.example';
const fast = { dangerousTestOnlyFastKdf: true } as const;

async function expectIdentityError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IdentityError);
  expect((error as IdentityError).code).toBe(code);
}

/** Replaces the last word with its neighbour: same entropy bits, one checksum bit flipped. */
function breakChecksum(words: readonly string[], list: readonly string[]): string[] {
  const last = words[words.length - 1] ?? '';
  const index = list.indexOf(last);
  const other = list[index ^ 1] ?? '';
  return [...words.slice(0, -1), other];
}

describe('recovery phrase', () => {
  it('generates 12 zh-TW words by default and restores the same keys', async () => {
    const { phrase, identity } = await generateIdentity();
    const words = phrase.split(' ');
    expect(words).toHaveLength(12);
    for (const word of words) expect(zhWordlist).toContain(word);
    const restored = await restoreIdentity(phrase);
    expect(publicIdentity(restored)).toEqual(publicIdentity(identity));
    expect(dangerousTestOnlyIdentitySecrets(restored)).toEqual(dangerousTestOnlyIdentitySecrets(identity));
  });

  it('restores zh-TW phrases typed without spaces, or with ideographic spaces', async () => {
    const { phrase, identity } = await generateIdentity('zh-TW');
    const expected = publicIdentity(identity);
    expect(publicIdentity(await restoreIdentity(phrase.replaceAll(' ', '')))).toEqual(expected);
    expect(publicIdentity(await restoreIdentity(`  ${phrase.replaceAll(' ', '\u3000')}\n`))).toEqual(expected);
    const mixed = phrase.split(' ');
    const halfSpaced = `${mixed.slice(0, 6).join('')} ${mixed.slice(6).join(' ')}`;
    expect(publicIdentity(await restoreIdentity(halfSpaced))).toEqual(expected);
  });

  it('restores English phrases ignoring case and extra whitespace', async () => {
    const { phrase, identity } = await generateIdentity('en');
    const words = phrase.split(' ');
    for (const word of words) expect(englishWordlist).toContain(word);
    const typed = `  ${words.map((word) => word.toUpperCase()).join('   ')}\t`;
    expect(publicIdentity(await restoreIdentity(typed))).toEqual(publicIdentity(identity));
  });

  it('writes the same identity in both lists', async () => {
    const { identity } = await generateIdentity('zh-TW');
    const english = recoveryPhrase(identity, 'en');
    expect(publicIdentity(await restoreIdentity(english))).toEqual(publicIdentity(identity));
    expect(recoveryPhrase(await restoreIdentity(english), 'zh-TW')).toBe(recoveryPhrase(identity));
  });

  it('rejects a bad checksum, unknown words and the wrong length with invalid-phrase', async () => {
    const zh = (await generateIdentity('zh-TW')).phrase.split(' ');
    const en = (await generateIdentity('en')).phrase.split(' ');
    await expectIdentityError(restoreIdentity(breakChecksum(zh, zhWordlist).join('')), 'invalid-phrase');
    await expectIdentityError(restoreIdentity(breakChecksum(en, englishWordlist).join(' ')), 'invalid-phrase');
    await expectIdentityError(restoreIdentity(en.slice(0, 11).join(' ')), 'invalid-phrase');
    await expectIdentityError(restoreIdentity([...en.slice(0, 11), 'lamplight'].join(' ')), 'invalid-phrase');
    await expectIdentityError(restoreIdentity(''), 'invalid-phrase');
  });

  it('derives different keys for different phrases, and distinct sign and kx keys', async () => {
    const a = await generateIdentity();
    const b = await generateIdentity();
    expect(publicIdentity(a.identity)).not.toEqual(publicIdentity(b.identity));
    expect(a.identity.signPublicKey).not.toEqual(a.identity.kxPublicKey);
  });

  it('round-trips the exported secret and rejects malformed secrets', async () => {
    const { identity } = await generateIdentity();
    const secret = exportIdentitySecret(identity);
    expect(publicIdentity(await importIdentitySecret(secret))).toEqual(publicIdentity(identity));
    await expectIdentityError(importIdentitySecret(secret.subarray(1)), 'invalid-identity-secret');
    const wrongVersion = Uint8Array.from(secret);
    wrongVersion[0] = 9;
    await expectIdentityError(importIdentitySecret(wrongVersion), 'invalid-identity-secret');
  });

  it('forgetIdentity zeroes the secret keys and blocks signing', async () => {
    const { identity } = await generateIdentity();
    const { signSecretKey, kxSecretKey } = dangerousTestOnlyIdentitySecrets(identity);
    expect(signSecretKey.some((byte) => byte !== 0)).toBe(true);
    await forgetIdentity(identity);
    expect(signSecretKey.every((byte) => byte === 0)).toBe(true);
    expect(kxSecretKey.every((byte) => byte === 0)).toBe(true);
    await expectIdentityError(signChallenge(identity, await createLoginChallenge(), AUDIENCE), 'identity-forgotten');
  });
});

describe('login challenge', () => {
  it('verifies a signature over the right challenge, audience and key only', async () => {
    const { identity } = await generateIdentity();
    const other = await generateIdentity();
    const challenge = await createLoginChallenge();
    const signature = await signChallenge(identity, challenge, AUDIENCE);
    const { signPublicKey } = publicIdentity(identity);

    expect(await verifyChallengeSignature(signPublicKey, challenge, AUDIENCE, signature)).toBe(true);
    expect(
      await verifyChallengeSignature(identity.signPublicKey, challenge, AUDIENCE, base64UrlEncode(signature)),
    ).toBe(true);
    expect(await verifyChallengeSignature(signPublicKey, challenge, 'https://other.example', signature)).toBe(false);
    expect(await verifyChallengeSignature(signPublicKey, await createLoginChallenge(), AUDIENCE, signature)).toBe(false);
    expect(
      await verifyChallengeSignature(publicIdentity(other.identity).signPublicKey, challenge, AUDIENCE, signature),
    ).toBe(false);
    const tampered = Uint8Array.from(signature);
    tampered[0] = (tampered[0] ?? 0) ^ 1;
    expect(await verifyChallengeSignature(signPublicKey, challenge, AUDIENCE, tampered)).toBe(false);
  });

  it('returns false rather than throwing on malformed input', async () => {
    const { identity } = await generateIdentity();
    const challenge = await createLoginChallenge();
    const signature = await signChallenge(identity, challenge, AUDIENCE);
    expect(await verifyChallengeSignature('not base64!', challenge, AUDIENCE, signature)).toBe(false);
    expect(await verifyChallengeSignature(identity.signPublicKey, challenge, AUDIENCE, 'AAAA')).toBe(false);
    expect(await verifyChallengeSignature(identity.signPublicKey, challenge.subarray(0, 8), AUDIENCE, signature)).toBe(
      false,
    );
    await expectIdentityError(signChallenge(identity, new Uint8Array(8), AUDIENCE), 'invalid-challenge');
  });

  it('signs exactly LOGIN_CONTEXT || len(audience) || audience || challenge', async () => {
    const sodium = await loadSodium();
    const { identity } = await generateIdentity();
    const challenge = await createLoginChallenge();
    const signature = await signChallenge(identity, challenge, AUDIENCE);
    const audience = sodium.from_string(AUDIENCE);
    const expected = new Uint8Array([
      ...LOGIN_CONTEXT,
      0,
      0,
      0,
      audience.length,
      ...audience,
      ...challenge,
    ]);
    expect(sodium.crypto_sign_verify_detached(signature, expected, identity.signPublicKey)).toBe(true);
    // The same bytes without the context must not verify: the prefix is really signed.
    expect(sodium.crypto_sign_verify_detached(signature, expected.subarray(LOGIN_CONTEXT.length), identity.signPublicKey)).toBe(
      false,
    );
  });
});

describe('device link', () => {
  it('creates canonical codes from the unambiguous alphabet', async () => {
    const codes = await Promise.all(Array.from({ length: 20 }, () => createLinkCode()));
    for (const code of codes) {
      expect(code).toHaveLength(LINK_CODE_LENGTH);
      for (const char of code) expect(LINK_CODE_ALPHABET).toContain(char);
      expect(normalizeLinkCode(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01OIL]/u);
  });

  it('normalises typed codes and rejects malformed ones', () => {
    expect(normalizeLinkCode(' abcde-fgh23 ')).toBe('ABCDEFGH23');
    expect(normalizeLinkCode('ＡＢＣＤＥ ＦＧＨ２３')).toBe('ABCDEFGH23');
    expect(formatLinkCode('ABCDEFGH23')).toBe('ABCDE-FGH23');
    expect(normalizeLinkCode('ABCDEFGH2')).toBeUndefined();
    expect(normalizeLinkCode('ABCDEFGH20')).toBeUndefined();
  });

  it('passes an identity secret from one device to another', async () => {
    const { identity } = await generateIdentity();
    const code = await createLinkCode();
    const { lookupId, sealed } = await sealForLink(code, exportIdentitySecret(identity), fast);
    const receiving = await openLinkChannel(formatLinkCode(code).toLowerCase(), fast);
    expect(receiving.lookupId).toBe(lookupId);
    const linked = await importIdentitySecret(receiving.open(sealed));
    expect(publicIdentity(linked)).toEqual(publicIdentity(identity));
  });

  it('fails with link-open-failed for a wrong code or tampered ciphertext', async () => {
    const payload = Uint8Array.of(1, 2, 3);
    const code = await createLinkCode();
    const { lookupId, sealed } = await sealForLink(code, payload, fast);
    const otherCode = code.startsWith('A') ? `B${code.slice(1)}` : `A${code.slice(1)}`;
    expect((await openLinkChannel(otherCode, fast)).lookupId).not.toBe(lookupId);
    await expectIdentityError(openFromLink(otherCode, sealed, fast), 'link-open-failed');
    const tampered = Uint8Array.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    await expectIdentityError(openFromLink(code, tampered, fast), 'link-open-failed');
    await expectIdentityError(openFromLink('short', sealed, fast), 'invalid-link-code');
    expect(await openFromLink(code, sealed, fast)).toEqual(payload);
  });

  it('uses Argon2id at no less than libsodium INTERACTIVE cost by default', async () => {
    const sodium = await loadSodium();
    expect(LINK_KDF_PARAMS.opsLimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE);
    expect(LINK_KDF_PARAMS.memLimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);
    const code = await createLinkCode();
    const { sealed } = await sealForLink(code, Uint8Array.of(7));
    expect(await openFromLink(code, sealed)).toEqual(Uint8Array.of(7));
    // A fast-KDF channel derives a different key, so the real cost really was used.
    await expectIdentityError(openFromLink(code, sealed, fast), 'link-open-failed');
  });
});

describe('byte helpers', () => {
  it('base64url round-trips and rejects non-canonical input', async () => {
    const sodium = await loadSodium();
    for (let length = 0; length < 40; length++) {
      const bytes = sodium.randombytes_buf(length);
      const encoded = base64UrlEncode(bytes);
      expect(encoded).toBe(sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING));
      expect(base64UrlDecode(encoded)).toEqual(bytes);
    }
    expect(base64UrlDecode('AA==')).toBeUndefined();
    expect(base64UrlDecode('A+')).toBeUndefined();
    expect(base64UrlDecode('AB')).toBeUndefined();
    expect(base64UrlDecode('A')).toBeUndefined();
  });

  it('constantTimeEqual compares content and length', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 0))).toBe(false);
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ByteReader, ByteWriter, utf8Decode, utf8Encode } from './bytes.js';
import { CircleError } from './errors.js';
import { claimOf, createCircleIdentity, credentialFor } from './identity.js';
import { createMemberKeyPackage, inspectKeyPackage } from './key-package.js';
import { LEAF_UPDATE_INTERVAL_MS, needsLeafUpdate } from './leaf-update.js';
import { peekMessage } from './peek.js';
import {
  decodeSignedRoster,
  encodeSignedRoster,
  isListed,
  signRoster,
  verifyRoster,
  type CircleRoster,
} from './roster.js';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  return p.then(
    () => undefined,
    (e: unknown) => (e instanceof CircleError ? e.code : 'not-a-circle-error'),
  );
}

describe('circle identities and credentials', () => {
  it('gives every circle a fresh pseudonym id and signature key', async () => {
    const a = await createCircleIdentity();
    const b = await createCircleIdentity();
    expect(a.memberId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.memberId).not.toBe(b.memberId);
    expect(Buffer.from(a.signaturePublicKey).equals(Buffer.from(b.signaturePublicKey))).toBe(false);
    expect(a.signaturePublicKey).toHaveLength(32);
  });

  it('round-trips the claim in a credential and refuses malformed ones', async () => {
    const id = await createCircleIdentity();
    const claim = claimOf(credentialFor(id));
    expect(claim.memberId).toBe(id.memberId);
    expect(Buffer.from(claim.signaturePublicKey).equals(Buffer.from(id.signaturePublicKey))).toBe(true);
    const bad = [
      { credentialType: 'x509' as const, certificates: [] },
      { credentialType: 'basic' as const, identity: new TextEncoder().encode('alice') },
      { credentialType: 'basic' as const, identity: new ByteWriter().u8(1).string('m').bytes(new Uint8Array(31)).finish() },
    ];
    for (const credential of bad) {
      expect(() => claimOf(credential)).toThrow(CircleError);
    }
  });
});

describe('key packages', () => {
  it('tell a moderator which roster entry admits the newcomer, and refuse tampering', async () => {
    const id = await createCircleIdentity();
    const { publicPackage } = await createMemberKeyPackage(id, Date.now());
    const claim = await inspectKeyPackage(publicPackage);
    expect(claim.memberId).toBe(id.memberId);
    expect(Buffer.from(claim.signaturePublicKey).equals(Buffer.from(id.signaturePublicKey))).toBe(true);
    const tampered = Uint8Array.from(publicPackage);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    expect(await codeOf(inspectKeyPackage(tampered))).toBe('malformed-message');
    expect(await codeOf(inspectKeyPackage(Uint8Array.of(0, 1, 0, 5)))).toBe('malformed-message');
  });
});

describe('signed rosters', () => {
  async function setup() {
    const moderator = await createCircleIdentity();
    const member = await createCircleIdentity();
    const roster: CircleRoster = {
      circleId: 'c1',
      version: 3,
      members: [moderator, member].map((m) => ({ memberId: m.memberId, signaturePublicKey: m.signaturePublicKey })),
    };
    return { moderator, member, roster };
  }

  it('verifies a roster signed by a moderator, also after encoding', async () => {
    const { moderator, roster } = await setup();
    const signed = await signRoster(roster, moderator);
    const decoded = decodeSignedRoster(encodeSignedRoster(signed));
    expect(await verifyRoster(decoded, [moderator.signaturePublicKey])).toEqual(roster);
  });

  it('refuses other signers, tampering and duplicate entries', async () => {
    const { moderator, member, roster } = await setup();
    const signed = await signRoster(roster, moderator);
    expect(await codeOf(verifyRoster(signed, [member.signaturePublicKey]))).toBe('roster-signature-invalid');
    const flipped = Uint8Array.from(signed.signature);
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(await codeOf(verifyRoster({ ...signed, signature: flipped }, [moderator.signaturePublicKey]))).toBe(
      'roster-signature-invalid',
    );
    const renamed = { ...signed, roster: { ...roster, members: [{ ...roster.members[0]!, memberId: 'someone-else' }] } };
    expect(await codeOf(verifyRoster(renamed, [moderator.signaturePublicKey]))).toBe('roster-signature-invalid');
    const duplicate = { ...roster, members: [...roster.members, roster.members[0]!] };
    expect(await codeOf(signRoster(duplicate, moderator))).toBe('roster-signature-invalid');
    expect(() => decodeSignedRoster(Uint8Array.of(1, 0, 0))).toThrow(CircleError);
  });

  it('lists a credential only with its own key', async () => {
    const { member, moderator, roster } = await setup();
    expect(isListed(roster, credentialFor(member), member.signaturePublicKey)).toBe(true);
    // The right pseudonym presented with someone else's key is not listed.
    expect(isListed(roster, credentialFor(member), moderator.signaturePublicKey)).toBe(false);
    // A credential claiming a listed id but carrying another key is not listed either.
    const stranger = await createCircleIdentity();
    const impostor = credentialFor({ memberId: member.memberId, signaturePublicKey: stranger.signaturePublicKey });
    expect(isListed(roster, impostor, stranger.signaturePublicKey)).toBe(false);
  });
});

describe('leaf update cadence', () => {
  it('is due after 24 hours, and when the clock went backwards', () => {
    expect(LEAF_UPDATE_INTERVAL_MS).toBe(86_400_000);
    const t = 1_000_000_000_000;
    expect(needsLeafUpdate(t, t)).toBe(false);
    expect(needsLeafUpdate(t, t + LEAF_UPDATE_INTERVAL_MS - 1)).toBe(false);
    expect(needsLeafUpdate(t, t + LEAF_UPDATE_INTERVAL_MS)).toBe(true);
    expect(needsLeafUpdate(t, t - 1)).toBe(true);
    expect(needsLeafUpdate(Number.NaN, t)).toBe(true);
  });
});

describe('byte codec', () => {
  it('encodes UTF-8 exactly like TextEncoder and decodes it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const encoded = utf8Encode(s);
        expect(Buffer.from(encoded).equals(Buffer.from(new TextEncoder().encode(s)))).toBe(true);
        expect(utf8Decode(encoded)).toBe(s);
      }),
    );
  });

  it('refuses malformed UTF-8 and truncated fields', () => {
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xff], [0xf4, 0x90, 0x80, 0x80]]) {
      expect(() => utf8Decode(Uint8Array.from(bad))).toThrow(RangeError);
    }
    expect(() => new ByteReader(Uint8Array.of(0, 0, 0, 5, 1)).bytes()).toThrow(RangeError);
  });

  it('peekMessage throws only CircleError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          peekMessage(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(CircleError);
        }
      }),
    );
  });
});

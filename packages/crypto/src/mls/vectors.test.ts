import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultKeyRetentionConfig, mlsExporter } from 'ts-mls';
import { decryptWithLabel, encryptWithLabel } from 'ts-mls/crypto/hpke.js';
import { refhash } from 'ts-mls/crypto/hash.js';
import { deriveSecret, deriveTreeSecret, expandWithLabel } from 'ts-mls/crypto/kdf.js';
import { signWithLabel, verifyWithLabel } from 'ts-mls/crypto/signature.js';
import { decodeGroupContext, encodeGroupContext, type GroupContext } from 'ts-mls/groupContext.js';
import { initializeEpoch } from 'ts-mls/keySchedule.js';
import { expandSenderDataKey, expandSenderDataNonce } from 'ts-mls/sender.js';
import { createSecretTree, deriveKey, deriveNonce, ratchetUntil } from 'ts-mls/secretTree.js';
import { decodeAuthenticatedContent } from 'ts-mls/authenticatedContent.js';
import { verifyConfirmationTag } from 'ts-mls/framedContent.js';
import { createConfirmedHash, createInterimHash } from 'ts-mls/transcriptHash.js';
import { left, parent, right, root, sibling, toNodeIndex } from 'ts-mls/treemath.js';
import { circleSuite, CIRCLE_CIPHERSUITE, CIRCLE_CIPHERSUITE_ID } from './suite.js';

/**
 * RFC 9420 interoperability vectors (mlswg/mls-implementations), restricted to
 * the circle ciphersuite; see packages/crypto/test-vectors/README.md.
 */
const DRAFT_EXPORTER_LABEL = 'exporter';
const RFC_EXPORTER_LABEL = 'exported';
const vectorsDir = new URL('../../test-vectors/', import.meta.url);
const load = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, vectorsDir), 'utf8')) as T;
const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** This revision of crypto-basics writes keys as opaque<V>: strip the one-byte varint length. */
function unprefixed(s: string): Uint8Array {
  const bytes = hex(s);
  expect(bytes[0]).toBe(bytes.length - 1);
  return bytes.subarray(1);
}

type CryptoBasics = {
  cipher_suite: number;
  ref_hash: { label: string; value: string; out: string };
  expand_with_label: { secret: string; label: string; context: string; length: number; out: string };
  derive_secret: { secret: string; label: string; out: string };
  derive_tree_secret: { secret: string; label: string; generation: number; length: number; out: string };
  sign_with_label: { priv: string; pub: string; content: string; label: string; signature: string };
  encrypt_with_label: {
    priv: string;
    pub: string;
    label: string;
    context: string;
    plaintext: string;
    kem_output: string;
    ciphertext: string;
  };
};

type KeyScheduleEpoch = Record<
  | 'tree_hash'
  | 'commit_secret'
  | 'psk_secret'
  | 'confirmed_transcript_hash'
  | 'group_context'
  | 'joiner_secret'
  | 'welcome_secret'
  | 'init_secret'
  | 'sender_data_secret'
  | 'encryption_secret'
  | 'exporter_secret'
  | 'epoch_authenticator'
  | 'external_secret'
  | 'confirmation_key'
  | 'membership_key'
  | 'resumption_psk'
  | 'external_pub',
  string
> & { exporter: { label: string; context: string; length: number; secret: string } };
type KeySchedule = { cipher_suite: number; group_id: string; initial_init_secret: string; epochs: KeyScheduleEpoch[] };

type TreeMath = {
  n_leaves: number;
  n_nodes: number;
  root: number;
  left: (number | null)[];
  right: (number | null)[];
  parent: (number | null)[];
  sibling: (number | null)[];
};

type SecretTreeVector = {
  cipher_suite: number;
  encryption_secret: string;
  sender_data: { sender_data_secret: string; ciphertext: string; key: string; nonce: string };
  leaves: {
    generation: number;
    application_key: string;
    application_nonce: string;
    handshake_key: string;
    handshake_nonce: string;
  }[][];
};

type TranscriptHashes = {
  cipher_suite: number;
  confirmation_key: string;
  authenticated_content: string;
  interim_transcript_hash_before: string;
  confirmed_transcript_hash_after: string;
  interim_transcript_hash_after: string;
};

describe('RFC 9420 test vectors for the circle ciphersuite', () => {
  it('crypto-basics', async () => {
    const suite = await circleSuite();
    const vectors = load<CryptoBasics[]>('crypto-basics.json').filter((v) => v.cipher_suite === CIRCLE_CIPHERSUITE_ID);
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      expect(toHex(await refhash(v.ref_hash.label, hex(v.ref_hash.value), suite.hash))).toBe(v.ref_hash.out);

      const e = v.expand_with_label;
      expect(toHex(await expandWithLabel(hex(e.secret), e.label, hex(e.context), e.length, suite.kdf))).toBe(e.out);

      const d = v.derive_secret;
      expect(toHex(await deriveSecret(hex(d.secret), d.label, suite.kdf))).toBe(d.out);

      const t = v.derive_tree_secret;
      expect(toHex(await deriveTreeSecret(hex(t.secret), t.label, t.generation, t.length, suite.kdf))).toBe(t.out);

      const s = v.sign_with_label;
      const signature = await signWithLabel(unprefixed(s.priv), s.label, hex(s.content), suite.signature);
      expect(toHex(signature)).toBe(s.signature);
      expect(await verifyWithLabel(unprefixed(s.pub), s.label, hex(s.content), hex(s.signature), suite.signature)).toBe(true);

      const c = v.encrypt_with_label;
      const privateKey = await suite.hpke.importPrivateKey(unprefixed(c.priv));
      const opened = await decryptWithLabel(privateKey, c.label, hex(c.context), hex(c.kem_output), hex(c.ciphertext), suite.hpke);
      expect(toHex(opened)).toBe(c.plaintext);
      const publicKey = await suite.hpke.importPublicKey(unprefixed(c.pub));
      const sealed = await encryptWithLabel(publicKey, c.label, hex(c.context), hex(c.plaintext), suite.hpke);
      const reopened = await decryptWithLabel(privateKey, c.label, hex(c.context), sealed.enc, sealed.ct, suite.hpke);
      expect(toHex(reopened)).toBe(c.plaintext);
    }
  });

  it('key-schedule', async () => {
    const suite = await circleSuite();
    const vectors = load<KeySchedule[]>('key-schedule.json').filter((v) => v.cipher_suite === CIRCLE_CIPHERSUITE_ID);
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      let initSecret: Uint8Array = hex(v.initial_init_secret);
      for (const [index, epoch] of v.epochs.entries()) {
        const groupContext: GroupContext = {
          version: 'mls10',
          cipherSuite: CIRCLE_CIPHERSUITE,
          groupId: hex(v.group_id),
          epoch: BigInt(index),
          treeHash: hex(epoch.tree_hash),
          confirmedTranscriptHash: hex(epoch.confirmed_transcript_hash),
          extensions: [],
        };
        const encoded = encodeGroupContext(groupContext);
        expect(toHex(encoded)).toBe(epoch.group_context.toLowerCase());
        expect(decodeGroupContext(encoded, 0)?.[0].epoch).toBe(BigInt(index));

        const secrets = await initializeEpoch(
          initSecret,
          hex(epoch.commit_secret),
          groupContext,
          hex(epoch.psk_secret),
          suite.kdf,
        );
        const ks = secrets.keySchedule;
        const got = {
          joiner_secret: secrets.joinerSecret,
          welcome_secret: secrets.welcomeSecret,
          encryption_secret: secrets.encryptionSecret,
          init_secret: ks.initSecret,
          sender_data_secret: ks.senderDataSecret,
          exporter_secret: ks.exporterSecret,
          epoch_authenticator: ks.epochAuthenticator,
          external_secret: ks.externalSecret,
          confirmation_key: ks.confirmationKey,
          membership_key: ks.membershipKey,
          resumption_psk: ks.resumptionPsk,
        };
        for (const [name, value] of Object.entries(got)) {
          expect({ name, value: toHex(value) }).toEqual({ name, value: epoch[name as keyof typeof got].toLowerCase() });
        }
        const external = await suite.hpke.deriveKeyPair(ks.externalSecret);
        expect(toHex(await suite.hpke.exportPublicKey(external.publicKey))).toBe(epoch.external_pub.toLowerCase());
        // This vector revision predates RFC 9420's final MLS-Exporter, which renamed the inner
        // label "exporter" to "exported" (§8.5): check the vector with the old label, and that
        // ts-mls's exporter is the RFC formula over the same secret.
        const x = epoch.exporter;
        const derived = await deriveSecret(ks.exporterSecret, x.label, suite.kdf);
        const contextHash = await suite.hash.digest(hex(x.context));
        expect(toHex(await expandWithLabel(derived, DRAFT_EXPORTER_LABEL, contextHash, x.length, suite.kdf))).toBe(
          x.secret.toLowerCase(),
        );
        expect(toHex(await mlsExporter(ks.exporterSecret, x.label, hex(x.context), x.length, suite))).toBe(
          toHex(await expandWithLabel(derived, RFC_EXPORTER_LABEL, contextHash, x.length, suite.kdf)),
        );
        initSecret = ks.initSecret;
      }
    }
  });

  it('secret-tree', async () => {
    const suite = await circleSuite();
    const vectors = load<SecretTreeVector[]>('secret-tree.json').filter((v) => v.cipher_suite === CIRCLE_CIPHERSUITE_ID);
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      const sd = v.sender_data;
      expect(toHex(await expandSenderDataKey(suite, hex(sd.sender_data_secret), hex(sd.ciphertext)))).toBe(sd.key);
      expect(toHex(await expandSenderDataNonce(suite, hex(sd.sender_data_secret), hex(sd.ciphertext)))).toBe(sd.nonce);
      const tree = await createSecretTree(v.leaves.length, hex(v.encryption_secret), suite.kdf);
      for (const [leaf, generations] of v.leaves.entries()) {
        const node = tree[leaf];
        if (node === undefined) throw new Error('missing leaf in secret tree');
        for (const g of generations) {
          const [app] = await ratchetUntil(node.application, g.generation, defaultKeyRetentionConfig, suite.kdf);
          const [hs] = await ratchetUntil(node.handshake, g.generation, defaultKeyRetentionConfig, suite.kdf);
          expect(toHex(await deriveKey(app.secret, g.generation, suite))).toBe(g.application_key);
          expect(toHex(await deriveNonce(app.secret, g.generation, suite))).toBe(g.application_nonce);
          expect(toHex(await deriveKey(hs.secret, g.generation, suite))).toBe(g.handshake_key);
          expect(toHex(await deriveNonce(hs.secret, g.generation, suite))).toBe(g.handshake_nonce);
        }
      }
    }
  });

  it('transcript-hashes', async () => {
    const suite = await circleSuite();
    const vectors = load<TranscriptHashes[]>('transcript-hashes.json').filter(
      (v) => v.cipher_suite === CIRCLE_CIPHERSUITE_ID,
    );
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      const bytes = hex(v.authenticated_content);
      const decoded = decodeAuthenticatedContent(bytes, 0);
      expect(decoded?.[1]).toBe(bytes.length);
      const ac = decoded![0];
      if (ac.content.contentType !== 'commit' || ac.auth.contentType !== 'commit') throw new Error('expected a commit');
      const confirmed = await createConfirmedHash(
        hex(v.interim_transcript_hash_before),
        { wireformat: ac.wireformat, content: ac.content, signature: ac.auth.signature },
        suite.hash,
      );
      expect(toHex(confirmed)).toBe(v.confirmed_transcript_hash_after);
      expect(await verifyConfirmationTag(hex(v.confirmation_key), ac.auth.confirmationTag, confirmed, suite.hash)).toBe(true);
      expect(toHex(await createInterimHash(confirmed, ac.auth.confirmationTag, suite.hash))).toBe(
        v.interim_transcript_hash_after,
      );
    }
  });

  it('tree-math', () => {
    const vectors = load<TreeMath[]>('tree-math.json');
    expect(vectors.length).toBeGreaterThan(0);
    for (const v of vectors) {
      expect(root(v.n_leaves)).toBe(v.root);
      for (let i = 0; i < v.n_nodes; i++) {
        const node = toNodeIndex(i);
        const isParent = i % 2 === 1;
        expect(isParent ? left(node) : null).toBe(v.left[i]);
        expect(isParent ? right(node) : null).toBe(v.right[i]);
        expect(i === v.root ? null : parent(node, v.n_leaves)).toBe(v.parent[i]);
        expect(i === v.root ? null : sibling(node, v.n_leaves)).toBe(v.sibling[i]);
      }
    }
  });
});

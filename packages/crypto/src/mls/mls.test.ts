import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  decodeMlsMessage,
  emptyPskIndex,
  processPrivateMessage,
  type ClientState,
} from 'ts-mls';
import { buildCircle, expectKind, makeMembers, trustFor } from './circle-fixture.js';
import { CircleError, type CircleErrorCode } from './errors.js';
import { circleSuite } from './suite.js';
import { unwrap } from './state.js';
import {
  addMembers,
  applyRoster,
  createCircle,
  decodeCircleState,
  encodeCircleState,
  encryptMessage,
  epochOf,
  membersOf,
  myMemberId,
  peekContentType,
  peekEpoch,
  peekMessage,
  processIncoming,
  rebaseCommit,
  removeMembers,
  rosterOf,
  updateOwnLeaf,
  type CircleState,
  type PendingCommit,
} from './index.js';

// ts-mls checks key-package lifetimes against the real clock when adding, so fixtures use it too.
const NOW = Date.now();
const CIRCLE = 'circle-night-owls';
const text = (s: string) => new TextEncoder().encode(s);
const read = (b: Uint8Array) => new TextDecoder().decode(b);

async function rejects(p: Promise<unknown>, code: CircleErrorCode): Promise<void> {
  const error: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CircleError);
  expect((error as CircleError).code).toBe(code);
}

/** The delivery service as the server will run it: one commit per epoch, in order. */
class FakeDeliveryService {
  epoch: number;
  readonly log: Uint8Array[] = [];
  constructor(epoch: number) {
    this.epoch = epoch;
  }
  submit(message: Uint8Array): boolean {
    if (peekContentType(message) === 'commit') {
      if (peekEpoch(message) !== this.epoch) return false;
      this.epoch += 1;
    }
    this.log.push(message);
    return true;
  }
}

const circleOf = (size: number, extraUnlisted = 0) => buildCircle(CIRCLE, size, NOW, extraUnlisted);

describe('a circle of three', () => {
  it('is created, joined, and carries messages both ways with authenticated senders', async () => {
    const { people, states } = await circleOf(3);
    let [alice, bob] = states as [CircleState, CircleState, CircleState];
    const carol = states[2]!;
    expect(membersOf(alice).map((m) => m.memberId)).toEqual(people.map((p) => p.identity.memberId));
    expect(epochOf(alice)).toBe(1);
    expect(epochOf(bob)).toBe(1);
    expect(myMemberId(carol)).toBe(people[2]!.identity.memberId);

    const fromAlice = await encryptMessage(alice, text('你好，今晚有人在嗎？'));
    alice = fromAlice.state;
    const atBob = expectKind(await processIncoming(bob, fromAlice.message), 'application');
    bob = atBob.state;
    expect(read(atBob.plaintext)).toBe('你好，今晚有人在嗎？');
    expect(atBob.sender).toBe(people[0]!.identity.memberId);

    const fromBob = await encryptMessage(bob, text('我在，陪你聊'));
    bob = fromBob.state;
    for (const reader of [alice, carol]) {
      const got = expectKind(await processIncoming(reader, fromBob.message), 'application');
      expect(read(got.plaintext)).toBe('我在，陪你聊');
      expect(got.sender).toBe(people[1]!.identity.memberId);
    }
    // The ciphertext must not contain the plaintext.
    expect(Buffer.from(fromBob.message).includes(Buffer.from(text('我在，陪你聊')))).toBe(false);
  });

  it('removes a member, who learns removedMe and cannot read what follows', async () => {
    const { people, states } = await circleOf(3);
    let [alice, bob, carol] = states as [CircleState, CircleState, CircleState];
    const carolId = people[2]!.identity.memberId;
    // An independent copy of carol's state that never learns of her removal.
    const carolBefore = decodeCircleState(encodeCircleState(carol));

    const pending = await removeMembers(alice, [carolId]);
    alice = pending.state;
    const atBob = expectKind(await processIncoming(bob, pending.commit), 'commit');
    bob = atBob.state;
    expect(atBob.removed).toEqual([carolId]);
    expect(atBob.removedMe).toBe(false);
    expect(atBob.newEpoch).toBe(2);
    expect(membersOf(bob).map((m) => m.memberId)).not.toContain(carolId);

    const atCarol = expectKind(await processIncoming(carol, pending.commit), 'commit');
    expect(atCarol.removedMe).toBe(true);
    carol = atCarol.state;

    const secret = await encryptMessage(alice, text('after carol left'));
    expect(read(expectKind(await processIncoming(bob, secret.message), 'application').plaintext)).toBe('after carol left');
    await rejects(processIncoming(carol, secret.message), 'not-a-member');
    await rejects(encryptMessage(carol, text('still here?')), 'not-a-member');

    // Even ignoring the removal, carol's keys are for the old epoch: ts-mls itself cannot decrypt.
    await rejects(processIncoming(carolBefore, secret.message), 'future-epoch');
    const decoded = decodeMlsMessage(secret.message, 0)![0];
    if (decoded.wireformat !== 'mls_private_message') throw new Error('expected private message');
    const raw: ClientState = unwrap(carolBefore).group;
    await expect(processPrivateMessage(raw, decoded.privateMessage, emptyPskIndex, await circleSuite())).rejects.toThrow();
  });

  it('updates a leaf: new leaf key, new epoch, messages still flow', async () => {
    const { states } = await circleOf(3);
    let [alice, bob] = states as [CircleState, CircleState, CircleState];
    const leafKey = (s: CircleState, leaf: number) => {
      const node = unwrap(s).group.ratchetTree[leaf * 2];
      if (node?.nodeType !== 'leaf') throw new Error('no leaf');
      return Buffer.from(node.leaf.hpkePublicKey).toString('hex');
    };
    const before = leafKey(bob, 1);
    const pending = await updateOwnLeaf(bob);
    bob = pending.state;
    const atAlice = expectKind(await processIncoming(alice, pending.commit), 'commit');
    alice = atAlice.state;
    expect(atAlice.added).toEqual([]);
    expect(atAlice.removed).toEqual([]);
    expect(leafKey(alice, 1)).not.toBe(before);
    expect(leafKey(alice, 1)).toBe(leafKey(bob, 1));
    expect(epochOf(alice)).toBe(2);
    const msg = await encryptMessage(bob, text('fresh keys'));
    expect(read(expectKind(await processIncoming(alice, msg.message), 'application').plaintext)).toBe('fresh keys');
  });

  it('still reads a message sent in the previous epoch that arrives after the commit', async () => {
    const { people, states } = await circleOf(3);
    let [alice, bob, carol] = states as [CircleState, CircleState, CircleState];
    const late = await encryptMessage(alice, text('sent before the update'));
    alice = late.state;
    const pending = await updateOwnLeaf(bob);
    bob = pending.state;
    carol = expectKind(await processIncoming(carol, pending.commit), 'commit').state;
    expect(epochOf(carol)).toBe(2);
    const got = expectKind(await processIncoming(carol, late.message), 'application');
    expect(got.epoch).toBe(1);
    expect(got.sender).toBe(people[0]!.identity.memberId);
    expect(read(got.plaintext)).toBe('sent before the update');
    expect(epochOf(alice)).toBe(1);
  });

  it('reports its own echoed commit instead of applying it twice', async () => {
    const { states } = await circleOf(2);
    const pending = await updateOwnLeaf(states[0]!);
    const echoed = await processIncoming(states[0]!, pending.commit);
    expect(echoed.kind).toBe('own-commit');
    expect(epochOf(echoed.state)).toBe(1);
  });

  it('refuses messages from another circle', async () => {
    const one = await circleOf(2);
    const people = await makeMembers(1, NOW);
    const other = await createCircle('another-circle', people[0]!.keyPackage, await trustFor('another-circle', 1, people, people[0]!.identity));
    const msg = await encryptMessage(other, text('hi'));
    await rejects(processIncoming(one.states[1]!, msg.message), 'wrong-circle');
  });
});

describe('one commit per epoch', () => {
  it('lets the loser process the winner and re-make its commit in the next epoch', async () => {
    const { people, states } = await circleOf(3);
    let [alice, bob, carol] = states as [CircleState, CircleState, CircleState];
    const carolId = people[2]!.identity.memberId;
    const ds = new FakeDeliveryService(epochOf(alice));

    // Both commit in epoch 1: bob a leaf update, alice (the moderator) carol's removal.
    const bobPending = await updateOwnLeaf(bob);
    const alicePending: PendingCommit = await removeMembers(alice, [carolId]);
    expect(alicePending.epoch).toBe(bobPending.epoch);
    expect(ds.submit(bobPending.commit)).toBe(true);
    expect(ds.submit(alicePending.commit)).toBe(false);
    bob = bobPending.state;

    // Alice drops her pending state, applies the winner to her old state, then rebases.
    alice = expectKind(await processIncoming(alice, bobPending.commit), 'commit').state;
    carol = expectKind(await processIncoming(carol, bobPending.commit), 'commit').state;
    await rejects(processIncoming(bob, alicePending.commit), 'stale-epoch');

    const rebased = await rebaseCommit(alice, alicePending);
    expect(rebased).toBeDefined();
    expect(rebased!.epoch).toBe(2);
    expect(ds.submit(rebased!.commit)).toBe(true);
    alice = rebased!.state;
    const atBob = expectKind(await processIncoming(bob, rebased!.commit), 'commit');
    bob = atBob.state;
    expect(atBob.removed).toEqual([carolId]);
    expect(expectKind(await processIncoming(carol, rebased!.commit), 'commit').removedMe).toBe(true);
    expect(epochOf(alice)).toBe(3);
    expect(epochOf(bob)).toBe(3);
    expect(ds.epoch).toBe(3);

    const msg = await encryptMessage(bob, text('rebased'));
    expect(read(expectKind(await processIncoming(alice, msg.message), 'application').plaintext)).toBe('rebased');
  });

  it('lets an offline member catch up on several commits, in order only', async () => {
    const { states } = await circleOf(3);
    let [alice, bob, carol] = states as [CircleState, CircleState, CircleState];
    const log: Uint8Array[] = [];
    for (let i = 0; i < 3; i++) {
      const byAlice = await updateOwnLeaf(alice);
      alice = byAlice.state;
      bob = expectKind(await processIncoming(bob, byAlice.commit), 'commit').state;
      log.push(byAlice.commit);
      const byBob = await updateOwnLeaf(bob);
      bob = byBob.state;
      alice = expectKind(await processIncoming(alice, byBob.commit), 'commit').state;
      log.push(byBob.commit);
    }
    await rejects(processIncoming(carol, log[1]!), 'future-epoch');
    for (const commit of log) carol = expectKind(await processIncoming(carol, commit), 'commit').state;
    expect(epochOf(carol)).toBe(7);
    const msg = await encryptMessage(carol, text('caught up'));
    expect(read(expectKind(await processIncoming(alice, msg.message), 'application').plaintext)).toBe('caught up');
  });

  it('drops a rebased commit that the winner already made redundant', async () => {
    const { people, states } = await circleOf(3);
    const carolId = people[2]!.identity.memberId;
    // The moderators dropped carol from the roster, so any member may carry out her removal.
    const v2 = await trustFor(CIRCLE, 2, people.slice(0, 2), people[0]!.identity);
    const alice = await applyRoster(states[0]!, v2.signedRoster);
    const bob = await applyRoster(states[1]!, v2.signedRoster);
    const winner = await removeMembers(alice, [carolId]);
    const loser = await removeMembers(bob, [carolId]);
    const bobAfter = expectKind(await processIncoming(bob, winner.commit), 'commit').state;
    expect(await rebaseCommit(bobAfter, loser)).toBeUndefined();
  });
});

describe('circle state serialisation', () => {
  it('round-trips and keeps working', async () => {
    const { states, people } = await circleOf(3);
    const bytes = encodeCircleState(states[1]!);
    const restored = decodeCircleState(bytes);
    expect(Buffer.from(encodeCircleState(restored)).equals(Buffer.from(bytes))).toBe(true);
    expect(epochOf(restored)).toBe(epochOf(states[1]!));
    expect(rosterOf(restored)).toEqual(rosterOf(states[1]!));
    const msg = await encryptMessage(states[0]!, text('to the restored bob'));
    const got = expectKind(await processIncoming(restored, msg.message), 'application');
    expect(read(got.plaintext)).toBe('to the restored bob');
    expect(got.sender).toBe(people[0]!.identity.memberId);
    const pending = await updateOwnLeaf(got.state);
    expect(expectKind(await processIncoming(msg.state, pending.commit), 'commit').newEpoch).toBe(2);
  });

  it('refuses to reuse a state whose secrets were wiped', async () => {
    const { states } = await circleOf(2);
    const [alice, bob] = states as [CircleState, CircleState];
    const first = await encryptMessage(alice, text('one'));
    await rejects(encryptMessage(alice, text('two')), 'state-spent');
    expect(() => encodeCircleState(alice)).toThrow(CircleError);
    const atBob = await processIncoming(bob, first.message);
    await rejects(processIncoming(bob, first.message), 'state-spent');
    await rejects(updateOwnLeaf(bob), 'state-spent');
    // Reading public facts from a spent state still works.
    expect(epochOf(bob)).toBe(epochOf(atBob.state));
    // A commit does not spend its input: the old state stays usable if the commit loses.
    const pending = await updateOwnLeaf(atBob.state);
    expect(pending.epoch).toBe(1);
    expect((await encryptMessage(atBob.state, text('still fine'))).message.length).toBeGreaterThan(0);
  });

  it('refuses bytes that are not a circle state', async () => {
    expect(() => decodeCircleState(Uint8Array.of(1, 2, 3))).toThrow(CircleError);
    const { states } = await circleOf(2);
    const bytes = encodeCircleState(states[0]!);
    expect(() => decodeCircleState(bytes.subarray(0, bytes.length - 1))).toThrow(CircleError);
    expect(() => decodeCircleState(Uint8Array.of(...bytes, 0))).toThrow(CircleError);
  });
});

describe('tampered messages', () => {
  it('fail with CircleError and leave the reader able to continue', async () => {
    const { states } = await circleOf(3);
    const [alice, bob] = states as [CircleState, CircleState, CircleState];
    const app = await encryptMessage(alice, text('original'));
    const commit = await updateOwnLeaf(app.state);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(app.message, commit.commit),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (message, at, flip) => {
          const tampered = Uint8Array.from(message);
          const index = at % tampered.length;
          tampered[index] = (tampered[index] as number) ^ flip;
          const outcome = await processIncoming(bob, tampered).then(
            (r) => r,
            (e: unknown) => e,
          );
          expect(outcome).toBeInstanceOf(CircleError);
        },
      ),
      { numRuns: 40 },
    );
    const got = expectKind(await processIncoming(bob, app.message), 'application');
    expect(read(got.plaintext)).toBe('original');
  });
});

describe('peek (what the delivery service sees without keys)', () => {
  it('reads epoch, content type and sender of a commit, and epoch of an application message', async () => {
    const { states } = await circleOf(3);
    const pending = await updateOwnLeaf(states[1]!);
    const peekedCommit = peekMessage(pending.commit);
    expect(peekedCommit).toMatchObject({ wire: 'public', epoch: 1, contentType: 'commit', senderLeafIndex: 1 });
    expect(peekEpoch(pending.commit)).toBe(1);
    // The delivery service matches the group id against the circle id's UTF-8 bytes.
    if (peekedCommit.wire !== 'public') throw new Error('expected public');
    expect(new TextDecoder().decode(peekedCommit.groupId)).toBe(CIRCLE);

    const app = await encryptMessage(pending.state, text('x'));
    expect(peekMessage(app.message)).toMatchObject({ wire: 'private', epoch: 2, contentType: 'application' });
    expect(peekContentType(app.message)).toBe('application');
    const decoded = decodeMlsMessage(app.message, 0)![0];
    if (decoded.wireformat !== 'mls_private_message') throw new Error('expected private');
    expect(Buffer.from((peekMessage(app.message) as { groupId: Uint8Array }).groupId)).toEqual(
      Buffer.from(decoded.privateMessage.groupId),
    );

    const add = await circleOf(1);
    const [eve] = await makeMembers(1, NOW);
    const trust = await trustFor(CIRCLE, 2, [...add.people, eve!], add.people[0]!.identity);
    const withEve = await addMembers(await applyRoster(add.states[0]!, trust.signedRoster), [eve!.keyPackage.publicPackage]);
    expect(peekMessage(withEve.welcome!)).toEqual({ wire: 'welcome' });
    expect(peekEpoch(withEve.welcome!)).toBeUndefined();
    expect(peekMessage(eve!.keyPackage.publicPackage)).toEqual({ wire: 'key-package' });
    // The add commit carries the signed roster in its authenticated data.
    const addPeek = peekMessage(withEve.commit);
    expect(addPeek.wire === 'public' && addPeek.authenticatedData.length > 0).toBe(true);
  });

  it('throws only CircleError on garbage', () => {
    for (const bytes of [new Uint8Array(), Uint8Array.of(0, 1, 0, 1), Uint8Array.of(0, 1, 0, 9, 1), Uint8Array.of(0, 2, 0, 1)]) {
      expect(() => peekMessage(bytes)).toThrow(CircleError);
    }
  });
});

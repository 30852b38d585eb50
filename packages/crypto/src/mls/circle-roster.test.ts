import { describe, it, expect } from 'vitest';
import { createCommit, emptyPskIndex, encodeMlsMessage, processPublicMessage, type ClientState } from 'ts-mls';
import { defaultClientConfig } from 'ts-mls/clientConfig.js';
import { buildCircle, expectKind, makeMembers, trustFor } from './circle-fixture.js';
import { CircleError, type CircleErrorCode } from './errors.js';
import { readKeyPackage } from './key-package.js';
import { configFor, unwrap } from './state.js';
import { circleSuite } from './suite.js';
import {
  addMembers,
  applyRoster,
  canRemove,
  encryptMessage,
  joinFromWelcome,
  membersOutsideRoster,
  processIncoming,
  removeMembers,
  rosterOf,
  type CircleState,
} from './index.js';

// ts-mls checks key-package lifetimes against the real clock when adding, so fixtures use it too.
const NOW = Date.now();
const CIRCLE = 'circle-roster-checks';
const text = (s: string) => new TextEncoder().encode(s);
const circleOf = (size: number, extraUnlisted = 0) => buildCircle(CIRCLE, size, NOW, extraUnlisted);

async function rejects(p: Promise<unknown>, code: CircleErrorCode): Promise<void> {
  const error: unknown = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CircleError);
  expect((error as CircleError).code).toBe(code);
}

describe('roster validation', () => {
  it('refuses to add a member whose credential is not in the signed roster', async () => {
    const { states, unlisted } = await circleOf(2, 1);
    await rejects(addMembers(states[0]!, [unlisted[0]!.keyPackage.publicPackage]), 'credential-not-in-roster');
  });

  it('rejects a commit that adds an unlisted member, made by a client that skips the check', async () => {
    const { states, unlisted, people, trust } = await circleOf(3, 1);
    const suite = await circleSuite();
    // Bob's client is modified to accept every credential.
    const rogue: ClientState = { ...unwrap(states[1]!).group, clientConfig: defaultClientConfig };
    const extra = await makeMembers(1, NOW);
    const listedLater = extra[0]!;
    const result = await createCommit(
      { state: rogue, cipherSuite: suite },
      {
        wireAsPublicMessage: true,
        ratchetTreeExtension: true,
        extraProposals: [unlisted[0]!, listedLater].map((m) => ({
          proposalType: 'add' as const,
          add: { keyPackage: readKeyPackage(m.keyPackage.publicPackage) },
        })),
      },
    );
    const commit = encodeMlsMessage(result.commit);
    await rejects(processIncoming(states[0]!, commit), 'credential-not-in-roster');
    await rejects(processIncoming(states[2]!, commit), 'credential-not-in-roster');

    // A welcome whose tree holds the unlisted member is refused too, even by a listed joiner.
    const welcome = encodeMlsMessage({ version: 'mls10', wireformat: 'mls_welcome', welcome: result.welcome! });
    const trustWithJoiner = await trustFor(CIRCLE, 2, [...people, listedLater], people[0]!.identity);
    expect(trust.signedRoster.roster.version).toBe(1);
    await rejects(joinFromWelcome(welcome, listedLater.keyPackage, trustWithJoiner), 'credential-not-in-roster');
  });

  it('plugs the roster into ts-mls itself (authentication service), not only our pre-check', async () => {
    const { states, unlisted } = await circleOf(2, 1);
    const suite = await circleSuite();
    const rogue: ClientState = { ...unwrap(states[1]!).group, clientConfig: defaultClientConfig };
    const result = await createCommit(
      { state: rogue, cipherSuite: suite },
      {
        wireAsPublicMessage: true,
        extraProposals: [{ proposalType: 'add', add: { keyPackage: readKeyPackage(unlisted[0]!.keyPackage.publicPackage) } }],
      },
    );
    if (result.commit.wireformat !== 'mls_public_message') throw new Error('expected public commit');
    const alice = unwrap(states[0]!);
    const { config, refused } = configFor(alice.signedRoster.roster);
    await expect(
      processPublicMessage({ ...alice.group, clientConfig: config }, result.commit.publicMessage, emptyPskIndex, suite),
    ).rejects.toThrow();
    expect(refused()).toBe(true);
  });

  it('refuses rosters not signed by a moderator, older rosters, and rosters of other circles', async () => {
    const { states, people } = await circleOf(2);
    const bobSigned = await trustFor(CIRCLE, 5, people, people[1]!.identity);
    await rejects(applyRoster(states[0]!, bobSigned.signedRoster), 'roster-signature-invalid');
    const v0 = await trustFor(CIRCLE, 0, people, people[0]!.identity);
    await rejects(applyRoster(states[0]!, v0.signedRoster), 'roster-rollback');
    const elsewhere = await trustFor('other', 9, people, people[0]!.identity);
    await rejects(applyRoster(states[0]!, elsewhere.signedRoster), 'roster-wrong-circle');
    const tampered = await trustFor(CIRCLE, 7, people, people[0]!.identity);
    const forged = { ...tampered.signedRoster, roster: { ...tampered.signedRoster.roster, version: 8 } };
    await rejects(applyRoster(states[0]!, forged), 'roster-signature-invalid');
  });

  it('spreads a newer roster with the add commit, so members who had not fetched it accept the add', async () => {
    const { states, people } = await circleOf(3);
    let [alice, bob] = states as [CircleState, CircleState, CircleState];
    const [dave] = await makeMembers(1, NOW);
    const v2 = await trustFor(CIRCLE, 2, [...people, dave!], people[0]!.identity);
    alice = await applyRoster(alice, v2.signedRoster);
    const pending = await addMembers(alice, [dave!.keyPackage.publicPackage]);
    expect(rosterOf(bob).version).toBe(1);
    const atBob = expectKind(await processIncoming(bob, pending.commit), 'commit');
    bob = atBob.state;
    expect(atBob.added).toEqual([dave!.identity.memberId]);
    expect(rosterOf(bob).version).toBe(2);
    const daveState = await joinFromWelcome(pending.welcome!, dave!.keyPackage, v2);
    const hello = await encryptMessage(daveState, text('hello from dave'));
    expect(expectKind(await processIncoming(bob, hello.message), 'application').sender).toBe(dave!.identity.memberId);
  });

  it('keeps its newer roster when a commit carries an older one', async () => {
    const { states, people } = await circleOf(3);
    const [alice, bob] = states as [CircleState, CircleState, CircleState];
    const [dave, erin] = await makeMembers(2, NOW);
    const v2 = await trustFor(CIRCLE, 2, [...people, dave!], people[0]!.identity);
    const v3 = await trustFor(CIRCLE, 3, [...people, dave!, erin!], people[0]!.identity);
    const aliceV2 = await applyRoster(alice, v2.signedRoster);
    const bobV3 = await applyRoster(bob, v3.signedRoster);
    const pending = await addMembers(aliceV2, [dave!.keyPackage.publicPackage]);
    const atBob = expectKind(await processIncoming(bobV3, pending.commit), 'commit');
    expect(atBob.added).toEqual([dave!.identity.memberId]);
    expect(rosterOf(atBob.state).version).toBe(3);
  });

  it('lets only moderators remove members the roster still lists', async () => {
    const { states, people } = await circleOf(3);
    const [alice, bob, carol] = states as [CircleState, CircleState, CircleState];
    const carolId = people[2]!.identity.memberId;
    expect(canRemove(bob, carolId)).toBe(false);
    expect(canRemove(alice, carolId)).toBe(true);
    expect(canRemove(alice, people[0]!.identity.memberId)).toBe(false);
    await rejects(removeMembers(bob, [carolId]), 'removal-not-allowed');

    // A modified client commits the removal anyway; the others refuse it.
    const suite = await circleSuite();
    const rogue: ClientState = { ...unwrap(bob).group, clientConfig: defaultClientConfig };
    const result = await createCommit(
      { state: rogue, cipherSuite: suite },
      { wireAsPublicMessage: true, extraProposals: [{ proposalType: 'remove', remove: { removed: 2 } }] },
    );
    const commit = encodeMlsMessage(result.commit);
    await rejects(processIncoming(alice, commit), 'removal-not-allowed');
    await rejects(processIncoming(carol, commit), 'removal-not-allowed');

    // Once the roster drops carol, bob may carry out her removal.
    const v2 = await trustFor(CIRCLE, 2, people.slice(0, 2), people[0]!.identity);
    const pending = await removeMembers(await applyRoster(bob, v2.signedRoster), [carolId]);
    // Alice has not fetched roster v2 yet: the commit carries it.
    const atAlice = expectKind(await processIncoming(alice, pending.commit), 'commit');
    expect(atAlice.removed).toEqual([carolId]);
    expect(rosterOf(atAlice.state).version).toBe(2);
  });

  it('lists members a newer roster dropped, so they can be removed', async () => {
    const { states, people } = await circleOf(3);
    const v2 = await trustFor(CIRCLE, 2, people.slice(0, 2), people[0]!.identity);
    const alice = await applyRoster(states[0]!, v2.signedRoster);
    expect(membersOutsideRoster(alice)).toEqual([people[2]!.identity.memberId]);
  });
});

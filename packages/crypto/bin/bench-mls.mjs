#!/usr/bin/env node
/**
 * MLS circle benchmarks: create, add, remove, update, encrypt and decrypt for
 * circles of 5, 50 and 200 members. `node packages/crypto/bin/bench-mls.mjs`
 * prints a table, `--json` prints JSON, `--only <text>` filters cases.
 *
 * The cases use the same shape as `bench.mjs` (group, name, runs, setup, run)
 * and are exported as `mlsCases`, so the crypto bench can include them.
 * Setup (not timed) builds each circle once: identities, key packages, one
 * bulk add commit, and joins for the two members who receive messages.
 */
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';

register();
const api = await import('../src/index.ts');
const { makeMembers, trustFor } = await import('../src/mls/circle-fixture.ts');

const SIZES = [5, 50, 200];
const CIRCLE_ID = 'bench-circle';
const ONE_KB = new Uint8Array(1024).fill(42);
const NOW = Date.now();

const circles = new Map();

/** Builds (once) a circle of `size`: creator alice, joined bob, and the rest added but not joined. */
function circleOf(size) {
  if (!circles.has(size)) {
    circles.set(
      size,
      (async () => {
        const people = await makeMembers(size + 1, NOW);
        const spare = people.pop();
        const moderator = people[0].identity;
        const trust = await trustFor(CIRCLE_ID, 1, [...people, spare], moderator);
        let alice = await api.createCircle(CIRCLE_ID, people[0].keyPackage, trust);
        const bulkStart = performance.now();
        const bulk = await api.addMembers(
          alice,
          people.slice(1).map((p) => p.keyPackage.publicPackage),
        );
        const bulkAddMs = performance.now() - bulkStart;
        alice = bulk.state;
        const bob = await api.joinFromWelcome(bulk.welcome, people[1].keyPackage, trust);
        return { people, spare, trust, alice, bob, bulkAddMs, bulkWelcome: bulk.welcome };
      })(),
    );
  }
  return circles.get(size);
}

/** `count` fresh decoded copies of a state, since processing a message wipes the secrets of its input. */
function copies(state, count) {
  const bytes = api.encodeCircleState(state);
  return Array.from({ length: count }, () => api.decodeCircleState(bytes));
}

function expectKind(result, kind) {
  if (result.kind !== kind) throw new Error(`expected ${kind}, got ${result.kind}`);
  return result;
}

/**
 * A circle of `size` whose committer's copath is filled in: after a bulk add
 * every parent node is blank, so the first commits encrypt to every leaf. In
 * a living circle members update daily, which fills the tree; here the
 * members at leaves 1, 2, 4, 8, ... each commit one update.
 */
const populated = new Map();
function populatedCircleOf(size) {
  if (!populated.has(size)) {
    populated.set(
      size,
      (async () => {
        const c = await circleOf(size);
        const updaters = [];
        for (let leaf = 1; leaf < size; leaf *= 2) updaters.push(leaf);
        const states = new Map([[0, copies(c.alice, 1)[0]]]);
        for (const leaf of updaters) {
          states.set(leaf, await api.joinFromWelcome(c.bulkWelcome, c.people[leaf].keyPackage, c.trust));
        }
        for (const leaf of updaters) {
          const pending = await api.updateOwnLeaf(states.get(leaf));
          for (const [other, state] of states) {
            if (other !== leaf) states.set(other, expectKind(await api.processIncoming(state, pending.commit), 'commit').state);
          }
          states.set(leaf, pending.state);
        }
        return { ...c, alice: states.get(0), updates: updaters.length };
      })(),
    );
  }
  return populated.get(size);
}

const runsFor = (size) => (size >= 200 ? 5 : 10);

/** @type {import('./bench.mjs').BenchCase[] | any[]} */
export const mlsCases = [
  {
    group: 'mls',
    name: 'createCircle (creator only, incl. key package)',
    runs: 20,
    setup: async () => {
      const [creator] = await makeMembers(1, NOW);
      return { creator, trust: await trustFor(CIRCLE_ID, 1, [creator], creator.identity) };
    },
    run: async (lib, { creator, trust }) => {
      const kp = await lib.createMemberKeyPackage(creator.identity, NOW);
      await lib.createCircle(CIRCLE_ID, kp, trust);
    },
  },
  ...SIZES.flatMap((size) => {
    const runs = runsFor(size);
    return [
      {
        group: 'mls',
        name: `addMembers: add 1 to a circle of ${size} (make commit + welcome)`,
        runs,
        setup: async () => circleOf(size),
        run: (lib, c) => lib.addMembers(c.alice, [c.spare.keyPackage.publicPackage]),
      },
      {
        group: 'mls',
        name: `processIncoming: add commit, circle of ${size}`,
        runs,
        setup: async (lib) => {
          const c = await circleOf(size);
          const pending = await lib.addMembers(c.alice, [c.spare.keyPackage.publicPackage]);
          return { commit: pending.commit, states: copies(c.bob, runs + 1) };
        },
        run: async (lib, s) => expectKind(await lib.processIncoming(s.states.pop(), s.commit), 'commit'),
      },
      {
        group: 'mls',
        name: `joinFromWelcome: join a circle of ${size}`,
        runs,
        setup: async (lib) => {
          const c = await circleOf(size);
          const pending = await lib.addMembers(c.alice, [c.spare.keyPackage.publicPackage]);
          return { c, welcome: pending.welcome };
        },
        run: (lib, { c, welcome }) => lib.joinFromWelcome(welcome, c.spare.keyPackage, c.trust),
      },
      {
        group: 'mls',
        name: `removeMembers: remove 1 from a circle of ${size}, tree fresh from bulk add (make commit)`,
        runs,
        setup: async () => circleOf(size),
        run: (lib, c) => lib.removeMembers(c.alice, [c.people[size - 1].identity.memberId]),
      },
      {
        group: 'mls',
        name: `removeMembers: remove 1 from a circle of ${size}, tree filled by updates (make commit)`,
        runs,
        setup: async () => populatedCircleOf(size),
        run: (lib, c) => lib.removeMembers(c.alice, [c.people[size - 1].identity.memberId]),
      },
      {
        group: 'mls',
        name: `processIncoming: remove commit, circle of ${size}`,
        runs,
        setup: async (lib) => {
          const c = await circleOf(size);
          const pending = await lib.removeMembers(c.alice, [c.people[size - 1].identity.memberId]);
          return { commit: pending.commit, states: copies(c.bob, runs + 1) };
        },
        run: async (lib, s) => expectKind(await lib.processIncoming(s.states.pop(), s.commit), 'commit'),
      },
      {
        group: 'mls',
        name: `updateOwnLeaf: make commit, circle of ${size}`,
        runs,
        setup: async () => circleOf(size),
        run: (lib, c) => lib.updateOwnLeaf(c.bob),
      },
      {
        group: 'mls',
        name: `encryptMessage 1 KB, circle of ${size}`,
        runs: 50,
        setup: async () => ({ state: copies((await circleOf(size)).alice, 1)[0] }),
        run: async (lib, holder) => {
          const out = await lib.encryptMessage(holder.state, ONE_KB);
          holder.state = out.state;
        },
      },
      {
        group: 'mls',
        name: `processIncoming: decrypt 1 KB, circle of ${size}`,
        runs: 50,
        setup: async (lib) => {
          const c = await circleOf(size);
          let alice = copies(c.alice, 1)[0];
          const messages = [];
          for (let i = 0; i < 51; i++) {
            const out = await lib.encryptMessage(alice, ONE_KB);
            alice = out.state;
            messages.push(out.message);
          }
          return { state: copies(c.bob, 1)[0], messages: messages.reverse() };
        },
        run: async (lib, holder) => {
          const out = expectKind(await lib.processIncoming(holder.state, holder.messages.pop()), 'application');
          holder.state = out.state;
        },
      },
    ];
  }),
];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measure(benchCase) {
  const state = benchCase.setup ? await benchCase.setup(api) : undefined;
  await benchCase.run(api, state);
  const times = [];
  for (let i = 0; i < benchCase.runs; i++) {
    const start = performance.now();
    await benchCase.run(api, state);
    times.push(performance.now() - start);
  }
  return {
    group: benchCase.group,
    name: benchCase.name,
    runs: benchCase.runs,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
  };
}

async function main() {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '') : '';
  const results = [];
  for (const benchCase of mlsCases.filter((c) => `${c.group} ${c.name}`.includes(only))) {
    results.push(await measure(benchCase));
  }
  const sizes = [];
  for (const [size, circle] of circles) {
    const c = await circle;
    const add = await api.addMembers(c.alice, [c.spare.keyPackage.publicPackage]);
    const remove = await api.removeMembers(c.alice, [c.people[size - 1].identity.memberId]);
    const update = await api.updateOwnLeaf(c.alice);
    const app = await api.encryptMessage(copies(c.alice, 1)[0], ONE_KB);
    sizes.push({
      members: size,
      bulkAddMs: c.bulkAddMs,
      welcomeBytes: c.bulkWelcome.length,
      stateBytes: api.encodeCircleState(c.alice).length,
      addCommitBytes: add.commit.length,
      removeCommitBytes: remove.commit.length,
      updateCommitBytes: update.commit.length,
      oneKbMessageBytes: app.message.length,
    });
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify({ node: process.version, results, circles: sizes }, null, 2));
    return;
  }
  const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
  const rows = results.map((r) => [r.group, r.name, String(r.runs), fmt(r.medianMs), fmt(r.minMs), fmt(r.maxMs)]);
  const header = ['group', 'case', 'runs', 'median', 'min', 'max'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const s of sizes) {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `circle of ${s.members}: bulk add of ${s.members - 1} in one commit ${fmt(s.bulkAddMs)}; ` +
        `bulk welcome ${kib(s.welcomeBytes)}, creator state ${kib(s.stateBytes)}; commits: add ${kib(s.addCommitBytes)}, ` +
        `remove ${kib(s.removeCommitBytes)}, update ${kib(s.updateCommitBytes)}; 1 KB message ${s.oneKbMessageBytes} B`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

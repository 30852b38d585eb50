#!/usr/bin/env node
/**
 * Crypto benchmarks: `npm run bench:crypto` prints a table, `-- --json`
 * prints JSON, `-- --only <text>` runs the cases whose name contains text.
 *
 * To add a benchmark, append an entry to `cases` below (group related cases
 * under one `group`). Each case gets the package API and may prepare state in
 * `setup`, which is not timed; `run` is timed `runs` times after one warm-up.
 */
import { register } from 'tsx/esm/api';

register();
const api = await import('../src/index.ts');

const FOUR_KB = 4096;

/**
 * @typedef {object} BenchCase
 * @property {string} group   what is measured (e.g. 'vault', 'mls')
 * @property {string} name    the case, including its parameters
 * @property {number} runs    timed runs (the median is reported)
 * @property {(api: typeof import('../src/index.ts')) => Promise<unknown>} [setup]
 * @property {(api: typeof import('../src/index.ts'), state: any) => Promise<unknown>} run
 */

/** @type {BenchCase[]} */
const cases = [
  {
    group: 'vault',
    name: `Argon2id deriveVaultKey (ops ${api.VAULT_KDF_PARAMS.opsLimit}, ${api.VAULT_KDF_PARAMS.memLimit / 2 ** 20} MiB)`,
    runs: 5,
    run: (lib) => lib.deriveVaultKey('a passphrase someone would type', new Uint8Array(16), lib.VAULT_KDF_PARAMS),
  },
  {
    group: 'vault',
    name: `Vault.unlock, real params (${api.VAULT_SLOT_COUNT} slots, Argon2id each)`,
    runs: 5,
    setup: async (lib) => {
      const store = new lib.MemoryVaultStore();
      (await lib.Vault.create(store, 'bench passphrase')).lock();
      return store;
    },
    run: async (lib, store) => {
      const result = await lib.Vault.unlock(store, 'bench passphrase');
      if (!result.ok) throw new Error('unlock failed');
      result.vault.lock();
    },
  },
  {
    group: 'vault',
    name: 'UnlockedVault.putBytes 4 KB record (seal + store)',
    runs: 200,
    setup: async (lib) => ({
      vault: await lib.Vault.create(new lib.MemoryVaultStore(), 'bench', { dangerousTestOnlyFastKdf: true }),
      value: new Uint8Array(FOUR_KB).fill(7),
    }),
    run: (_lib, { vault, value }) => vault.putBytes('record', value),
  },
  {
    group: 'vault',
    name: 'UnlockedVault.getBytes 4 KB record (load + open)',
    runs: 200,
    setup: async (lib) => {
      const vault = await lib.Vault.create(new lib.MemoryVaultStore(), 'bench', { dangerousTestOnlyFastKdf: true });
      await vault.putBytes('record', new Uint8Array(FOUR_KB).fill(7));
      return vault;
    },
    run: (_lib, vault) => vault.getBytes('record'),
  },
  {
    group: 'identity',
    name: `device link: openLinkChannel (Argon2id ops ${api.LINK_KDF_PARAMS.opsLimit}, ${api.LINK_KDF_PARAMS.memLimit / 2 ** 20} MiB)`,
    runs: 5,
    run: async (lib) => (await lib.openLinkChannel('ABCDEFGH23')).close(),
  },
];

// MLS circles (create, add, remove, update, encrypt, decrypt at 5, 50 and 200
// members) live in bench-mls.mjs, which also runs on its own.
cases.push(...(await import('./bench-mls.mjs')).mlsCases);

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

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] ?? '' : '';
const results = [];
for (const benchCase of cases.filter((c) => `${c.group} ${c.name}`.includes(only))) {
  results.push(await measure(benchCase));
}

if (args.includes('--json')) {
  console.log(JSON.stringify({ node: process.version, results }, null, 2));
} else {
  const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(1)} ms`);
  const rows = results.map((r) => [r.group, r.name, String(r.runs), fmt(r.medianMs), fmt(r.minMs), fmt(r.maxMs)]);
  const header = ['group', 'case', 'runs', 'median', 'min', 'max'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

import { describe, expect, it } from 'vitest';

import { loadSodium } from '../util/sodium.js';

import {
  ARGON2ID_INTERACTIVE,
  deriveVaultKey,
  MemoryVaultStore,
  SLOT_HEADER_BYTES,
  Vault,
  VAULT_KDF_PARAMS,
  VAULT_SLOT_COUNT,
  VaultError,
  type DeriveVaultKey,
  type UnlockedVault,
  type VaultStore,
} from './index.js';

const fast = { dangerousTestOnlyFastKdf: true } as const;
const MAIN = 'lantern by the window';
const DURESS = 'just my grocery list';

async function expectVaultError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe(code);
}

async function unlocked(store: VaultStore, passphrase: string): Promise<UnlockedVault> {
  const result = await Vault.unlock(store, passphrase, fast);
  if (!result.ok) throw new Error('expected the vault to open');
  return result.vault;
}

/** What someone holding the store sees: sorted keys and the size of each value. */
async function storeShape(store: VaultStore): Promise<Array<[string, number]>> {
  const keys = (await store.keys()).sort();
  return Promise.all(keys.map(async (key): Promise<[string, number]> => [key, (await store.get(key))?.length ?? -1]));
}

/** Store keys with the record names abstracted away: only their count and form remain. */
async function anonymousShape(store: VaultStore): Promise<Array<[string, number]>> {
  return (await storeShape(store)).map(([key, size]) => [key.startsWith('r.') ? `r.<${key.length}>` : key, size]);
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function countingDerive(): { derive: DeriveVaultKey; calls: () => number } {
  let calls = 0;
  return {
    derive: async (passphrase, salt, params) => {
      calls++;
      return deriveVaultKey(passphrase, salt, params);
    },
    calls: () => calls,
  };
}

describe('vault KDF parameters', () => {
  it('are not weaker than libsodium INTERACTIVE, and the floor matches libsodium', async () => {
    const sodium = await loadSodium();
    expect(VAULT_KDF_PARAMS.algorithm).toBe('argon2id13');
    expect(VAULT_KDF_PARAMS.opsLimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE);
    expect(VAULT_KDF_PARAMS.memLimit).toBeGreaterThanOrEqual(sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);
    expect(ARGON2ID_INTERACTIVE.opsLimit).toBe(sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE);
    expect(ARGON2ID_INTERACTIVE.memLimit).toBe(sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);
  });

  it('deriveVaultKey is Argon2id13 over the NFKC passphrase', async () => {
    const sodium = await loadSodium();
    const salt = sodium.randombytes_buf(16);
    const key = await deriveVaultKey('ｐａｓｓ 詞', salt, ARGON2ID_INTERACTIVE);
    const expected = sodium.crypto_pwhash(32, 'pass 詞', salt, 2, 64 * 1024 * 1024, sodium.crypto_pwhash_ALG_ARGON2ID13);
    expect(key).toEqual(expected);
  });

  it('refuses to create or open a vault with weak parameters unless told it is a test', async () => {
    await expectVaultError(
      Vault.create(new MemoryVaultStore(), MAIN, { kdf: { algorithm: 'argon2id13', opsLimit: 1, memLimit: 8192 } }),
      'weak-kdf',
    );
    const store = new MemoryVaultStore();
    await Vault.create(store, MAIN, fast);
    await expectVaultError(Vault.unlock(store, MAIN), 'weak-kdf');
  });

  it('creates and opens a vault with the real parameters', async () => {
    const store = new MemoryVaultStore();
    const vault = await Vault.create(store, MAIN);
    await vault.put('safety-plan', { warningSigns: ['睡不著'] });
    vault.lock();
    const wrong = await Vault.unlock(store, 'not it');
    expect(wrong).toEqual({ ok: false, error: 'wrong-passphrase' });
    const result = await Vault.unlock(store, MAIN);
    expect(result.ok).toBe(true);
    if (result.ok) expect(await result.vault.get('safety-plan')).toEqual({ warningSigns: ['睡不著'] });
  });
});

describe('vault records', () => {
  it('seals and opens JSON and bytes records across lock and unlock', async () => {
    const store = new MemoryVaultStore();
    const vault = await Vault.create(store, MAIN, fast);
    expect(await Vault.exists(store)).toBe(true);
    await vault.put('diary/2026-11-20', { mood: 3, text: '今天還好' });
    await vault.putBytes('identity', Uint8Array.of(1, 2, 3));
    vault.lock();
    const reopened = await unlocked(store, MAIN);
    expect(await reopened.get('diary/2026-11-20')).toEqual({ mood: 3, text: '今天還好' });
    expect(await reopened.getBytes('identity')).toEqual(Uint8Array.of(1, 2, 3));
    expect(await reopened.get('missing')).toBeUndefined();
    await expectVaultError(reopened.getBytes('diary/2026-11-20'), 'wrong-record-kind');
    await expectVaultError(reopened.put('', 1), 'invalid-record-key');
  });

  it('keeps plaintext and record names out of the store', async () => {
    const sodium = await loadSodium();
    const store = new MemoryVaultStore();
    const vault = await Vault.create(store, MAIN, fast);
    await vault.put('diary/secret-name', { text: 'plaintext-marker' });
    for (const [key] of await storeShape(store)) {
      expect(key).not.toContain('diary');
      const value = (await store.get(key)) ?? new Uint8Array();
      expect(containsBytes(value, sodium.from_string('plaintext-marker'))).toBe(false);
      expect(containsBytes(value, sodium.from_string('diary'))).toBe(false);
    }
  });

  it('lists by prefix and deletes', async () => {
    const vault = await Vault.create(new MemoryVaultStore(), MAIN, fast);
    await vault.put('diary/b', 2);
    await vault.put('diary/a', 1);
    await vault.put('plan', 3);
    expect(await vault.list('diary/')).toEqual(['diary/a', 'diary/b']);
    await vault.delete('diary/a');
    expect(await vault.list()).toEqual(['diary/b', 'plan']);
    expect(await vault.get('diary/a')).toBeUndefined();
  });

  it('fails to open tampered or swapped records', async () => {
    const store = new MemoryVaultStore();
    const vault = await Vault.create(store, MAIN, fast);
    await vault.put('a', 'first');
    const before = new Set(await store.keys());
    await vault.put('b', 'second');
    const keyB = (await store.keys()).find((key) => !before.has(key)) ?? '';
    const keyA = [...before].find((key) => key.startsWith('r.')) ?? '';
    const sealedB = (await store.get(keyB)) ?? new Uint8Array();

    await store.put(keyA, sealedB);
    await expectVaultError(vault.get('a'), 'corrupt-vault');

    const tampered = Uint8Array.from(sealedB);
    tampered[30] = (tampered[30] ?? 0) ^ 1;
    await store.put(keyB, tampered);
    await expectVaultError(vault.get('b'), 'corrupt-vault');
  });

  it('returns the generic wrong-passphrase and tries every slot either way', async () => {
    const store = new MemoryVaultStore();
    (await Vault.create(store, MAIN, fast)).lock();
    const wrong = countingDerive();
    expect(await Vault.unlock(store, 'lantern by the door', { ...fast, derive: wrong.derive })).toEqual({
      ok: false,
      error: 'wrong-passphrase',
    });
    const right = countingDerive();
    expect((await Vault.unlock(store, MAIN, { ...fast, derive: right.derive })).ok).toBe(true);
    expect(wrong.calls()).toBe(VAULT_SLOT_COUNT);
    expect(right.calls()).toBe(VAULT_SLOT_COUNT);
  });

  it('rejects a second create and unlocking an empty store', async () => {
    const store = new MemoryVaultStore();
    await expectVaultError(Vault.unlock(store, MAIN, fast), 'no-vault');
    await Vault.create(store, MAIN, fast);
    await expectVaultError(Vault.create(store, MAIN, fast), 'vault-exists');
    await expectVaultError(Vault.create(new MemoryVaultStore(), '', fast), 'empty-passphrase');
  });

  it('lock zeroes the keys and every later call throws locked', async () => {
    const vault = await Vault.create(new MemoryVaultStore(), MAIN, fast);
    await vault.put('a', 1);
    const keys = vault.dangerousTestOnlyKeys();
    for (const key of Object.values(keys)) expect(key.some((byte) => byte !== 0)).toBe(true);
    vault.lock();
    for (const key of Object.values(keys)) expect(key.every((byte) => byte === 0)).toBe(true);
    expect(vault.isLocked).toBe(true);
    await expectVaultError(vault.get('a'), 'locked');
    await expectVaultError(vault.list(), 'locked');
    await expectVaultError(vault.setDuressPassphrase(DURESS), 'locked');
  });

  it('stops a duress or passphrase change cleanly when locked mid-derivation', async () => {
    const store = new MemoryVaultStore();
    let release: () => void = () => undefined;
    let gated = false;
    const derive: DeriveVaultKey = async (passphrase, salt, params) => {
      if (gated) {
        gated = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return deriveVaultKey(passphrase, salt, params);
    };
    const vault = await Vault.create(store, MAIN, { ...fast, derive });
    await vault.put('diary/1', 'kept');
    const slotsBefore = await storeShape(store);
    const headersBefore = await Promise.all([0, 1].map((i) => store.get(`vault.slot.${i}`)));
    gated = true;
    const pending = vault.setDuressPassphrase(DURESS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    vault.lock();
    release();
    await expectVaultError(pending, 'locked');
    expect(await storeShape(store)).toEqual(slotsBefore);
    expect(await Promise.all([0, 1].map((i) => store.get(`vault.slot.${i}`)))).toEqual(headersBefore);
    expect(await (await unlocked(store, MAIN)).get('diary/1')).toBe('kept');
  });

  it('changes the passphrase without touching records', async () => {
    const store = new MemoryVaultStore();
    const vault = await Vault.create(store, MAIN, fast);
    await vault.put('a', 1);
    await expectVaultError(vault.changePassphrase('not it', 'new one'), 'wrong-passphrase');
    await vault.changePassphrase(MAIN, 'new one');
    vault.lock();
    expect((await Vault.unlock(store, MAIN, fast)).ok).toBe(false);
    expect(await (await unlocked(store, 'new one')).get('a')).toBe(1);
  });

  it('clears leftovers of an unfinished create', async () => {
    const store = new MemoryVaultStore();
    await store.put('vault.slot.0', Uint8Array.of(1));
    await store.put('r.leftover', Uint8Array.of(2));
    await Vault.create(store, MAIN, fast);
    expect((await store.keys()).sort()).toEqual(['vault.meta', 'vault.slot.0', 'vault.slot.1']);
  });

  it('wipe deletes everything', async () => {
    const store = new MemoryVaultStore();
    await (await Vault.create(store, MAIN, fast)).put('a', 1);
    await Vault.wipe(store);
    expect(await store.keys()).toEqual([]);
    expect(await Vault.exists(store)).toBe(false);
  });
});

describe('duress profile', () => {
  async function vaultWithDuress(): Promise<MemoryVaultStore> {
    const store = new MemoryVaultStore();
    const main = await Vault.create(store, MAIN, fast);
    await main.put('diary/1', { text: '真正的日記' });
    await main.put('identity', 'main identity');
    await main.setDuressPassphrase(DURESS);
    main.lock();
    return store;
  }

  it('opens an empty profile that cannot read the main records', async () => {
    const store = await vaultWithDuress();
    const duress = await unlocked(store, DURESS);
    const empty = await Vault.create(new MemoryVaultStore(), MAIN, fast);
    expect(await duress.list()).toEqual(await empty.list());
    expect(await duress.list()).toEqual([]);
    expect(await duress.get('diary/1')).toBeUndefined();
    expect(await duress.get('identity')).toBeUndefined();
  });

  it('keeps the two profiles apart in both directions', async () => {
    const store = await vaultWithDuress();
    const duress = await unlocked(store, DURESS);
    await duress.put('identity', 'decoy identity');
    duress.lock();
    const main = await unlocked(store, MAIN);
    expect(await main.get('identity')).toBe('main identity');
    expect(await main.list()).toEqual(['diary/1', 'identity']);
    main.lock();
    expect(await (await unlocked(store, DURESS)).get('identity')).toBe('decoy identity');
  });

  it('leaves the store looking the same with or without a duress passphrase', async () => {
    const store = new MemoryVaultStore();
    const main = await Vault.create(store, MAIN, fast);
    await main.put('diary/1', { text: 'x' });
    await main.put('plan', { steps: [1, 2, 3] });
    const before = await storeShape(store);
    await main.setDuressPassphrase(DURESS);
    expect(await storeShape(store)).toEqual(before);

    const fresh = new MemoryVaultStore();
    await Vault.create(fresh, 'other', fast);
    const slotShape = (await storeShape(fresh)).filter(([key]) => !key.startsWith('r.'));
    expect(slotShape).toHaveLength(1 + VAULT_SLOT_COUNT);
    expect(before.filter(([key]) => !key.startsWith('r.'))).toEqual(slotShape);
    for (const [key, size] of slotShape) if (key.startsWith('vault.slot.')) expect(size).toBe(SLOT_HEADER_BYTES);
  });

  it('puts the main profile in a random slot', async () => {
    const sodium = await loadSodium();
    const spareSlots = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const store = new MemoryVaultStore();
      const main = await Vault.create(store, MAIN, fast);
      const before = new Map(await storeShape(store));
      const headers = new Map(await Promise.all((await store.keys()).map(async (key) => [key, await store.get(key)] as const)));
      await main.setDuressPassphrase(DURESS);
      for (const key of before.keys()) {
        if (!sodium.memcmp(headers.get(key) ?? new Uint8Array(), (await store.get(key)) ?? new Uint8Array())) {
          spareSlots.add(key);
        }
      }
    }
    expect([...spareSlots].sort()).toEqual(['vault.slot.0', 'vault.slot.1']);
  });

  it('costs the same unlock work for the main, duress and a wrong passphrase', async () => {
    const store = await vaultWithDuress();
    for (const passphrase of [MAIN, DURESS, 'wrong']) {
      const counter = countingDerive();
      await Vault.unlock(store, passphrase, { ...fast, derive: counter.derive });
      expect(counter.calls()).toBe(VAULT_SLOT_COUNT);
    }
  });

  it('refuses a duress passphrase equal to the main one, and duress management from the duress profile', async () => {
    const store = new MemoryVaultStore();
    const main = await Vault.create(store, MAIN, fast);
    await expectVaultError(main.setDuressPassphrase(MAIN), 'passphrase-in-use');
    await main.setDuressPassphrase(DURESS);
    await expectVaultError(main.changePassphrase(MAIN, DURESS), 'passphrase-in-use');
    main.lock();
    const duress = await unlocked(store, DURESS);
    await expectVaultError(duress.setDuressPassphrase('another'), 'duress-unavailable');
    await expectVaultError(duress.changePassphrase(DURESS, MAIN), 'passphrase-in-use');
  });

  it('replacing or removing the duress passphrase deletes the old duress records', async () => {
    const store = await vaultWithDuress();
    const duress = await unlocked(store, DURESS);
    await duress.put('decoy', 1);
    duress.lock();
    const main = await unlocked(store, MAIN);
    const withDecoy = await anonymousShape(store);
    await main.setDuressPassphrase('second duress');
    expect((await anonymousShape(store)).length).toBe(withDecoy.length - 1);
    expect((await Vault.unlock(store, DURESS, fast)).ok).toBe(false);
    expect(await (await unlocked(store, 'second duress')).list()).toEqual([]);

    await main.removeDuressPassphrase();
    expect((await Vault.unlock(store, 'second duress', fast)).ok).toBe(false);
    expect(await main.list()).toEqual(['diary/1', 'identity']);
  });
});

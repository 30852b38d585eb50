import { loadSodium, type Sodium } from '../util/sodium.js';
import { VaultError } from './errors.js';
import {
  deriveProfileKeys,
  headerSalt,
  openRecord,
  openSlot,
  recordStoreKey,
  RECORD_KEY_PREFIX,
  SALT_BYTES,
  sealRecord,
  sealSlot,
  slotKey,
  unusedSlot,
  type ProfileKeys,
  type ProfileRole,
  type RecordKind,
  type VaultMeta,
} from './format.js';
import { normalizePassphrase, type DeriveVaultKey } from './kdf.js';
import type { VaultStore } from './store.js';

const MAX_RECORD_KEY_LENGTH = 512;

/** What an unlocked profile was opened with. Internal to the vault module. */
export type ProfileSession = Readonly<{
  store: VaultStore;
  meta: VaultMeta;
  derive: DeriveVaultKey;
  slotIndex: number;
  role: ProfileRole;
  profileKey: Uint8Array;
}>;

/** Throws `empty-passphrase` and returns the NFKC form otherwise. */
export function checkedPassphrase(passphrase: string): string {
  const normalized = normalizePassphrase(passphrase);
  if (normalized.length === 0) throw new VaultError('empty-passphrase');
  return normalized;
}

/**
 * One profile of a vault, opened. Whether it is the main profile or the
 * duress profile is not observable through this API (except that only the
 * main profile can manage the duress passphrase). Operations run one at a
 * time in call order. After {@link UnlockedVault.lock} every call throws
 * `locked`.
 */
export class UnlockedVault {
  private readonly sodium: Sodium;
  private readonly session: ProfileSession;
  private readonly keys: ProfileKeys;
  private readonly index: Map<string, string>;
  private queue: Promise<unknown> = Promise.resolve();
  private locked = false;

  private constructor(sodium: Sodium, session: ProfileSession, index: Map<string, string>) {
    this.sodium = sodium;
    this.session = session;
    this.keys = deriveProfileKeys(sodium, session.profileKey);
    this.index = index;
  }

  /**
   * Opens a profile whose key is known: scans the store once for the
   * records this profile can open. Internal to the vault module.
   */
  static async open(session: ProfileSession): Promise<UnlockedVault> {
    const sodium = await loadSodium();
    const vault = new UnlockedVault(sodium, session, new Map());
    await vault.scan();
    return vault;
  }

  private async scan(): Promise<void> {
    for (const storeKey of await this.session.store.keys()) {
      if (!storeKey.startsWith(RECORD_KEY_PREFIX)) continue;
      const sealed = await this.session.store.get(storeKey);
      if (sealed === undefined) continue;
      const record = openRecord(this.sodium, this.keys, storeKey, sealed);
      if (record !== undefined) this.index.set(record.logicalKey, storeKey);
    }
  }

  private run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.locked) return Promise.reject(new VaultError('locked'));
    const result = this.queue.then(() => {
      if (this.locked) throw new VaultError('locked');
      return operation();
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * {@link lock} may run while an operation awaits the store or a key
   * derivation; after every such await the operation must stop rather than
   * go on with zeroed keys or an emptied index.
   */
  private assertOpen(): void {
    if (this.locked) throw new VaultError('locked');
  }

  private storeKeyOf(logicalKey: string): string {
    if (typeof logicalKey !== 'string' || logicalKey.length === 0 || logicalKey.length > MAX_RECORD_KEY_LENGTH) {
      throw new VaultError('invalid-record-key');
    }
    return recordStoreKey(this.sodium, this.keys, logicalKey);
  }

  private async read(logicalKey: string, kind: RecordKind): Promise<Uint8Array | undefined> {
    const storeKey = this.storeKeyOf(logicalKey);
    const sealed = await this.session.store.get(storeKey);
    this.assertOpen();
    if (sealed === undefined) return undefined;
    const record = openRecord(this.sodium, this.keys, storeKey, sealed);
    // A key this profile names but cannot open was altered or belongs to no one.
    if (record === undefined) throw new VaultError('corrupt-vault');
    if (record.kind !== kind) throw new VaultError('wrong-record-kind');
    return record.value;
  }

  private async write(logicalKey: string, kind: RecordKind, value: Uint8Array): Promise<void> {
    const storeKey = this.storeKeyOf(logicalKey);
    await this.session.store.put(storeKey, sealRecord(this.sodium, this.keys, storeKey, logicalKey, kind, value));
    this.index.set(logicalKey, storeKey);
  }

  /**
   * Reads a JSON record. The value is parsed but not validated: check its
   * shape (e.g. with a zod schema) before trusting it.
   *
   * @returns the parsed value, or `undefined` if there is no such record.
   * @throws VaultError `wrong-record-kind` if the record holds bytes.
   */
  get<T = unknown>(key: string): Promise<T | undefined> {
    return this.run(async () => {
      const bytes = await this.read(key, 'json');
      return bytes === undefined ? undefined : (JSON.parse(this.sodium.to_string(bytes)) as T);
    });
  }

  /** Stores `value` as JSON under `key`. */
  put(key: string, value: unknown): Promise<void> {
    return this.run(async () => {
      const text = JSON.stringify(value);
      if (text === undefined) throw new TypeError('value is not JSON-serialisable');
      await this.write(key, 'json', this.sodium.from_string(text));
    });
  }

  /**
   * Reads a bytes record.
   * @throws VaultError `wrong-record-kind` if the record holds JSON.
   */
  getBytes(key: string): Promise<Uint8Array | undefined> {
    return this.run(() => this.read(key, 'bytes'));
  }

  /** Stores raw bytes under `key`. */
  putBytes(key: string, value: Uint8Array): Promise<void> {
    return this.run(() => this.write(key, 'bytes', value));
  }

  /** Deletes the record under `key`, if any. */
  delete(key: string): Promise<void> {
    return this.run(async () => {
      await this.session.store.delete(this.storeKeyOf(key));
      this.index.delete(key);
    });
  }

  /** The logical keys of this profile's records that start with `prefix`, sorted. */
  list(prefix = ''): Promise<string[]> {
    return this.run(() => Promise.resolve([...this.index.keys()].filter((key) => key.startsWith(prefix)).sort()));
  }

  /**
   * Changes this profile's passphrase. The records stay as they are: only
   * the slot header is sealed again under a key from the new passphrase.
   *
   * @throws VaultError `wrong-passphrase` if `current` does not open this
   *   profile; `passphrase-in-use` if `next` opens another profile.
   */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.run(async () => {
      const nextPassphrase = checkedPassphrase(next);
      const headers = await this.readHeaders();
      const own = headers[this.session.slotIndex];
      const currentOpens = own !== undefined && (await this.opensSlot(current, this.session.slotIndex, own));
      this.assertOpen();
      if (!currentOpens) throw new VaultError('wrong-passphrase');
      await this.assertOpensNoOtherSlot(nextPassphrase, headers);
      await this.writeSlot(this.session.slotIndex, nextPassphrase, this.session.role, this.session.profileKey);
    });
  }

  /**
   * Sets (or replaces) the duress passphrase: writes a fresh, empty profile
   * into the spare slot and deletes any records of a previous one. Only the
   * main profile can do this.
   *
   * @throws VaultError `duress-unavailable` from the duress profile;
   *   `passphrase-in-use` if it equals this profile's passphrase.
   */
  setDuressPassphrase(passphrase: string): Promise<void> {
    return this.run(async () => {
      const duressPassphrase = checkedPassphrase(passphrase);
      const spare = this.spareSlot();
      await this.assertOpensNoOtherSlot(duressPassphrase, await this.readHeaders(), spare);
      const profileKey = this.sodium.randombytes_buf(this.session.profileKey.length);
      try {
        await this.writeSlot(spare, duressPassphrase, 'duress', profileKey);
      } finally {
        this.sodium.memzero(profileKey);
      }
      await this.deleteOtherProfilesRecords();
    });
  }

  /**
   * Removes the duress profile: its slot becomes random bytes again and its
   * records are deleted. Only the main profile can do this.
   */
  removeDuressPassphrase(): Promise<void> {
    return this.run(async () => {
      const spare = this.spareSlot();
      await this.session.store.put(slotKey(spare), unusedSlot(this.sodium));
      await this.deleteOtherProfilesRecords();
    });
  }

  /** Zeroes this profile's keys in memory. Every later call throws `locked`. */
  lock(): void {
    if (this.locked) return;
    this.locked = true;
    this.sodium.memzero(this.session.profileKey);
    this.sodium.memzero(this.keys.nameKey);
    this.sodium.memzero(this.keys.recordKey);
    this.index.clear();
  }

  /** Whether {@link lock} has been called. */
  get isLocked(): boolean {
    return this.locked;
  }

  /**
   * The live key buffers, so tests can check that {@link lock} zeroes them.
   * Never call this outside tests.
   */
  dangerousTestOnlyKeys(): Readonly<{ profileKey: Uint8Array; nameKey: Uint8Array; recordKey: Uint8Array }> {
    return { profileKey: this.session.profileKey, ...this.keys };
  }

  private spareSlot(): number {
    if (this.session.role !== 'main') throw new VaultError('duress-unavailable');
    // Two slots: the spare is the one that is not ours.
    return this.session.slotIndex === 0 ? 1 : 0;
  }

  private async readHeaders(): Promise<Uint8Array[]> {
    const headers: Uint8Array[] = [];
    for (let i = 0; i < this.session.meta.slotCount; i++) {
      const header = await this.session.store.get(slotKey(i));
      if (header === undefined) throw new VaultError('corrupt-vault');
      headers.push(header);
    }
    return headers;
  }

  private async opensSlot(passphrase: string, index: number, header: Uint8Array): Promise<boolean> {
    const kek = await this.session.derive(normalizePassphrase(passphrase), headerSalt(header), this.session.meta.params);
    const opened = openSlot(this.sodium, this.session.meta, index, header, kek);
    this.sodium.memzero(kek);
    if (opened === undefined) return false;
    this.sodium.memzero(opened.profileKey);
    return true;
  }

  /**
   * Throws `passphrase-in-use` if `passphrase` opens a slot other than
   * `skip` (by default, other than our own), so that no two slots ever open
   * with the same passphrase.
   */
  private async assertOpensNoOtherSlot(passphrase: string, headers: readonly Uint8Array[], skip?: number): Promise<void> {
    const checks = headers.map((header, index) =>
      index === skip || (skip === undefined && index === this.session.slotIndex)
        ? Promise.resolve(false)
        : this.opensSlot(passphrase, index, header),
    );
    const opens = await Promise.all(checks);
    this.assertOpen();
    if (opens.some(Boolean)) throw new VaultError('passphrase-in-use');
  }

  private async writeSlot(index: number, passphrase: string, role: ProfileRole, profileKey: Uint8Array): Promise<void> {
    const salt = this.sodium.randombytes_buf(SALT_BYTES);
    const kek = await this.session.derive(passphrase, salt, this.session.meta.params);
    if (this.locked) {
      this.sodium.memzero(kek);
      throw new VaultError('locked');
    }
    const header = sealSlot(this.sodium, this.session.meta, index, salt, kek, role, profileKey);
    this.sodium.memzero(kek);
    await this.session.store.put(slotKey(index), header);
  }

  private async deleteOtherProfilesRecords(): Promise<void> {
    const own = new Set(this.index.values());
    const storeKeys = await this.session.store.keys();
    for (const storeKey of storeKeys) {
      // Once locked the index is empty: going on would delete our own records.
      this.assertOpen();
      if (storeKey.startsWith(RECORD_KEY_PREFIX) && !own.has(storeKey)) {
        await this.session.store.delete(storeKey);
      }
    }
  }
}

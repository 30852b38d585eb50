/**
 * Where the vault keeps its bytes. The web app implements it with IndexedDB;
 * {@link MemoryVaultStore} serves tests. A store belongs to one vault: the
 * vault may read, list and clear every key in it.
 */
export interface VaultStore {
  /** The bytes stored under `key`, or `undefined`. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Stores `value` under `key`, replacing any previous value. */
  put(key: string, value: Uint8Array): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key in the store, in any order. */
  keys(): Promise<string[]>;
  /** Removes every key. */
  clear(): Promise<void>;
}

/** A {@link VaultStore} in memory. It copies bytes in and out, like a real store would. */
export class MemoryVaultStore implements VaultStore {
  private readonly entries = new Map<string, Uint8Array>();

  get(key: string): Promise<Uint8Array | undefined> {
    const value = this.entries.get(key);
    return Promise.resolve(value === undefined ? undefined : Uint8Array.from(value));
  }

  put(key: string, value: Uint8Array): Promise<void> {
    this.entries.set(key, Uint8Array.from(value));
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.entries.keys()]);
  }

  clear(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}

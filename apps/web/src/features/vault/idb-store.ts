import type { VaultStore } from '@lamplight/crypto';

/** The IndexedDB database and object store the vault lives in. */
export const VAULT_DB_NAME = 'lamplight-vault';
const OBJECT_STORE = 'records';
const DB_VERSION = 1;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const req = factory.open(name, DB_VERSION);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(OBJECT_STORE)) req.result.createObjectStore(OBJECT_STORE);
  };
  return request(req);
}

/**
 * The vault's bytes in one IndexedDB object store. Values are the sealed
 * records the vault hands over (`Uint8Array`), keys are the vault's opaque
 * store keys: nothing readable is ever written here.
 */
export class IndexedDbVaultStore implements VaultStore {
  private db: Promise<IDBDatabase> | undefined;

  constructor(
    private readonly factory: IDBFactory,
    private readonly name: string = VAULT_DB_NAME,
  ) {}

  private database(): Promise<IDBDatabase> {
    this.db ??= openDatabase(this.factory, this.name).catch((error: unknown) => {
      this.db = undefined;
      throw error;
    });
    return this.db;
  }

  private async run<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await this.database();
    const tx = db.transaction(OBJECT_STORE, mode);
    const result = request(operation(tx.objectStore(OBJECT_STORE)));
    // A write counts only once its transaction has committed.
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    const [value] = await Promise.all([result, done]);
    return value;
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const value: unknown = await this.run('readonly', (s) => s.get(key));
    return value instanceof Uint8Array ? Uint8Array.from(value) : undefined;
  }

  async put(key: string, value: Uint8Array): Promise<void> {
    await this.run('readwrite', (s) => s.put(Uint8Array.from(value), key));
  }

  async delete(key: string): Promise<void> {
    await this.run('readwrite', (s) => s.delete(key));
  }

  async keys(): Promise<string[]> {
    const keys = await this.run('readonly', (s) => s.getAllKeys());
    return keys.filter((k): k is string => typeof k === 'string');
  }

  async clear(): Promise<void> {
    await this.run('readwrite', (s) => s.clear());
  }
}

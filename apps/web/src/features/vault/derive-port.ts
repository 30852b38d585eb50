import { deriveVaultKey, type DeriveVaultKey } from '@lamplight/crypto/vault';

type DeriveReply = Readonly<{ id: number; key?: Uint8Array; failed?: boolean }>;

/** What the port needs from a Worker (the real one, or a stand-in in tests). */
export type DeriveWorker = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<DeriveReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/**
 * The vault's key-derivation port over a Worker. If the Worker cannot be
 * made or fails, derivation falls back to this thread (slower to the eye,
 * same result), so a browser without module workers can still unlock.
 */
export function createWorkerDerive(makeWorker: () => DeriveWorker, fallback: DeriveVaultKey = deriveVaultKey): DeriveVaultKey {
  let worker: DeriveWorker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (key: Uint8Array) => void; retry: () => void }>();

  const breakWorker = (): void => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.retry();
  };

  const ensureWorker = (): DeriveWorker | undefined => {
    if (broken) return undefined;
    if (worker !== undefined) return worker;
    try {
      const w = makeWorker();
      w.onmessage = (event) => {
        const { id, key, failed } = event.data;
        const p = pending.get(id);
        if (p === undefined) return;
        pending.delete(id);
        if (failed === true || key === undefined) p.retry();
        else p.resolve(key);
      };
      w.onerror = () => breakWorker();
      worker = w;
      return w;
    } catch {
      broken = true;
      return undefined;
    }
  };

  return (passphrase, salt, params) => {
    const w = ensureWorker();
    if (w === undefined) return fallback(passphrase, salt, params);
    return new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {
        resolve,
        retry: () => {
          fallback(passphrase, salt, params).then(resolve, reject);
        },
      });
      w.postMessage({ id, passphrase, salt: Uint8Array.from(salt), params });
    });
  };
}

/** The app's derive port: Argon2id in `derive.worker.ts`. */
export function browserDerive(): DeriveVaultKey {
  return createWorkerDerive(
    () => new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module' }),
  );
}

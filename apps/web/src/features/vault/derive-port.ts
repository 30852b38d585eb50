import { deriveVaultKey, type DeriveVaultKey } from '@lamplight/crypto/vault';
import { workerCall, type PortWorker } from '../../app/worker-call.js';

type DeriveReply = Readonly<{ id: number; key?: Uint8Array; failed?: boolean }>;

/** What the port needs from a Worker (the real one, or a stand-in in tests). */
export type DeriveWorker = PortWorker<DeriveReply>;

/**
 * The vault's key-derivation port over a Worker. If the Worker cannot be
 * made or fails, derivation falls back to this thread (slower to the eye,
 * same result), so a browser without module workers can still unlock.
 */
export function createWorkerDerive(makeWorker: () => DeriveWorker, fallback: DeriveVaultKey = deriveVaultKey): DeriveVaultKey {
  return workerCall(
    makeWorker,
    fallback,
    (id, passphrase: string, salt: Uint8Array, params: Parameters<DeriveVaultKey>[2]) => ({ id, passphrase, salt: Uint8Array.from(salt), params }),
    (reply) => reply.key,
  );
}

/** The app's derive port: Argon2id in `derive.worker.ts`. */
export function browserDerive(): DeriveVaultKey {
  return createWorkerDerive(
    () => new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module' }),
  );
}

import { deriveVaultKey, type KdfParams } from '@lamplight/crypto/vault';

/** A request from the main thread: derive one key. */
type DeriveRequest = Readonly<{ id: number; passphrase: string; salt: Uint8Array; params: KdfParams }>;

// Argon2id at 64 MiB takes long enough to freeze typing and animations; here it cannot.
self.onmessage = (event: MessageEvent<DeriveRequest>) => {
  const { id, passphrase, salt, params } = event.data;
  deriveVaultKey(passphrase, salt, params).then(
    (key) => self.postMessage({ id, key }, { transfer: [key.buffer] }),
    () => self.postMessage({ id, failed: true }),
  );
};

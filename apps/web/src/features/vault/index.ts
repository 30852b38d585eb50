export { ApiError, apiCall, type ApiErrorCode, type Fetch, type Method } from './api-client.js';
export { browserDerive, createWorkerDerive } from './derive-port.js';
export { IndexedDbVaultStore, VAULT_DB_NAME } from './idb-store.js';
export { createIdleLock, HIDDEN_LOCK_MS } from './idle-lock.js';
export { DEFAULT_IDLE_MINUTES, IDLE_MINUTES_CHOICES, type AccountRecord, type VaultSettings } from './records.js';
export { createVaultModel, type JoinInput, type VaultModel, type VaultModelDeps, type VaultView } from './vault-model.js';
export { useVaultModel, useVaultView, VaultProvider } from './VaultProvider.js';

export * from './identity/index.js';
export * from './vault/index.js';
export * from './mls/index.js';

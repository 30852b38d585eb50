export { API, apiPath } from './api.js';
export { ERROR_CODES } from './errors.js';
export type { ErrorBody, ErrorCode } from './errors.js';
export { base64Url, base64UrlUpTo, publicKey, signature, id, sha256Hex } from './encoding.js';
export * from './identity.js';
export * from './circles.js';
export * from './watch.js';
export * from './directory.js';

import { ApiError } from './api-client.js';

/** Catalog keys for failures every screen words the same way. */
export type CommonErrorKey = 'common.network' | 'common.rateLimited' | 'common.generic';

/**
 * The plain message for a failure no screen words specially. It never
 * says more than "try again": no codes, no hint of what exists.
 */
export function commonErrorKey(error: unknown): CommonErrorKey {
  if (error instanceof ApiError) {
    if (error.code === 'network' || error.code === 'unavailable') return 'common.network';
    if (error.code === 'rate-limited') return 'common.rateLimited';
  }
  return 'common.generic';
}

/** The server's error code, if `error` came from the server. */
export function apiErrorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

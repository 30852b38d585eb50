import { ERROR_CODES, type ErrorCode } from '@lamplight/protocol';

/** Why a call to the server did not succeed; `network` when it never got an answer. */
export type ApiErrorCode = ErrorCode | 'network';

/** A failed call to the server. The message never holds request or response content. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
  ) {
    super(code);
  }
}

/** The fetch the client uses: the browser's, or a stand-in in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

function errorCodeOf(body: unknown): ErrorCode {
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return (ERROR_CODES as readonly unknown[]).includes(code) ? (code as ErrorCode) : 'internal';
}

/**
 * One JSON call to the server's API. Resolves with the parsed body (or
 * `undefined` for 204); rejects with {@link ApiError}. `keepalive` lets a
 * call outlive the page (sign-out during a quick exit).
 *
 * Response bodies are trusted to match the protocol's types without a zod
 * parse: zod compiles validators with `new Function`, which the CSP forbids.
 */
export async function apiCall<T>(
  fetchFn: Fetch,
  method: Method,
  path: string,
  body?: unknown,
  token?: string,
  options: Readonly<{ keepalive?: boolean }> = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetchFn(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      keepalive: options.keepalive === true,
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(errorCodeOf(parsed), response.status);
  return parsed as T;
}

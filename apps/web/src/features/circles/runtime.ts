import { WS_PATH } from '@lamplight/protocol';
import { useSyncExternalStore } from 'react';
import type { VaultModel } from '../vault/index.js';
import { CirclesClient, LEAF_CHECK_MS } from './client.js';
import { browserCrisisCheck } from './crisis-port.js';
import type { CirclesSnapshot } from './summary.js';
import { openWebSocketTransport } from './transport.js';

/** A random client id: 16 random bytes as base64url (22 characters). */
export function randomClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

let current: CirclesClient | undefined;
const listeners = new Set<() => void>();
const EMPTY: CirclesSnapshot = { ready: false, online: false, circles: [] };

function setCurrent(next: CirclesClient | undefined): void {
  current = next;
  for (const l of listeners) l();
}

/**
 * Runs the circles client while a profile with an account is open: it
 * connects on unlock (and uploads key packages if this device has few left
 * on the server), and forgets everything on lock. A profile without an
 * account makes no network calls at all.
 * @returns stop (for quick exit).
 */
export function startCircles(model: VaultModel): () => void {
  let accountId: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stopClient = (): void => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    current?.stop();
    accountId = undefined;
    setCurrent(undefined);
  };
  const sync = (): void => {
    const view = model.getSnapshot();
    const account = view.status === 'unlocked' ? view.account : undefined;
    if (account === undefined) {
      if (current !== undefined) stopClient();
      return;
    }
    if (account.accountId === accountId) return;
    stopClient();
    accountId = account.accountId;
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const client = new CirclesClient({
      accountId: account.accountId,
      pseudonym: account.pseudonym,
      call: (method, path, body) => model.call(method, path, body),
      records: model.records(),
      token: () => model.sessionToken(),
      connect: (events) => openWebSocketTransport(`${scheme}://${window.location.host}${WS_PATH}`, events),
      now: () => Date.now(),
      randomId: randomClientId,
      detectRisk: browserCrisisCheck(),
    });
    setCurrent(client);
    void client.start();
    timer = setInterval(() => void client.checkLeafUpdates(), LEAF_CHECK_MS);
  };
  const off = model.subscribe(sync);
  sync();
  return () => {
    off();
    stopClient();
  };
}

const subscribeCurrent = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The running circles client, if a profile with an account is open. */
export function useCirclesClient(): CirclesClient | undefined {
  return useSyncExternalStore(subscribeCurrent, () => current);
}

const noop = (): (() => void) => () => undefined;

/** The circles the screens show (empty while none is running). */
export function useCirclesSnapshot(client: CirclesClient | undefined): CirclesSnapshot {
  return useSyncExternalStore(client?.subscribe ?? noop, client?.snapshot ?? (() => EMPTY));
}

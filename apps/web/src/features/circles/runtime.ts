import { WS_PATH } from '@lamplight/protocol';
import { useSyncExternalStore } from 'react';
import type { VaultModel } from '../vault/index.js';
import type { CirclesClient } from './client.js';
import { browserCrisisCheck } from './crisis-port.js';
import type { CirclesSnapshot } from './summary.js';
import { openWebSocketTransport } from './transport.js';

/** A random client id: 16 random bytes as base64url (22 characters). */
export function randomClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/gu, '-').replace(/\//gu, '_').replace(/=+$/u, '');
}

let current: CirclesClient | undefined;
let elsewhere = false;
const listeners = new Set<() => void>();
const EMPTY: CirclesSnapshot = { ready: false, online: false, circles: [] };

function setCurrent(next: CirclesClient | undefined, inOtherTab = false): void {
  current = next;
  elsewhere = inOtherTab;
  for (const l of listeners) l();
}

/** One tab at a time runs the circles client: two would fork each circle's MLS state in the shared vault. */
const TAB_LOCK = 'lamplight.circles';

/**
 * Runs the circles client while a profile with an account is open: it
 * connects on unlock (and uploads key packages if this device has few left
 * on the server), and forgets everything on lock. A profile without an
 * account makes no network calls at all. Only one tab runs it (a Web Lock);
 * another tab waits and takes over when the first one closes.
 * @returns stop (for quick exit).
 */
export function startCircles(model: VaultModel): () => void {
  let accountId: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let release: (() => void) | undefined;
  let waiting: AbortController | undefined;
  // Bumped on every stop, so a client whose code was still loading when the
  // profile locked (or changed) is never started.
  let generation = 0;
  const stopClient = (): void => {
    generation += 1;
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
    waiting?.abort();
    waiting = undefined;
    current?.stop();
    release?.();
    release = undefined;
    accountId = undefined;
    setCurrent(undefined);
  };
  const run = (account: Readonly<{ accountId: string; pseudonym: string }>): void => {
    const mine = generation;
    // The client (and MLS with it) is a chunk of its own, loaded only once a profile with an account is open.
    void import('./client.js').then(({ CirclesClient, LEAF_CHECK_MS }) => {
      if (mine !== generation) return;
      start(new CirclesClient(options(account)), LEAF_CHECK_MS);
    });
  };
  const start = (client: CirclesClient, leafCheckMs: number): void => {
    setCurrent(client);
    void client.start();
    timer = setInterval(() => void client.checkLeafUpdates(), leafCheckMs);
  };
  const options = (account: Readonly<{ accountId: string; pseudonym: string }>): ConstructorParameters<typeof CirclesClient>[0] => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    return {
      accountId: account.accountId,
      pseudonym: account.pseudonym,
      call: (method, path, body) => model.call(method, path, body),
      records: model.records(),
      token: () => model.sessionToken(),
      connect: (events) => openWebSocketTransport(`${scheme}://${window.location.host}${WS_PATH}`, events),
      now: () => Date.now(),
      randomId: randomClientId,
      detectRisk: browserCrisisCheck(),
    };
  };
  const sync = (): void => {
    const view = model.getSnapshot();
    const account = view.status === 'unlocked' ? view.account : undefined;
    if (account === undefined) {
      if (accountId !== undefined) stopClient();
      return;
    }
    if (account.accountId === accountId) return;
    stopClient();
    accountId = account.accountId;
    const locks = (navigator as Partial<Navigator>).locks;
    if (locks === undefined) {
      run(account);
      return;
    }
    const abort = new AbortController();
    waiting = abort;
    const granted = (): Promise<void> => {
      waiting = undefined;
      if (accountId !== account.accountId) return Promise.resolve();
      run(account);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    void locks
      .request(TAB_LOCK, { ifAvailable: true }, (lock) => {
        if (lock !== null) return granted();
        setCurrent(undefined, true);
        return locks.request(TAB_LOCK, { signal: abort.signal }, granted).catch(() => undefined);
      })
      .catch(() => undefined);
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

/** Whether another tab of this app is running circles (this one waits). */
export function useCirclesElsewhere(): boolean {
  return useSyncExternalStore(subscribeCurrent, () => elsewhere);
}

/** The circles the screens show (empty while none is running). */
export function useCirclesSnapshot(client: CirclesClient | undefined): CirclesSnapshot {
  return useSyncExternalStore(client?.subscribe ?? noop, client?.snapshot ?? (() => EMPTY));
}

import { ARGON2ID_INTERACTIVE, type DeriveVaultKey } from '@lamplight/crypto';
import { describe, expect, it } from 'vitest';
import { createWorkerDerive, type DeriveWorker } from './derive-port.js';

const SALT = new Uint8Array(16).fill(1);
const KEY = new Uint8Array(32).fill(9);
const FALLBACK_KEY = new Uint8Array(32).fill(3);

/** A worker stand-in that answers each request the way `answer` says. */
function fakeWorker(answer: (id: number) => { key?: Uint8Array; failed?: boolean } | 'crash'): DeriveWorker & { posted: number } {
  const w = {
    posted: 0,
    onmessage: null as DeriveWorker['onmessage'],
    onerror: null as DeriveWorker['onerror'],
    terminate: () => undefined,
    postMessage(message: { id: number }) {
      w.posted += 1;
      const a = answer(message.id);
      queueMicrotask(() => {
        if (a === 'crash') w.onerror?.({} as ErrorEvent);
        else w.onmessage?.({ data: { id: message.id, ...a } } as MessageEvent<{ id: number; key?: Uint8Array; failed?: boolean }>);
      });
    },
  };
  return w;
}

function countingFallback(): DeriveVaultKey & { calls: number } {
  const f = Object.assign(
    () => {
      f.calls += 1;
      return Promise.resolve(FALLBACK_KEY);
    },
    { calls: 0 },
  );
  return f;
}

describe('createWorkerDerive', () => {
  it('derives in the worker when it answers', async () => {
    const worker = fakeWorker(() => ({ key: KEY }));
    const fallback = countingFallback();
    const derive = createWorkerDerive(() => worker, fallback);
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(KEY);
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(KEY);
    expect(worker.posted).toBe(2);
    expect(fallback.calls).toBe(0);
  });

  it('falls back to this thread when the worker cannot be made', async () => {
    const fallback = countingFallback();
    const derive = createWorkerDerive(() => {
      throw new Error('no module workers');
    }, fallback);
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(FALLBACK_KEY);
    expect(fallback.calls).toBe(1);
  });

  it('falls back for a failed derivation, and for good after the worker crashes', async () => {
    let crash = false;
    const worker = fakeWorker(() => (crash ? 'crash' : { failed: true }));
    const fallback = countingFallback();
    const derive = createWorkerDerive(() => worker, fallback);
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(FALLBACK_KEY);
    crash = true;
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(FALLBACK_KEY);
    expect(await derive('pass', SALT, ARGON2ID_INTERACTIVE)).toEqual(FALLBACK_KEY);
    expect(worker.posted).toBe(2);
    expect(fallback.calls).toBe(3);
  });
});

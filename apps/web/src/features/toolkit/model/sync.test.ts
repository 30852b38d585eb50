import { API, apiPath } from '@lamplight/protocol';
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS } from '../../vault/records.js';
import type { DiaryEntry } from './records.js';
import { deriveSyncKeys, IDENTITY_RECORD, syncOnce, type Call } from './sync.js';
import { createToolkitStore, type RecordsPort } from './toolkit-store.js';

const FAST = { dangerousTestOnlyFastKdf: true } as const;

class HttpStatus extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

/** The blob routes as the server keeps them: a body and a version per name, 409 on a stale version. */
function fakeServer(): { call: Call; bodies: () => string[]; conflictNextPut: () => void } {
  const blobs = new Map<string, { body: string; version: number }>();
  let conflict = false;
  const call: Call = <T>(method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const name = decodeURIComponent(path.split('/').pop() ?? '');
    if (method === 'GET') {
      const b = blobs.get(name);
      return b === undefined ? Promise.reject(new HttpStatus(404)) : Promise.resolve({ name, ...b } as T);
    }
    if (method === 'DELETE') {
      blobs.delete(name);
      return Promise.resolve(undefined as T);
    }
    const put = body as { body: string; expectedVersion: number };
    const current = blobs.get(name)?.version ?? 0;
    if (conflict || put.expectedVersion !== current) {
      conflict = false;
      // Another device wrote first.
      blobs.set(name, { body: blobs.get(name)?.body ?? '', version: current + 1 });
      return Promise.reject(new HttpStatus(409));
    }
    blobs.set(name, { body: put.body, version: current + 1 });
    return Promise.resolve({ name, version: current + 1 } as T);
  };
  return { call, bodies: () => [...blobs.values()].map((b) => b.body), conflictNextPut: () => (conflict = true) };
}

function device() {
  const map = new Map<string, unknown>();
  const port: RecordsPort = {
    get: <T>(k: string) => Promise.resolve(map.get(k) as T | undefined),
    put: (k, v) => Promise.resolve(void map.set(k, JSON.parse(JSON.stringify(v)))),
    delete: (k) => Promise.resolve(void map.delete(k)),
    list: (p = '') => Promise.resolve([...map.keys()].filter((k) => k.startsWith(p)).sort()),
  };
  return createToolkitStore(() => port, () => 1000);
}

const entry = (id: string, note: string): DiaryEntry => ({ id, createdAt: 1, updatedAt: 1, emotions: ['sad'], intensity: 4, triggers: [], body: [], note, selfTalk: '' });
const statusOf = (e: unknown): number | undefined => (e instanceof HttpStatus ? e.status : undefined);

describe('own-device sync', () => {
  it('reads the identity secret under the key the vault model writes it', () => {
    expect(IDENTITY_RECORD).toBe(RECORD_KEYS.identity);
  });

  it('derives the same key and an opaque blob name from the same identity, and different ones otherwise', async () => {
    const a = await deriveSyncKeys(new Uint8Array(32).fill(7), crypto.subtle);
    const b = await deriveSyncKeys(new Uint8Array(32).fill(7), crypto.subtle);
    const c = await deriveSyncKeys(new Uint8Array(32).fill(8), crypto.subtle);
    expect(a).toEqual(b);
    expect(a.secret).not.toBe(c.secret);
    expect(a.blobName).toMatch(/^[0-9a-f]{32}$/u);
    expect(apiPath(API.blob, { name: a.blobName })).toBe(`/api/v1/blobs/${a.blobName}`);
  });

  it('two devices converge through the server, which only ever holds ciphertext, and a conflict is retried', async () => {
    const server = fakeServer();
    const keys = await deriveSyncKeys(new Uint8Array(32).fill(3), crypto.subtle);
    const phone = device();
    const laptop = device();
    await phone.save('diary', entry('a', 'phone note 1234'));
    await laptop.save('diary', entry('b', 'laptop note 5678'));
    const deps = { call: server.call, statusOf, keys, now: () => 5, options: FAST };

    expect(await syncOnce({ ...deps, store: phone })).toBe(1);
    server.conflictNextPut();
    expect(await syncOnce({ ...deps, store: laptop })).toBe(2);
    expect(await syncOnce({ ...deps, store: phone })).toBe(2);
    const notes = async (s: ReturnType<typeof device>) => (await s.list<DiaryEntry>('diary')).map((e) => e.note).sort();
    expect(await notes(phone)).toEqual(['laptop note 5678', 'phone note 1234']);
    expect(await notes(laptop)).toEqual(['laptop note 5678', 'phone note 1234']);

    await laptop.remove('diary', 'a');
    await syncOnce({ ...deps, store: laptop });
    await syncOnce({ ...deps, store: phone });
    expect(await notes(phone)).toEqual(['laptop note 5678']);

    for (const body of server.bodies()) {
      const text = new TextDecoder().decode(Uint8Array.from(atob(body.replace(/-/gu, '+').replace(/_/gu, '/')), (ch) => ch.charCodeAt(0)));
      expect(text).toContain('lamplight-toolkit-backup');
      expect(text).not.toContain('note');
      expect(text).not.toContain('toolkit.diary');
    }
  });

  it('a wrong key cannot open what another identity synced', async () => {
    const server = fakeServer();
    const mine = await deriveSyncKeys(new Uint8Array(32).fill(1), crypto.subtle);
    const store = device();
    await store.save('diary', entry('a', 'x'));
    await syncOnce({ store, call: server.call, statusOf, keys: mine, now: () => 1, options: FAST });
    const other = { ...(await deriveSyncKeys(new Uint8Array(32).fill(2), crypto.subtle)), blobName: mine.blobName };
    await expect(syncOnce({ store: device(), call: server.call, statusOf, keys: other, now: () => 1, options: FAST })).rejects.toThrow(/wrong-secret/u);
  });
});

import { describe, expect, it } from 'vitest';
import { API } from '@lamplight/protocol';
import { footerEntries, TAIWAN_DIRECTORY, type Directory } from '@lamplight/safety/directory';
import { DIRECTORY_CACHE_KEY, type PublishedDirectory } from './directory-source.js';
import { DirectoryStore } from './directory-store.js';

const edited: Directory = {
  ...TAIWAN_DIRECTORY,
  entries: [
    ...TAIWAN_DIRECTORY.entries,
    {
      id: 'local-ngo',
      name: { 'zh-TW': '在地互助站', en: 'Local line' },
      dial: '02-2555-0000',
      hours: { always: true },
      purpose: { 'zh-TW': '互助。', en: 'Peer support.' },
      kinds: ['community'],
      footer: true,
    },
  ],
};
const published: PublishedDirectory = { directory: edited, revision: 4, source: 'community', updatedDay: 1_700_000_000_000 };

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const answer = (body: unknown, status = 200) => () => Promise.resolve(new Response(JSON.stringify(body), { status }));
const down = () => Promise.reject(new TypeError('Failed to fetch'));

describe('directory store', () => {
  it('shows the built-in directory before anything else, then the server’s, and caches it outside the vault', async () => {
    const storage = memoryStorage();
    const asked: string[] = [];
    const store = new DirectoryStore({
      fetch: (input, init) => {
        asked.push(`${init.method ?? ''} ${input} ${init.credentials ?? ''}`);
        return answer(published)();
      },
      storage: () => storage,
    });
    expect(store.snapshot().directory).toBe(TAIWAN_DIRECTORY);
    expect(store.snapshot().fresh).toBe(false);
    let told = 0;
    store.subscribe(() => (told += 1));
    expect(await store.refresh()).toEqual(published);
    expect(asked).toEqual([`GET ${API.directory} omit`]);
    expect(told).toBe(1);
    expect(store.snapshot()).toMatchObject({ directory: edited, published, fresh: true });
    expect(JSON.parse(storage.data.get(DIRECTORY_CACHE_KEY) ?? 'null')).toEqual(published);
  });

  it('starts from the cache when the server is down, and keeps it', async () => {
    const storage = memoryStorage({ [DIRECTORY_CACHE_KEY]: JSON.stringify(published) });
    const store = new DirectoryStore({ fetch: down, storage: () => storage });
    expect(store.snapshot().published).toEqual(published);
    expect(await store.refresh()).toBeUndefined();
    expect(store.snapshot().directory).toEqual(edited);
  });

  it('keeps what it has when the server answers with an error or something that is not a directory', async () => {
    const storage = memoryStorage({ [DIRECTORY_CACHE_KEY]: JSON.stringify(published) });
    for (const fetch of [answer({ error: 'unavailable' }, 503), answer({ directory: { entries: [] }, revision: 9, source: 'community' }), () => Promise.resolve(new Response('<html>'))]) {
      const store = new DirectoryStore({ fetch, storage: () => storage });
      expect(await store.refresh()).toBeUndefined();
      expect(store.snapshot().published).toEqual(published);
    }
  });

  it('falls back to the built-in directory when storage is unavailable and the server is down, never an empty footer', async () => {
    const store = new DirectoryStore({
      fetch: down,
      storage: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    await store.refresh();
    expect(footerEntries(store.snapshot().directory).length).toBeGreaterThan(0);
    expect(store.snapshot().directory).toBe(TAIWAN_DIRECTORY);
    // A publish is still used for this visit even though it cannot be cached.
    store.accept(published);
    expect(store.snapshot().directory).toEqual(edited);
  });

  it('ignores an unreadable cache', () => {
    const storage = memoryStorage({ [DIRECTORY_CACHE_KEY]: '{"directory":{"entries":[]}}' });
    const store = new DirectoryStore({ fetch: down, storage: () => storage });
    expect(store.snapshot().directory).toBe(TAIWAN_DIRECTORY);
  });
});

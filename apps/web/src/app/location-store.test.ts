import { describe, expect, it } from 'vitest';
import { createLocationStore, type RouterWindow } from './location-store.js';

/** A stand-in window that records every history call. */
function fakeWindow(start: string) {
  const calls: string[] = [];
  let url = new URL(start, 'https://lamplight.test');
  const win = {
    location: {
      get pathname() {
        return url.pathname;
      },
      get hash() {
        return url.hash;
      },
      get search() {
        return url.search;
      },
    },
    history: {
      state: null,
      length: 1,
      replaceState(_data: unknown, _unused: string, next: string) {
        calls.push(`replace ${next}`);
        url = new URL(next, url);
      },
      pushState() {
        calls.push('push');
      },
    },
    addEventListener() {},
    removeEventListener() {},
    scrollTo() {},
  } as unknown as RouterWindow;
  return { win, calls };
}

describe('createLocationStore', () => {
  it('navigates with replaceState only and notifies subscribers', () => {
    const { win, calls } = fakeWindow('/');
    const store = createLocationStore(win);
    const seen: string[] = [];
    const stop = store.subscribe(() => seen.push(store.getSnapshot()));
    store.navigate('help');
    store.navigate('join', { hash: 'abc' });
    stop();
    store.navigate('settings');
    expect(calls).toEqual(['replace /help', 'replace /join#abc', 'replace /settings']);
    expect(seen).toEqual(['/help', '/join#abc']);
    expect(store.navigations()).toBe(3);
  });

  it('drops the query string in place, keeping path and fragment', () => {
    const { win, calls } = fakeWindow('/join?lang=en#secret');
    const store = createLocationStore(win);
    store.dropQuery();
    store.dropQuery();
    expect(calls).toEqual(['replace /join#secret']);
    expect(store.getSnapshot()).toBe('/join#secret');
    expect(store.navigations()).toBe(0);
  });
});

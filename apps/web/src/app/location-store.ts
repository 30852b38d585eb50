import { routeHref, type RouteName } from './routes.js';

/** The parts of `window` the router touches. */
export type RouterWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'> & {
  scrollTo(x: number, y: number): void;
};

/**
 * The app's only way to move between screens. It uses
 * `history.replaceState` and nothing else, so the app never leaves an entry
 * in the Back history: after a quick exit, Back cannot return to any screen.
 */
export type LocationStore = {
  /** Subscribe to location changes (for `useSyncExternalStore`). */
  readonly subscribe: (listener: () => void) => () => void;
  /** `pathname + hash`, the part that selects the screen. */
  readonly getSnapshot: () => string;
  /** Show another screen, replacing the current history entry. */
  readonly navigate: (name: RouteName, options?: { readonly hash?: string }) => void;
  /** Remove the query string (e.g. `?lang=en` once applied) without a new entry. */
  readonly dropQuery: () => void;
  /** How many in-app navigations happened since load; focus moves only after the first. */
  readonly navigations: () => number;
};

/** Create the location store over a window (the real one, or a stand-in in tests). */
export function createLocationStore(win: RouterWindow): LocationStore {
  const listeners = new Set<() => void>();
  let count = 0;
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const replace = (url: string): void => {
    win.history.replaceState(win.history.state, '', url);
    notify();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      // A fragment typed by hand, or Back/Forward within a fragment change, still updates the screen.
      if (listeners.size === 1) {
        win.addEventListener('popstate', notify);
        win.addEventListener('hashchange', notify);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          win.removeEventListener('popstate', notify);
          win.removeEventListener('hashchange', notify);
        }
      };
    },
    getSnapshot: () => `${win.location.pathname}${win.location.hash}`,
    navigate(name, options) {
      count += 1;
      const hash = options?.hash === undefined || options.hash === '' ? '' : `#${options.hash}`;
      replace(`${routeHref(name)}${hash}`);
      win.scrollTo(0, 0);
    },
    dropQuery() {
      if (win.location.search === '') return;
      replace(`${win.location.pathname}${win.location.hash}`);
    },
    navigations: () => count,
  };
}

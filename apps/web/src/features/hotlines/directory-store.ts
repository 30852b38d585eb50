import { API } from '@lamplight/protocol';
import type { Directory } from '@lamplight/safety/directory';
import { BUILT_IN_VIEW, DIRECTORY_CACHE_KEY, readCached, readPublished, usableDirectory, type PublishedDirectory } from './directory-source.js';

/** The directory in force on this device: what to show, and the published view it came from. */
export type DirectoryState = Readonly<{
  /** What the footer and hand-off screens show; never without lines to call. */
  directory: Directory;
  /** The published directory as last seen (from the server, or the device cache, or built in). */
  published: PublishedDirectory;
  /** Whether `published` came from the server during this visit (not only the cache or the built-in one). */
  fresh: boolean;
}>;

/** What the store needs from the browser, as parameters so it can be tested without one. */
export type DirectorySourcePorts = Readonly<{
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Device storage outside the vault; may be missing or throw (private browsing). */
  storage: () => Pick<Storage, 'getItem' | 'setItem'>;
}>;

function stateOf(published: PublishedDirectory, fresh: boolean): DirectoryState {
  return { directory: usableDirectory(published.directory), published, fresh };
}

/**
 * The hotline directory for the footer and the hand-off screen. It starts
 * from this device's cache (or the built-in directory) at once, with no
 * network and no unlocked vault, then asks the server for the community's
 * published directory and caches it. Whatever fails, it keeps what it has.
 */
export class DirectoryStore {
  private state: DirectoryState;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly ports: DirectorySourcePorts) {
    let cached: PublishedDirectory | undefined;
    try {
      cached = readCached(ports.storage().getItem(DIRECTORY_CACHE_KEY));
    } catch {
      cached = undefined;
    }
    this.state = stateOf(cached ?? BUILT_IN_VIEW, false);
  }

  /** The current state (stable between changes, for `useSyncExternalStore`). */
  readonly snapshot = (): DirectoryState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Ask the server for the published directory. Resolves with it, or with
   * undefined when the server cannot be reached or answers with something
   * that is not a directory (then nothing changes).
   */
  async refresh(): Promise<PublishedDirectory | undefined> {
    let body: unknown;
    try {
      const res = await this.ports.fetch(API.directory, { method: 'GET', credentials: 'omit', cache: 'no-cache', referrerPolicy: 'no-referrer' });
      if (!res.ok) return undefined;
      body = await res.json();
    } catch {
      return undefined;
    }
    const published = readPublished(body);
    if (published !== undefined) this.accept(published);
    return published;
  }

  /** Use a directory the server confirmed (a fetch, or a steward's publish), and cache it on this device. */
  accept(published: PublishedDirectory): void {
    try {
      this.ports.storage().setItem(DIRECTORY_CACHE_KEY, JSON.stringify(published));
    } catch {
      // Not cached (storage full or disabled): it is still used for this visit.
    }
    this.state = stateOf(published, true);
    for (const l of this.listeners) l();
  }
}

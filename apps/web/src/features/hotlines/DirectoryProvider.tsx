import type { Directory } from '@lamplight/safety/directory';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { BUILT_IN_VIEW, usableDirectory } from './directory-source.js';
import type { DirectoryState, DirectoryStore } from './directory-store.js';

const BUILT_IN_STATE: DirectoryState = { directory: usableDirectory(BUILT_IN_VIEW.directory), published: BUILT_IN_VIEW, fresh: false };
const builtInOnly = { snapshot: () => BUILT_IN_STATE, subscribe: () => () => undefined };

const DirectoryContext = createContext<DirectoryStore | undefined>(undefined);

/** Give the screens the community's directory (without a provider they show the built-in one). */
export function DirectoryProvider({ store, children }: { readonly store: DirectoryStore; readonly children: ReactNode }) {
  return <DirectoryContext.Provider value={store}>{children}</DirectoryContext.Provider>;
}

/** The directory store, for the stewards' editor (undefined without a provider). */
export function useDirectoryStore(): DirectoryStore | undefined {
  return useContext(DirectoryContext);
}

/** The directory in force and where it came from. */
export function useDirectoryState(): DirectoryState {
  const source = useContext(DirectoryContext) ?? builtInOnly;
  return useSyncExternalStore(source.subscribe, source.snapshot);
}

/** The directory the footer and the hand-off screens show: never without lines to call. */
export function useDirectory(): Directory {
  return useDirectoryState().directory;
}

import { createContext, useContext, useMemo, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import type { LocationStore } from './location-store.js';
import { parseRoute, routeHref, type Route, type RouteName } from './routes.js';

const RouterContext = createContext<LocationStore | undefined>(undefined);

/** Provide the location store to the tree. */
export function RouterProvider({ store, children }: { readonly store: LocationStore; readonly children: ReactNode }) {
  return <RouterContext.Provider value={store}>{children}</RouterContext.Provider>;
}

/** The location store (throws outside `RouterProvider`: a wiring bug, not a runtime condition). */
export function useLocationStore(): LocationStore {
  const store = useContext(RouterContext);
  if (store === undefined) throw new Error('useLocationStore outside RouterProvider');
  return store;
}

/** The current route; re-renders on navigation. */
export function useRoute(): Route {
  const store = useLocationStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(() => {
    const hashAt = snapshot.indexOf('#');
    return hashAt === -1 ? parseRoute(snapshot, '') : parseRoute(snapshot.slice(0, hashAt), snapshot.slice(hashAt));
  }, [snapshot]);
}

/**
 * A link to another screen. A plain click replaces the current history
 * entry (never pushes); modified clicks (new tab, new window) keep the
 * browser's behaviour because the member asked for them.
 */
export function AppLink({
  to,
  className,
  children,
}: {
  readonly to: RouteName;
  readonly className?: string;
  readonly children: ReactNode;
}) {
  const store = useLocationStore();
  const current = useRoute().name === to;
  const onClick = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    store.navigate(to);
  };
  return (
    <a href={routeHref(to)} className={className} aria-current={current ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}

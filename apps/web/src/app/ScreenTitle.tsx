import { useEffect, useRef, type ReactNode } from 'react';
import { useLocationStore } from './router.js';

/**
 * A screen's `<h1>`. After an in-app navigation it takes focus, so screen
 * reader users hear where they are; on first load focus stays put.
 */
export function ScreenTitle({ children }: { readonly children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const store = useLocationStore();
  useEffect(() => {
    if (store.navigations() > 0) ref.current?.focus();
  }, [store]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children}
    </h1>
  );
}

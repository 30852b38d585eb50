import { useSyncExternalStore } from 'react';

let mentioned = false;
const listeners = new Set<() => void>();

/**
 * Note, for this visit only (memory, never stored or sent), that the member
 * wrote they are under 18 (`mentionsUnder18` from `@lamplight/safety`), so
 * the help screen shows youth and protection resources.
 */
export function noteUnder18(): void {
  if (mentioned) return;
  mentioned = true;
  for (const l of listeners) l();
}

/** Forget the note (e.g. on quick exit). */
export function clearUnder18(): void {
  if (!mentioned) return;
  mentioned = false;
  for (const l of listeners) l();
}

/** Whether the member wrote they are under 18 during this visit. */
export function useUnder18Mentioned(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => mentioned,
  );
}

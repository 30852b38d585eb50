/** Where a quick exit lands: a plain same-origin recipe page, cached for offline use. */
export const NEUTRAL_PAGE = '/recipes/';

/** Something to do when the member leaves in a hurry, e.g. lock the vault or drop decrypted state. */
export type QuickExitHandler = () => void;

/** Replaces the current page without a new history entry (`location.replace`). */
export type ReplacePage = (url: string) => void;

/** A set of quick-exit handlers and the exit itself. */
export type QuickExitRegistry = {
  /**
   * Register a handler to run on quick exit. Handlers must be synchronous
   * and quick: the page is replaced right after them. Returns a function
   * that unregisters it.
   */
  readonly onQuickExit: (handler: QuickExitHandler) => () => void;
  /**
   * Run every handler (in registration order; one that throws does not stop
   * the others), then replace the page with the neutral page. Returns how
   * many handlers threw.
   */
  readonly quickExit: () => number;
};

/** Create a registry that replaces the page through `replacePage`. */
export function createQuickExitRegistry(replacePage: ReplacePage): QuickExitRegistry {
  const handlers = new Set<QuickExitHandler>();
  return {
    onQuickExit(handler) {
      // A wrapper per registration, so registering the same function twice needs two unregisters.
      const entry: QuickExitHandler = () => handler();
      handlers.add(entry);
      return () => {
        handlers.delete(entry);
      };
    },
    quickExit() {
      let failures = 0;
      for (const handler of [...handlers]) {
        try {
          handler();
        } catch {
          // Leaving matters more than a tidy shutdown; the next handler still runs.
          failures += 1;
        }
      }
      replacePage(NEUTRAL_PAGE);
      return failures;
    },
  };
}

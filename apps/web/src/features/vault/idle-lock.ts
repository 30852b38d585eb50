/** How long the app may be hidden (another app, another tab) before it locks. */
export const HIDDEN_LOCK_MS = 60_000;

/** The timer and clock the idle lock runs on: the browser's, or a fake one in tests. */
export type IdleClock = Readonly<{
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
}>;

/** Options for {@link createIdleLock}. */
export type IdleLockOptions = Readonly<{
  clock: IdleClock;
  /** Lock after this long without activity. */
  idleMs: number;
  /** Lock when the app comes back after being hidden at least this long. */
  hiddenMs?: number;
  onLock: () => void;
}>;

/** A running idle lock. */
export type IdleLock = Readonly<{
  /** The member did something: start the idle time over. */
  activity: () => void;
  /** The page was hidden. */
  hidden: () => void;
  /** The page is visible again: lock if it was hidden too long. */
  visible: () => void;
  /** Stop without locking (e.g. the vault was locked some other way). */
  stop: () => void;
}>;

/**
 * Locks after `idleMs` without activity, or when the page returns after
 * being hidden for `hiddenMs` or more. Locks at most once.
 */
export function createIdleLock({ clock, idleMs, hiddenMs = HIDDEN_LOCK_MS, onLock }: IdleLockOptions): IdleLock {
  let timer: unknown;
  let hiddenAt: number | undefined;
  let done = false;

  const clear = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const lock = (): void => {
    if (done) return;
    done = true;
    clear();
    onLock();
  };
  const arm = (): void => {
    clear();
    if (!done) timer = clock.setTimeout(lock, idleMs);
  };

  arm();
  return {
    activity: () => {
      if (hiddenAt === undefined) arm();
    },
    hidden: () => {
      hiddenAt ??= clock.now();
    },
    visible: () => {
      if (hiddenAt === undefined) return;
      const away = clock.now() - hiddenAt;
      hiddenAt = undefined;
      if (away >= hiddenMs) lock();
      else arm();
    },
    stop: () => {
      done = true;
      clear();
    },
  };
}

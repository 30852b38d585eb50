/** How many presses of each key trigger a quick exit. */
export const QUICK_EXIT_PRESSES = { Shift: 3, Escape: 2 } as const;

/** All presses of a sequence must fall within this many milliseconds. */
export const QUICK_EXIT_WINDOW_MS = 1500;

/** The parts of a `KeyboardEvent` the detector reads, plus when it happened. */
export type KeyPress = {
  readonly key: string;
  /** Milliseconds on any monotonic clock (`event.timeStamp` is fine). */
  readonly time: number;
  /** True while a key is held down and auto-repeats: holding Shift is not pressing it. */
  readonly repeat: boolean;
  /** True inside an IME composition (Zhuyin users toggle modes with Shift). */
  readonly composing: boolean;
};

/** The detector's memory: times of the current run of presses of one key. */
export type DetectorState = { readonly key: string | undefined; readonly times: readonly number[] };

/** Nothing pressed yet. */
export const INITIAL_DETECTOR_STATE: DetectorState = { key: undefined, times: [] };

/** The next state, and whether this press completes a quick-exit sequence. */
export type DetectorStep = { readonly state: DetectorState; readonly exit: boolean };

function isTrigger(key: string): key is keyof typeof QUICK_EXIT_PRESSES {
  return Object.hasOwn(QUICK_EXIT_PRESSES, key);
}

/**
 * Feed one key press to the quick-exit detector.
 *
 * Only *consecutive* presses of the same key count, so typing capitals
 * (Shift, a letter, Shift, a letter…) never triggers it. Auto-repeat and IME
 * composition events are ignored; any other key starts over.
 */
export function detectQuickExit(state: DetectorState, press: KeyPress): DetectorStep {
  if (press.repeat) return { state, exit: false };
  if (press.composing || !isTrigger(press.key)) return { state: INITIAL_DETECTOR_STATE, exit: false };
  const previous = state.key === press.key ? state.times : [];
  const times = [...previous, press.time].filter((t) => press.time - t <= QUICK_EXIT_WINDOW_MS);
  if (times.length >= QUICK_EXIT_PRESSES[press.key]) return { state: INITIAL_DETECTOR_STATE, exit: true };
  return { state: { key: press.key, times }, exit: false };
}

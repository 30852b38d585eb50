import { createQuickExitRegistry } from './registry.js';

export { detectQuickExit, INITIAL_DETECTOR_STATE, QUICK_EXIT_PRESSES, QUICK_EXIT_WINDOW_MS } from './detector.js';
export type { DetectorState, DetectorStep, KeyPress } from './detector.js';
export { createQuickExitRegistry, NEUTRAL_PAGE } from './registry.js';
export type { QuickExitHandler, QuickExitRegistry, ReplacePage } from './registry.js';
export { QuickExitButton } from './QuickExitButton.js';
export { installQuickExitKeys } from './keys.js';

/**
 * The app's quick-exit registry. Other modules register here:
 * `const off = onQuickExit(() => vault.lock())`.
 */
const appRegistry = createQuickExitRegistry((url) => window.location.replace(url));

/** Register a handler to run on quick exit; returns an unregister function. */
export const onQuickExit = appRegistry.onQuickExit;

/** Leave now: run every handler, then replace the page with the neutral page. */
export const quickExit = appRegistry.quickExit;

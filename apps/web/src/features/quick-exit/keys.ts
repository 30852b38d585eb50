import { detectQuickExit, INITIAL_DETECTOR_STATE } from './detector.js';

/**
 * Listen for the quick-exit key sequences (Shift ×3, Esc ×2) on a window and
 * call `exit` when one completes. Listens in the capture phase so no screen
 * can swallow the keys. Returns a function that stops listening.
 */
export function installQuickExitKeys(target: Pick<Window, 'addEventListener' | 'removeEventListener'>, exit: () => void): () => void {
  let state = INITIAL_DETECTOR_STATE;
  const onKey = (event: KeyboardEvent): void => {
    const step = detectQuickExit(state, {
      key: event.key,
      time: event.timeStamp,
      repeat: event.repeat,
      composing: event.isComposing,
    });
    state = step.state;
    if (step.exit) exit();
  };
  target.addEventListener('keydown', onKey, { capture: true });
  return () => target.removeEventListener('keydown', onKey, { capture: true });
}

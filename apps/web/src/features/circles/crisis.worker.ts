import { detectCrisis } from '@lamplight/safety';

/** A request from the main thread: read one text. */
type CrisisRequest = Readonly<{ id: number; text: string }>;

// The detector runs on every pause in typing; here it never delays a keystroke.
self.onmessage = (event: MessageEvent<CrisisRequest>) => {
  const { id, text } = event.data;
  try {
    self.postMessage({ id, tier: detectCrisis(text).tier });
  } catch {
    self.postMessage({ id, failed: true });
  }
};

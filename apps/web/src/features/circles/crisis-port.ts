import { detectCrisis, type RiskTier } from '@lamplight/safety';

type CrisisReply = Readonly<{ id: number; tier?: RiskTier; failed?: boolean }>;

/** What the port needs from a Worker (the real one, or a stand-in in tests). */
export type CrisisWorker = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<CrisisReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/** Reads a text's risk tier on this device. */
export type CrisisCheck = (text: string) => Promise<RiskTier>;

/**
 * The crisis detector over a Worker, falling back to this thread when the
 * Worker cannot be made or fails (same answer, only slower to the eye). The
 * text never leaves the device either way.
 */
export function createCrisisCheck(makeWorker: () => CrisisWorker, fallback: CrisisCheck = (t) => Promise.resolve(detectCrisis(t).tier)): CrisisCheck {
  let worker: CrisisWorker | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (tier: RiskTier) => void; retry: () => void }>();

  const breakWorker = (): void => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.retry();
  };

  const ensure = (): CrisisWorker | undefined => {
    if (broken) return undefined;
    if (worker !== undefined) return worker;
    try {
      const w = makeWorker();
      w.onmessage = (event) => {
        const { id, tier, failed } = event.data;
        const p = pending.get(id);
        if (p === undefined) return;
        pending.delete(id);
        if (failed === true || tier === undefined) p.retry();
        else p.resolve(tier);
      };
      w.onerror = () => breakWorker();
      worker = w;
      return w;
    } catch {
      broken = true;
      return undefined;
    }
  };

  return (text) => {
    const w = ensure();
    if (w === undefined) return fallback(text);
    return new Promise<RiskTier>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, retry: () => void fallback(text).then(resolve, reject) });
      w.postMessage({ id, text });
    });
  };
}

let shared: CrisisCheck | undefined;

/** The app's crisis check: `detectCrisis` in `crisis.worker.ts`. */
export function browserCrisisCheck(): CrisisCheck {
  shared ??= createCrisisCheck(() => new Worker(new URL('./crisis.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}

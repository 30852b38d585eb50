import type { RiskTier } from '@lamplight/safety';
import { workerCall, type PortWorker } from '../../app/worker-call.js';

type CrisisReply = Readonly<{ id: number; tier?: RiskTier; failed?: boolean }>;

/** What the port needs from a Worker (the real one, or a stand-in in tests). */
export type CrisisWorker = PortWorker<CrisisReply>;

/** Reads a text's risk tier on this device. */
export type CrisisCheck = (text: string) => Promise<RiskTier>;

/** The detector on this thread, loaded only if the Worker fails. */
const onThisThread: CrisisCheck = (text) => import('@lamplight/safety').then((m) => m.detectCrisis(text).tier);

/**
 * The crisis detector over a Worker, falling back to this thread when the
 * Worker cannot be made or fails (same answer, only slower to the eye). The
 * text never leaves the device either way.
 */
export function createCrisisCheck(makeWorker: () => CrisisWorker, fallback: CrisisCheck = onThisThread): CrisisCheck {
  return workerCall(
    makeWorker,
    fallback,
    (id, text: string) => ({ id, text }),
    (reply) => reply.tier,
  );
}

let shared: CrisisCheck | undefined;

/** The app's crisis check: `detectCrisis` in `crisis.worker.ts`. */
export function browserCrisisCheck(): CrisisCheck {
  shared ??= createCrisisCheck(() => new Worker(new URL('./crisis.worker.ts', import.meta.url), { type: 'module' }));
  return shared;
}

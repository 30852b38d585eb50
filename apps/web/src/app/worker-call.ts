/** What a worker call needs from a Worker (the real one, or a stand-in in tests). */
export type PortWorker<Reply> = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<Reply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/** Every reply names the request it answers. */
export type PortReply = Readonly<{ id: number; failed?: boolean }>;

/**
 * A function that runs in a Worker, matched by request id, and falls back to
 * this thread when the Worker cannot be made, fails, or answers `failed` —
 * same result, only slower to the eye. Heavy work (Argon2id, the crisis
 * detector) stays off the main thread without ever leaving the device.
 *
 * @param request the message for the worker, given the request id and the call's arguments
 * @param result the answer inside a reply, or undefined when the worker could not produce it
 */
export function workerCall<Args extends readonly unknown[], Result, Reply extends PortReply>(
  makeWorker: () => PortWorker<Reply>,
  fallback: (...args: Args) => Promise<Result>,
  request: (id: number, ...args: Args) => unknown,
  result: (reply: Reply) => Result | undefined,
): (...args: Args) => Promise<Result> {
  let worker: PortWorker<Reply> | undefined;
  let broken = false;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: Result) => void; retry: () => void }>();

  const breakWorker = (): void => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.retry();
  };

  const ensure = (): PortWorker<Reply> | undefined => {
    if (broken) return undefined;
    if (worker !== undefined) return worker;
    try {
      const w = makeWorker();
      w.onmessage = (event) => {
        const p = pending.get(event.data.id);
        if (p === undefined) return;
        pending.delete(event.data.id);
        const r = event.data.failed === true ? undefined : result(event.data);
        if (r === undefined) p.retry();
        else p.resolve(r);
      };
      w.onerror = () => breakWorker();
      worker = w;
      return w;
    } catch {
      broken = true;
      return undefined;
    }
  };

  return (...args) => {
    const w = ensure();
    if (w === undefined) return fallback(...args);
    return new Promise<Result>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, retry: () => void fallback(...args).then(resolve, reject) });
      w.postMessage(request(id, ...args));
    });
  };
}

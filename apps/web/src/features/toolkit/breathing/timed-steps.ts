/** One timed step: a phase of a breath, a grounding prompt, a body-scan region. */
export type TimedStep<K extends string = string> = Readonly<{ kind: K; seconds: number }>;

/** Where a guided exercise is at a moment. */
export type StepPosition<K extends string = string> = Readonly<{
  /** Index into the steps. */
  index: number;
  kind: K;
  /** Whole seconds left in this step, counting down (never 0 while running). */
  secondsLeft: number;
  /** 0 at the start of the step, approaching 1 at its end. */
  progress: number;
  /** Completed rounds through all the steps. */
  round: number;
  done: boolean;
}>;

/**
 * Where `elapsedMs` falls in `steps` repeated `rounds` times. Pure, so a
 * fake clock can drive it in tests.
 */
export function stepAt<K extends string>(steps: readonly TimedStep<K>[], rounds: number, elapsedMs: number): StepPosition<K> {
  const first = steps[0];
  if (first === undefined) throw new RangeError('no steps');
  const roundMs = steps.reduce((sum, s) => sum + s.seconds * 1000, 0);
  const elapsed = Math.max(0, elapsedMs);
  if (elapsed >= roundMs * rounds) {
    const last = steps[steps.length - 1] ?? first;
    return { index: steps.length - 1, kind: last.kind, secondsLeft: 0, progress: 1, round: rounds, done: true };
  }
  const round = Math.floor(elapsed / roundMs);
  let at = elapsed - round * roundMs;
  for (const [index, step] of steps.entries()) {
    const ms = step.seconds * 1000;
    if (at < ms) {
      return { index, kind: step.kind, secondsLeft: Math.ceil((ms - at) / 1000), progress: at / ms, round, done: false };
    }
    at -= ms;
  }
  return { index: 0, kind: first.kind, secondsLeft: first.seconds, progress: 0, round, done: false };
}

/** A clock a guided exercise can run on; tests pass a fake one. */
export type Clock = Readonly<{
  now: () => number;
  /** Call `fn` about every `ms`; returns a function that stops it. */
  every: (ms: number, fn: () => void) => () => void;
}>;

/** A running guided exercise. */
export type StepTimer<K extends string> = Readonly<{
  position: () => StepPosition<K>;
  stop: () => void;
}>;

/**
 * Run steps on a clock, calling `onStep` whenever the step or the count
 * changes (and once at the start), and stopping itself when done.
 */
export function startStepTimer<K extends string>(
  steps: readonly TimedStep<K>[],
  rounds: number,
  clock: Clock,
  onStep: (position: StepPosition<K>) => void,
): StepTimer<K> {
  const started = clock.now();
  const position = (): StepPosition<K> => stepAt(steps, rounds, clock.now() - started);
  let last = position();
  onStep(last);
  let stopped = false;
  const cancel = clock.every(250, () => {
    if (stopped) return;
    const next = position();
    if (next.index !== last.index || next.secondsLeft !== last.secondsLeft || next.round !== last.round || next.done !== last.done) {
      last = next;
      onStep(next);
    }
    if (next.done) stop();
  });
  function stop(): void {
    if (stopped) return;
    stopped = true;
    cancel();
  }
  return { position, stop };
}

/** Breath phases. */
export type BreathPhase = 'in' | 'hold' | 'out' | 'rest';

/** The breathing patterns offered. */
export const BREATHING_PATTERNS = {
  /** Box breathing: in 4, hold 4, out 4, hold 4. */
  box: [
    { kind: 'in', seconds: 4 },
    { kind: 'hold', seconds: 4 },
    { kind: 'out', seconds: 4 },
    { kind: 'rest', seconds: 4 },
  ],
  /** 4-7-8: in 4, hold 7, out 8. */
  '478': [
    { kind: 'in', seconds: 4 },
    { kind: 'hold', seconds: 7 },
    { kind: 'out', seconds: 8 },
  ],
} as const satisfies Record<string, readonly TimedStep<BreathPhase>[]>;

/** A breathing pattern's id. */
export type BreathingPatternId = keyof typeof BREATHING_PATTERNS;

/** Body-scan regions, each held for a while (labels under `toolkit.bodyScan.steps`). */
export const BODY_SCAN_STEPS = [
  { kind: 'settle', seconds: 20 },
  { kind: 'feet', seconds: 20 },
  { kind: 'legs', seconds: 20 },
  { kind: 'belly', seconds: 20 },
  { kind: 'chest', seconds: 20 },
  { kind: 'hands', seconds: 20 },
  { kind: 'shoulders', seconds: 20 },
  { kind: 'face', seconds: 20 },
  { kind: 'whole', seconds: 20 },
] as const satisfies readonly TimedStep[];

/** 5-4-3-2-1 grounding: the senses in order, with how many things to notice. */
export const GROUNDING_STEPS = [
  { sense: 'see', count: 5 },
  { sense: 'touch', count: 4 },
  { sense: 'hear', count: 3 },
  { sense: 'smell', count: 2 },
  { sense: 'taste', count: 1 },
] as const;

/** A short vibration pattern for the start of a breath phase (ms), or none. */
export function vibrationFor(phase: BreathPhase): readonly number[] {
  return phase === 'in' ? [60] : phase === 'out' ? [30, 60, 30] : [];
}

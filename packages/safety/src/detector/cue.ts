/**
 * What a cue says about risk. Only some kinds raise a tier on their own; the
 * rest (means, quantity, prepared, timeframe, now, decided, do-it, sorry, take, persistent) sharpen others.
 */
export type CueKind =
  | 'hopeless'
  | 'leaving'
  | 'ideation'
  | 'self-harm'
  | 'method'
  | 'means'
  | 'location'
  | 'quantity'
  | 'prepared'
  | 'timeframe'
  | 'now'
  | 'decided'
  | 'do-it'
  | 'farewell'
  | 'farewell-weak'
  | 'preparation'
  | 'sorry'
  | 'take'
  | 'research'
  | 'persistent'
  | 'injury'
  | 'relapse'
  | 'attempt';

/** One lexicon entry: a reason id, its kind, and a global regex over normalised text. */
export type Cue = Readonly<{ id: string; kind: CueKind; re: RegExp }>;

/** Builds a cue; every pattern is compiled once, global and Unicode-aware. */
export function cue(id: string, kind: CueKind, source: string): Cue {
  return { id, kind, re: new RegExp(source, 'gu') };
}

/** Builds a mask: text that looks alarming but is an idiom or a neutral term. */
export function mask(source: string): RegExp {
  return new RegExp(source, 'gu');
}

/**
 * Reason ids that say why a cue was set aside rather than counted. They
 * appear in {@link Detection.reasons} after the cue ids.
 *
 * Cue ids (all listed in `CUE_IDS`) follow `category[:detail]`:
 * - concern: `hopeless`, `passive-wish`, `burden`, `leaving`;
 * - high: `ideation:active`, `ideation:relapse`, `self-harm`, any `method:*`;
 * - `method:{charcoal,gas,hanging,jumping,train,overdose,poison,cutting,drowning,vehicle,firearm}`;
 * - `means:{charcoal,rope,blade,pills,poison,height,quantity}`;
 * - `plan:{prepared,decided,do-it,timeframe,now,farewell,goodbye,research}`;
 * - `attempt:{in-progress,injury}`.
 * Means, plan and time cues raise to imminent when they meet intent or a method;
 * `attempt:in-progress`, `plan:farewell` and `plan:research` are imminent alone.
 * `model:crisis` marks a message the backoff model, not a rule, raised to high.
 */
export const REASON_MODIFIERS = {
  /** A negator stood before the cue: 「我不想死」, "I'm not going to hurt myself". */
  negated: 'negated',
  /** An idiom or neutral term was set aside: 笑死, 想死你了, "this exam is killing me", 自殺防治. */
  idiom: 'idiom',
  /** The cue was about someone else: 我朋友想自殺, "my sister said she wants to die". */
  thirdPerson: 'third-person',
  /** The cue came from news, film, a song or fiction. */
  news: 'news',
  /** The cue was in the past: 以前割過, "years ago". */
  past: 'past',
  /** The cue was inside words quoted from someone else. */
  quote: 'quote',
  /** A time, place or plan word stood in a conditional or habitual clause: 如果明天…, 有時候…, "if…". */
  conditional: 'conditional',
} as const;

/** One of the {@link REASON_MODIFIERS} values. */
export type ReasonModifier = (typeof REASON_MODIFIERS)[keyof typeof REASON_MODIFIERS];

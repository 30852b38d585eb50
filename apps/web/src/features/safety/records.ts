/**
 * The part of the open vault the safety features use (the vault model's
 * `records()`), as a port so the logic can be tested without a browser.
 */
export interface SafetyRecords {
  get<T = unknown>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  list(prefix?: string): Promise<string[]>;
}

/** Vault keys of the safety features; all start with `safety.`. */
export const SAFETY_KEYS = {
  /** The member's safety plan ({@link SafetyPlan} from `@lamplight/safety`). */
  plan: 'safety.plan',
  /** A local "check in tomorrow" reminder. */
  checkIn: 'safety.check-in',
  /** The member's open night-watch request, so it survives a reload. */
  openRequest: 'safety.watch-request',
  /** A responder's debriefs: `safety.debrief.<time>`. */
  debriefPrefix: 'safety.debrief.',
  /** A responder's burnout self-checks: `safety.burnout.<time>`. */
  burnoutPrefix: 'safety.burnout.',
  /** A steward's checked draft of the regional directory, not yet published (`KeptDraft` in features/watch). */
  directoryDraft: 'safety.directory-draft',
} as const;

/** A record key that sorts by time (fixed-width milliseconds). */
export function timedKey(prefix: string, at: number): string {
  return `${prefix}${Math.max(0, Math.floor(at)).toString().padStart(15, '0')}`;
}

/**
 * @lamplight/domain — the pure rules and state machines of Lamplight: the escalation ladder,
 * shifts and caseload, circles, admission and retention (DESIGN.md §4, §5, §7, §9).
 *
 * Nothing here reads a clock or a random source: time comes in as milliseconds since the epoch
 * (or a {@link Clock}), randomness as a function.
 */
export * from './time/units.js';
export * from './ladder/types.js';
export * from './ladder/config.js';
export * from './ladder/availability.js';
export * from './ladder/queue.js';
export { nextLevel, escalationDeadline } from './ladder/settle.js';
export * from './ladder/reducer.js';
export * from './circles/timer.js';
export * from './circles/timestamps.js';
export * from './circles/roles.js';
export * from './retention/retention.js';
export * from './admission/config.js';
export * from './admission/probation.js';
export * from './admission/invitations.js';
export * from './admission/roles.js';

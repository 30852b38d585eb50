export { findPii, CONTACT_KINDS } from './find.js';
export type { FindPiiOptions } from './find.js';
export { checkPseudonym, PSEUDONYM_MAX_LENGTH } from './pseudonym.js';
export type { PseudonymCheck, PseudonymProblem } from './pseudonym.js';
export { isValidTaiwanId } from './national-id.js';
export type { PiiFinding, PiiKind } from './types.js';

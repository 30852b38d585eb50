import { detectCrisis } from '../detector/index.js';
import type { DetectorLang, RiskTier } from '../detector/index.js';

/** One output line of `safety:classify`: a detection, or why the input line was refused. */
export type ClassifyOutput =
  | Readonly<{ tier: RiskTier; reasons: readonly string[] }>
  | Readonly<{ error: string }>;

const LANGS: readonly string[] = ['zh', 'en'] satisfies readonly DetectorLang[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Classifies one JSON Lines input, `{"text": "...", "lang"?: "zh" | "en"}`.
 * Never throws: a line that is empty, not JSON, not an object, without a
 * string `text`, or with another `lang` gets `{ error }` instead.
 * A trailing CR (CRLF files) and a byte-order mark are ignored.
 */
export function classifyLine(line: string): ClassifyOutput {
  const trimmed = line.replace(/^\uFEFF/u, '').replace(/\r$/u, '');
  if (trimmed.trim() === '') return { error: 'empty line' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { error: 'invalid JSON' };
  }
  if (!isRecord(parsed)) return { error: 'expected a JSON object' };
  const { text, lang } = parsed;
  if (typeof text !== 'string') return { error: 'missing or non-string "text"' };
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !LANGS.includes(lang))) {
    return { error: '"lang" must be "zh" or "en"' };
  }
  const detection = detectCrisis(text, typeof lang === 'string' ? (lang as DetectorLang) : undefined);
  return { tier: detection.tier, reasons: detection.reasons };
}

/** {@link classifyLine} serialised as one line of JSON (no newline). */
export function classifyLineJson(line: string): string {
  return JSON.stringify(classifyLine(line));
}

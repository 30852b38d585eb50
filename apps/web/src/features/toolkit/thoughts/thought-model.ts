import { THOUGHT_FIELDS, type ThoughtField, type ThoughtRecord, type ThoughtTemplate, parseTemplate } from '../model/records.js';

/** What the thought-record form holds before saving. */
export type ThoughtDraft = Readonly<
  Record<ThoughtField, string> & {
    emotions: readonly string[];
    intensityBefore: number;
    intensityAfter: number;
    templateId: string | undefined;
  }
>;

/** An empty sheet. */
export const EMPTY_THOUGHT_DRAFT: ThoughtDraft = {
  situation: '',
  automaticThought: '',
  evidenceFor: '',
  evidenceAgainst: '',
  balancedThought: '',
  emotions: [],
  intensityBefore: 5,
  intensityAfter: 5,
  templateId: undefined,
};

/** Why a sheet cannot be saved yet, by field. */
export type ThoughtProblems = Readonly<Partial<Record<'situation' | 'automaticThought' | 'emotions' | 'intensityBefore' | 'intensityAfter', 'required' | 'range'>>>;

const inRange = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 10;

/**
 * Check a sheet. The situation, the automatic thought and at least one
 * emotion are needed; the rest may stay empty (the member may stop halfway).
 */
export function validateThought(draft: ThoughtDraft): ThoughtProblems {
  const problems: Record<string, 'required' | 'range'> = {};
  if (draft.situation.trim() === '') problems['situation'] = 'required';
  if (draft.automaticThought.trim() === '') problems['automaticThought'] = 'required';
  if (draft.emotions.length === 0) problems['emotions'] = 'required';
  if (!inRange(draft.intensityBefore)) problems['intensityBefore'] = 'range';
  if (!inRange(draft.intensityAfter)) problems['intensityAfter'] = 'range';
  return problems;
}

/** Turn a valid sheet into a record. */
export function toThoughtRecord(draft: ThoughtDraft, id: string, now: number, previous?: ThoughtRecord): ThoughtRecord {
  return {
    id,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    templateId: draft.templateId,
    situation: draft.situation.trim(),
    automaticThought: draft.automaticThought.trim(),
    emotions: [...new Set(draft.emotions)],
    intensityBefore: draft.intensityBefore,
    evidenceFor: draft.evidenceFor.trim(),
    evidenceAgainst: draft.evidenceAgainst.trim(),
    balancedThought: draft.balancedThought.trim(),
    intensityAfter: draft.intensityAfter,
  };
}

/** The `format` of an exported template file. */
export const TEMPLATES_FORMAT = 'lamplight-thought-templates';

/**
 * Templates as a shareable file (readable JSON: a sheet's prompts hold no
 * one's story). Ids and dates are left out; importing gives new ones.
 */
export function exportTemplates(templates: readonly ThoughtTemplate[]): string {
  return JSON.stringify(
    { format: TEMPLATES_FORMAT, version: 1, templates: templates.map((t) => ({ name: t.name, prompts: t.prompts })) },
    null,
    2,
  );
}

/** Read a template file; `undefined` if it is not one. */
export function importTemplates(text: string, newId: () => string, now: number): ThoughtTemplate[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const file = parsed as { format?: unknown; templates?: unknown };
  if (typeof file !== 'object' || file === null || file.format !== TEMPLATES_FORMAT || !Array.isArray(file.templates)) return undefined;
  const out: ThoughtTemplate[] = [];
  for (const raw of file.templates as unknown[]) {
    const t = parseTemplate({ ...(typeof raw === 'object' && raw !== null ? raw : {}), id: newId(), createdAt: now, updatedAt: now });
    if (t !== undefined) out.push(t);
  }
  return out;
}

/** The prompt to show for a field: the template's words, or the default. */
export function promptFor(field: ThoughtField, template: ThoughtTemplate | undefined, fallback: string): string {
  const own = template?.prompts[field].trim() ?? '';
  return own === '' ? fallback : own;
}

export { THOUGHT_FIELDS };

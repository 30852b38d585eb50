import type { ScaleId } from '@lamplight/safety';

/** Every vault key the toolkit writes starts with this. */
export const TOOLKIT_PREFIX = 'toolkit.';

/** Kinds of record the member writes; each lives under `toolkit.<kind>.<id>`. */
export const RECORD_KINDS = ['diary', 'thought', 'template', 'check'] as const;

/** A kind of toolkit record. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Vault keys of the toolkit's own bookkeeping (kept on this device, never synced). */
export const LOCAL_KEYS = {
  /** {@link Tombstones}: what was deleted and when, so a sync does not bring it back. */
  tombstones: 'toolkit.tombstones',
  /** {@link SyncState}. */
  sync: 'toolkit.sync',
  /** {@link ReminderSettings}. */
  reminders: 'toolkit.reminders',
} as const;

/** The vault key of one record. */
export function recordKey(kind: RecordKind, id: string): string {
  return `${TOOLKIT_PREFIX}${kind}.${id}`;
}

/** The kind and id of a record key, or `undefined` for any other key. */
export function parseRecordKey(key: string): Readonly<{ kind: RecordKind; id: string }> | undefined {
  if (!key.startsWith(TOOLKIT_PREFIX)) return undefined;
  const rest = key.slice(TOOLKIT_PREFIX.length);
  const dot = rest.indexOf('.');
  if (dot <= 0) return undefined;
  const kind = rest.slice(0, dot);
  const id = rest.slice(dot + 1);
  if (id === '' || !(RECORD_KINDS as readonly string[]).includes(kind)) return undefined;
  return { kind: kind as RecordKind, id };
}

/** Fields every record has. `updatedAt` decides which copy wins in a sync. */
export type RecordBase = Readonly<{ id: string; createdAt: number; updatedAt: number }>;

/** One diary check-in. */
export type DiaryEntry = RecordBase &
  Readonly<{
    /** Emotion ids from {@link EMOTIONS}. At least one. */
    emotions: readonly string[];
    /** 0–10. */
    intensity: number;
    /** Trigger tag ids from {@link TRIGGERS}. */
    triggers: readonly string[];
    /** Body sensation ids from {@link BODY_SENSATIONS}. */
    body: readonly string[];
    note: string;
    /** What I said to myself. */
    selfTalk: string;
  }>;

/** One thought record (想法紀錄). */
export type ThoughtRecord = RecordBase &
  Readonly<{
    templateId: string | undefined;
    situation: string;
    automaticThought: string;
    emotions: readonly string[];
    intensityBefore: number;
    evidenceFor: string;
    evidenceAgainst: string;
    balancedThought: string;
    intensityAfter: number;
  }>;

/** The text fields of a thought record, in the order the sheet asks them. */
export const THOUGHT_FIELDS = ['situation', 'automaticThought', 'evidenceFor', 'evidenceAgainst', 'balancedThought'] as const;

/** A text field of a thought record. */
export type ThoughtField = (typeof THOUGHT_FIELDS)[number];

/** A member's own sheet: their words for each prompt (empty = the default prompt). */
export type ThoughtTemplate = RecordBase &
  Readonly<{
    name: string;
    prompts: Readonly<Record<ThoughtField, string>>;
  }>;

/** A saved self-check. */
export type CheckRecord = RecordBase &
  Readonly<{
    scale: ScaleId;
    answers: readonly (number | null)[];
    total: number;
    max: number;
    band: string;
    risk: 'none' | 'concern' | 'high' | 'imminent';
  }>;

/** Deleted record keys and when they were deleted. */
export type Tombstones = Readonly<Record<string, number>>;

/** What this device last saw of the synced blob. */
export type SyncState = Readonly<{ enabled: boolean; version: number; lastSyncedAt: number | undefined }>;

/** Local reminder times, `HH:MM` in the device's time zone. */
export type ReminderSettings = Readonly<{ times: readonly string[]; lastCheckedAt: number | undefined }>;

/** The emotion list (labels live in the catalogs under `toolkit.emotions`). */
export const EMOTIONS = [
  'sad',
  'anxious',
  'angry',
  'ashamed',
  'lonely',
  'tired',
  'numb',
  'scared',
  'guilty',
  'calm',
  'relieved',
  'grateful',
  'happy',
  'hopeful',
] as const;

/** Trigger tags (labels under `toolkit.triggers`). */
export const TRIGGERS = ['work', 'client', 'money', 'family', 'partner', 'health', 'sleep', 'memory', 'alone', 'online'] as const;

/** Body sensations (labels under `toolkit.body`). */
export const BODY_SENSATIONS = ['tightChest', 'racingHeart', 'tenseShoulders', 'stomach', 'headache', 'heavy', 'shaky', 'restless'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown, allowed?: readonly string[]): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && (allowed === undefined || allowed.includes(s))) : [];
const scale10 = (v: unknown): number => Math.min(10, Math.max(0, Math.round(num(v) ?? 0)));

function base(v: Record<string, unknown>): RecordBase | undefined {
  const id = v['id'];
  const createdAt = num(v['createdAt']);
  const updatedAt = num(v['updatedAt']);
  if (typeof id !== 'string' || id === '' || createdAt === undefined || updatedAt === undefined) return undefined;
  return { id, createdAt, updatedAt };
}

/** A diary entry from whatever the vault or a backup held, or `undefined`. */
export function parseDiaryEntry(v: unknown): DiaryEntry | undefined {
  if (!isObject(v)) return undefined;
  const b = base(v);
  if (b === undefined) return undefined;
  return {
    ...b,
    emotions: strings(v['emotions'], EMOTIONS),
    intensity: scale10(v['intensity']),
    triggers: strings(v['triggers'], TRIGGERS),
    body: strings(v['body'], BODY_SENSATIONS),
    note: str(v['note']),
    selfTalk: str(v['selfTalk']),
  };
}

/** A thought record from stored JSON, or `undefined`. */
export function parseThoughtRecord(v: unknown): ThoughtRecord | undefined {
  if (!isObject(v)) return undefined;
  const b = base(v);
  if (b === undefined) return undefined;
  const templateId = v['templateId'];
  return {
    ...b,
    templateId: typeof templateId === 'string' ? templateId : undefined,
    situation: str(v['situation']),
    automaticThought: str(v['automaticThought']),
    emotions: strings(v['emotions'], EMOTIONS),
    intensityBefore: scale10(v['intensityBefore']),
    evidenceFor: str(v['evidenceFor']),
    evidenceAgainst: str(v['evidenceAgainst']),
    balancedThought: str(v['balancedThought']),
    intensityAfter: scale10(v['intensityAfter']),
  };
}

/** A template from stored JSON or an imported file, or `undefined`. */
export function parseTemplate(v: unknown): ThoughtTemplate | undefined {
  if (!isObject(v)) return undefined;
  const b = base(v);
  const name = str(v['name']).trim();
  if (b === undefined || name === '') return undefined;
  const prompts = isObject(v['prompts']) ? v['prompts'] : {};
  const out = {} as Record<ThoughtField, string>;
  for (const f of THOUGHT_FIELDS) out[f] = str(prompts[f]);
  return { ...b, name, prompts: out };
}

const SCALE_IDS: readonly string[] = ['bsrs5', 'phq9', 'gad7', 'cssrs-screen'];
const RISKS: readonly string[] = ['none', 'concern', 'high', 'imminent'];

/** A saved self-check from stored JSON, or `undefined`. */
export function parseCheckRecord(v: unknown): CheckRecord | undefined {
  if (!isObject(v)) return undefined;
  const b = base(v);
  const scale = v['scale'];
  const risk = v['risk'];
  const total = num(v['total']);
  const max = num(v['max']);
  if (b === undefined || typeof scale !== 'string' || !SCALE_IDS.includes(scale) || total === undefined || max === undefined) return undefined;
  const answers = Array.isArray(v['answers']) ? v['answers'].map((a: unknown) => (typeof a === 'number' ? a : null)) : [];
  return {
    ...b,
    scale: scale as ScaleId,
    answers,
    total,
    max,
    band: str(v['band']),
    risk: typeof risk === 'string' && RISKS.includes(risk) ? (risk as CheckRecord['risk']) : 'none',
  };
}

/** Parse any record by kind. */
export function parseRecord(kind: RecordKind, v: unknown): RecordBase | undefined {
  switch (kind) {
    case 'diary':
      return parseDiaryEntry(v);
    case 'thought':
      return parseThoughtRecord(v);
    case 'template':
      return parseTemplate(v);
    case 'check':
      return parseCheckRecord(v);
  }
}

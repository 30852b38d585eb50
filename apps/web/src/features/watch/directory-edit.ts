import { parseDirectory, type Directory, type DirectoryCheck, type DirectoryEntry, type EntryKind } from '@lamplight/safety/directory';
import '../safety/zod-jitless.js';

/** Every kind an entry may have, in the order the editor shows them. */
export const ENTRY_KINDS: readonly EntryKind[] = ['crisis', 'support', 'protection', 'youth', 'emergency', 'legal', 'community'];

/** One entry as the steward's form holds it (flat strings; empty means "none"). */
export type EntryDraft = Readonly<{
  id: string;
  nameZh: string;
  nameEn: string;
  dial: string;
  always: boolean;
  hoursZh: string;
  hoursEn: string;
  purposeZh: string;
  purposeEn: string;
  kinds: readonly EntryKind[];
  footer: boolean;
}>;

/** The form for a directory. */
export function toDrafts(directory: Directory): EntryDraft[] {
  return directory.entries.map((e) => ({
    id: e.id,
    nameZh: e.name['zh-TW'],
    nameEn: e.name.en,
    dial: e.dial ?? '',
    always: e.hours.always,
    hoursZh: e.hours.always ? '' : e.hours.text['zh-TW'],
    hoursEn: e.hours.always ? '' : e.hours.text.en,
    purposeZh: e.purpose['zh-TW'],
    purposeEn: e.purpose.en,
    kinds: e.kinds,
    footer: e.footer,
  }));
}

function toEntry(d: EntryDraft): DirectoryEntry {
  const dial = d.dial.trim();
  return {
    id: d.id,
    name: { 'zh-TW': d.nameZh.trim(), en: d.nameEn.trim() },
    ...(dial === '' ? {} : { dial }),
    hours: d.always ? { always: true } : { always: false, text: { 'zh-TW': d.hoursZh.trim(), en: d.hoursEn.trim() } },
    purpose: { 'zh-TW': d.purposeZh.trim(), en: d.purposeEn.trim() },
    kinds: [...d.kinds],
    footer: d.footer,
  };
}

/** Check the form with the directory schema; the result is a directory ready to keep, or the issues. */
export function checkDrafts(region: string, drafts: readonly EntryDraft[]): DirectoryCheck {
  return parseDirectory({ version: 1, region, entries: drafts.map(toEntry) });
}

/** An empty entry with an id no other entry has. */
export function newDraft(drafts: readonly EntryDraft[]): EntryDraft {
  let n = drafts.length + 1;
  while (drafts.some((d) => d.id === `local-${n}`)) n += 1;
  return {
    id: `local-${n}`,
    nameZh: '',
    nameEn: '',
    dial: '',
    always: false,
    hoursZh: '',
    hoursEn: '',
    purposeZh: '',
    purposeEn: '',
    kinds: ['support'],
    footer: false,
  };
}

/** A steward's checked draft as kept in their vault: the directory, and the published revision the edit started from. */
export type KeptDraft = Readonly<{ directory: Directory; baseRevision: number }>;

/**
 * Read a draft from the vault. A bare directory (kept before the server had
 * a directory endpoint) counts as an edit of `publishedRevision`; anything
 * unreadable is no draft.
 */
export function readKeptDraft(stored: unknown, publishedRevision: number): KeptDraft | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const kept = stored as { directory?: unknown; baseRevision?: unknown };
  if (kept.directory === undefined) {
    const bare = parseDirectory(stored);
    return bare.ok ? { directory: bare.directory, baseRevision: publishedRevision } : undefined;
  }
  const checked = parseDirectory(kept.directory);
  const base = kept.baseRevision;
  if (!checked.ok || typeof base !== 'number' || !Number.isSafeInteger(base) || base < 0) return undefined;
  return { directory: checked.directory, baseRevision: base };
}

/** How publishing or restoring ended, for the editor to say. */
export type PublishOutcome = 'published' | 'restored' | 'conflict' | 'network' | 'forbidden' | 'rejected' | 'failed';

/** What a failed publish or restore means for the steward (nothing was changed in any of these). */
export function failureOutcome(error: unknown): PublishOutcome {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  switch (code) {
    case 'conflict':
      return 'conflict';
    case 'network':
      return 'network';
    case 'forbidden':
      return 'forbidden';
    case 'bad-request':
      return 'rejected';
    default:
      return 'failed';
  }
}

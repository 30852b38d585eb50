import type { DirectoryView } from '@lamplight/protocol';
import { footerEntries, parseDirectory, TAIWAN_DIRECTORY, type Directory, type DirectoryEntry } from '@lamplight/safety/directory';
import '../safety/zod-jitless.js';

/** The directory as the server published it (or as this device last saw it). */
export type PublishedDirectory = DirectoryView<Directory>;

/** What the app shows before any answer from the server: the built-in directory, revision 0. */
export const BUILT_IN_VIEW: PublishedDirectory = { directory: TAIWAN_DIRECTORY, revision: 0, source: 'built-in', updatedDay: null };

/**
 * Device storage key of the cached directory. Plain on purpose (like the
 * preference keys), so a look at the browser's storage does not spell out
 * what the app is. The directory is public data: it is kept outside the
 * vault so the footer works before unlocking.
 */
export const DIRECTORY_CACHE_KEY = 'cache.lines';

const isDialable = (e: DirectoryEntry): boolean => e.dial !== undefined;
const isEmergency = (e: DirectoryEntry): boolean => e.kinds.includes('emergency');

/**
 * The directory to show, never missing a kind of line a person in crisis may
 * need. A schema-valid directory always has a footer line, but a steward's
 * edit may leave out every line to talk to, the emergency numbers, or the
 * youth lines; then the built-in entries of that kind are added at the end
 * (out of the footer unless the footer itself would be empty).
 */
export function usableDirectory(candidate: Directory | undefined, builtIn: Directory = TAIWAN_DIRECTORY): Directory {
  if (candidate === undefined) return builtIn;
  const lacks = (keep: (e: DirectoryEntry) => boolean): boolean => !candidate.entries.some((e) => isDialable(e) && keep(e));
  const needFooter = footerEntries(candidate).length === 0;
  const needs: readonly ((e: DirectoryEntry) => boolean)[] = [
    ...(lacks((e) => !isEmergency(e)) ? [(e: DirectoryEntry) => !isEmergency(e)] : []),
    ...(lacks(isEmergency) ? [isEmergency] : []),
    ...(lacks((e) => e.kinds.includes('youth')) ? [(e: DirectoryEntry) => e.kinds.includes('youth')] : []),
    ...(needFooter ? [(e: DirectoryEntry) => e.footer] : []),
  ];
  if (needs.length === 0) return candidate;
  const have = new Set(candidate.entries.map((e) => e.id));
  const added = builtIn.entries
    .filter((e) => isDialable(e) && !have.has(e.id) && needs.some((need) => need(e)))
    .map((e) => ({ ...e, footer: needFooter && e.footer }));
  return { ...candidate, entries: [...candidate.entries, ...added] };
}

/** A directory view from the server or the cache, checked; undefined when it is not one. */
export function readPublished(input: unknown): PublishedDirectory | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const v = input as Partial<Record<keyof PublishedDirectory, unknown>>;
  const checked = parseDirectory(v.directory);
  if (!checked.ok) return undefined;
  if (typeof v.revision !== 'number' || !Number.isSafeInteger(v.revision) || v.revision < 0) return undefined;
  if (v.source !== 'community' && v.source !== 'built-in') return undefined;
  const updatedDay = typeof v.updatedDay === 'number' ? v.updatedDay : null;
  return { directory: checked.directory, revision: v.revision, source: v.source, updatedDay };
}

/** The cached directory from device storage text; undefined when absent or unreadable. */
export function readCached(text: string | null): PublishedDirectory | undefined {
  if (text === null) return undefined;
  try {
    return readPublished(JSON.parse(text));
  } catch {
    return undefined;
  }
}

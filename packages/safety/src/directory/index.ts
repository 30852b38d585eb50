import { directorySchema, type Directory, type DirectoryEntry } from './schema.js';

export { TAIWAN_DIRECTORY } from './taiwan.js';
export { directorySchema, directoryEntrySchema, entryKind } from './schema.js';
export type { Directory, DirectoryEntry, EntryKind, DirectoryLocale } from './schema.js';

/** Result of checking a steward's edited directory. */
export type DirectoryCheck =
  | { readonly ok: true; readonly directory: Directory }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Validate a directory (for example a steward's regional edit) before it is used. */
export function parseDirectory(input: unknown): DirectoryCheck {
  const r = directorySchema.safeParse(input);
  if (r.success) return { ok: true, directory: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) };
}

/** The entries shown in the footer of every screen, in directory order. */
export function footerEntries(directory: Directory): readonly DirectoryEntry[] {
  return directory.entries.filter((e) => e.footer && e.dial !== undefined);
}

/** A `tel:` URI for an entry's number, or undefined when it has none. */
export function telHref(entry: DirectoryEntry): string | undefined {
  return entry.dial === undefined ? undefined : `tel:${entry.dial.replace(/[^0-9]/gu, '')}`;
}

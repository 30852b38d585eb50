import { z } from 'zod';

const localized = z.object({ 'zh-TW': z.string().min(1).max(400), en: z.string().min(1).max(400) }).strict();

/** What a directory entry is for; the hand-off screen groups by it. */
export const entryKind = z.enum(['crisis', 'support', 'protection', 'youth', 'emergency', 'legal', 'community']);

/** A dialable number: digits with optional dashes or spaces, as printed. */
const dial = z.string().regex(/^[0-9][0-9 -]{1,18}[0-9]$/u, 'a phone number of digits, dashes or spaces');

export const directoryEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/u),
    name: localized,
    dial: dial.optional(),
    hours: z.discriminatedUnion('always', [
      z.object({ always: z.literal(true) }).strict(),
      z.object({ always: z.literal(false), text: localized }).strict(),
    ]),
    purpose: localized,
    kinds: z.array(entryKind).min(1),
    footer: z.boolean(),
  })
  .strict();

export const directorySchema = z
  .object({
    version: z.literal(1),
    region: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/u),
    entries: z.array(directoryEntrySchema).min(1).max(100),
  })
  .strict()
  .refine((d) => new Set(d.entries.map((e) => e.id)).size === d.entries.length, {
    message: 'directory entry ids must be unique',
  })
  .refine((d) => d.entries.some((e) => e.footer && e.dial !== undefined), {
    message: 'a directory needs at least one dialable entry in the footer',
  });

export type Directory = z.infer<typeof directorySchema>;
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;
export type EntryKind = z.infer<typeof entryKind>;
export type DirectoryLocale = keyof DirectoryEntry['name'];

import type { Locale } from '@lamplight/i18n';
import { footerEntries, telHref, type Directory, type DirectoryEntry } from '@lamplight/safety/directory';

/** One dialable line, ready to render. */
export type HotlineItem = {
  readonly id: string;
  readonly name: string;
  /** The number as printed, e.g. `0800-013-999`. */
  readonly number: string;
  /** `tel:` link. */
  readonly href: string;
  /** Answered around the clock. */
  readonly allDay: boolean;
  /** Opening hours when not around the clock. */
  readonly hours: string | undefined;
  readonly purpose: string;
};

function toItem(entry: DirectoryEntry, locale: Locale): HotlineItem | undefined {
  const href = telHref(entry);
  if (href === undefined || entry.dial === undefined) return undefined;
  return {
    id: entry.id,
    name: entry.name[locale],
    number: entry.dial,
    href,
    allDay: entry.hours.always,
    hours: entry.hours.always ? undefined : entry.hours.text[locale],
    purpose: entry.purpose[locale],
  };
}

/** The lines in the footer of every screen, in directory order. */
export function footerHotlines(directory: Directory, locale: Locale): readonly HotlineItem[] {
  return footerEntries(directory).flatMap((e) => toItem(e, locale) ?? []);
}

/** Every dialable line, for the help screen, in directory order. */
export function allHotlines(directory: Directory, locale: Locale): readonly HotlineItem[] {
  return directory.entries.flatMap((e) => toItem(e, locale) ?? []);
}

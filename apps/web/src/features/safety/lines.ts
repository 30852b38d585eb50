import type { Locale } from '@lamplight/i18n';
import type { Directory, EntryKind } from '@lamplight/safety/directory';
import { allHotlines, type HotlineItem } from '../hotlines/hotlines.js';

function byKind(directory: Directory, locale: Locale, keep: (kinds: readonly EntryKind[]) => boolean): readonly HotlineItem[] {
  const ids = new Set(directory.entries.filter((e) => keep(e.kinds)).map((e) => e.id));
  return allHotlines(directory, locale).filter((l) => ids.has(l.id));
}

/** Lines to call to talk to someone (everything dialable except police and ambulance), in directory order. */
export function talkLines(directory: Directory, locale: Locale): readonly HotlineItem[] {
  return byKind(directory, locale, (kinds) => !kinds.includes('emergency'));
}

/** Police and ambulance: only ever the member's own choice to call. */
export function emergencyLines(directory: Directory, locale: Locale): readonly HotlineItem[] {
  return byKind(directory, locale, (kinds) => kinds.includes('emergency'));
}

/** The lines for someone under 18: the directory's youth and protection entries (113 in Taiwan). */
export function youthLines(directory: Directory, locale: Locale): readonly HotlineItem[] {
  return byKind(directory, locale, (kinds) => kinds.includes('youth'));
}

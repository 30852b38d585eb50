import { describe, expect, it } from 'vitest';
import { footerEntries, TAIWAN_DIRECTORY, type Directory, type DirectoryEntry } from '@lamplight/safety/directory';
import { BUILT_IN_VIEW, readCached, readPublished, usableDirectory } from './directory-source.js';
import { talkLines, emergencyLines, youthLines } from '../safety/lines.js';

const NGO: DirectoryEntry = {
  id: 'local-ngo',
  name: { 'zh-TW': '在地互助站', en: 'Local mutual-aid line' },
  dial: '02-2555-0000',
  hours: { always: true },
  purpose: { 'zh-TW': '在地的姊妹互助。', en: 'Local peer support.' },
  kinds: ['community'],
  footer: true,
};

describe('the directory to show', () => {
  it('is the built-in one when there is nothing else', () => {
    expect(usableDirectory(undefined)).toBe(TAIWAN_DIRECTORY);
  });

  it('keeps a complete community directory exactly as published', () => {
    const edited: Directory = { ...TAIWAN_DIRECTORY, entries: [...TAIWAN_DIRECTORY.entries, NGO] };
    expect(usableDirectory(edited)).toBe(edited);
  });

  it('adds the built-in emergency and youth lines a steward left out, without putting them in the footer', () => {
    const onlyNgo: Directory = { version: 1, region: 'TW-TPE', entries: [NGO] };
    const shown = usableDirectory(onlyNgo);
    expect(footerEntries(shown).map((e) => e.id)).toEqual(['local-ngo']);
    expect(emergencyLines(shown, 'zh-TW').map((l) => l.href)).toEqual(['tel:110', 'tel:119']);
    expect(youthLines(shown, 'zh-TW').map((l) => l.href)).toEqual(['tel:113']);
    expect(talkLines(shown, 'zh-TW')[0]?.id).toBe('local-ngo');
  });

  it('adds the built-in lines to talk to when a directory has only police and ambulance, and never shows an empty footer', () => {
    const emergencyOnly: Directory = { version: 1, region: 'TW', entries: TAIWAN_DIRECTORY.entries.filter((e) => e.kinds.includes('emergency')) };
    const shown = usableDirectory(emergencyOnly);
    expect(talkLines(shown, 'en').map((l) => l.href)).toContain('tel:1925');
    // A directory that (against the schema) has no footer line gets the built-in footer lines.
    const noFooter = { ...emergencyOnly, entries: emergencyOnly.entries.map((e) => ({ ...e, footer: false })) };
    expect(footerEntries(usableDirectory(noFooter)).map((e) => e.dial)).toEqual(['1925', '1995', '1980', '113']);
  });
});

describe('reading a published directory', () => {
  it('accepts what the server sends and what the device cached', () => {
    const view = { directory: TAIWAN_DIRECTORY, revision: 3, source: 'community', updatedDay: 1_700_000_000_000 };
    expect(readPublished(view)).toEqual(view);
    expect(readCached(JSON.stringify(BUILT_IN_VIEW))).toEqual(BUILT_IN_VIEW);
  });

  it('refuses anything that is not a valid directory view', () => {
    expect(readCached(null)).toBeUndefined();
    expect(readCached('{not json')).toBeUndefined();
    expect(readPublished({ ...BUILT_IN_VIEW, directory: { version: 1, region: 'TW', entries: [] } })).toBeUndefined();
    expect(readPublished({ ...BUILT_IN_VIEW, revision: -1 })).toBeUndefined();
    expect(readPublished({ ...BUILT_IN_VIEW, source: 'elsewhere' })).toBeUndefined();
    expect(readPublished('directory')).toBeUndefined();
  });
});
